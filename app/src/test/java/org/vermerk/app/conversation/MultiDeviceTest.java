package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.app.testing.EngineClient.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Message;
import org.vermerk.protocol.codec.Bytes;

/**
 * Several devices of one user (ADR 0022), end to end: the real server on loopback, real clients,
 * each device its own encrypted store. A device enrolled later is brought into its user's
 * conversations by one of the user's other devices; it reads what is sent from then on, shows a
 * note that earlier messages are not on it, and its user's contacts see a key change.
 */
class MultiDeviceTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";
    private static final String CARA = "cara@bmi.example";

    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<EngineClient> open = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (EngineClient c : open) {
            c.close();
        }
        server.close();
    }

    private EngineClient user(String userId) throws Exception {
        EngineClient c = EngineClient.enrol(server, dir.resolve(userId + "-1"), userId);
        open.add(c);
        return c;
    }

    private EngineClient newDevice(String userId, int n) throws Exception {
        EngineClient c = EngineClient.enrolDevice(server, dir.resolve(userId + "-" + n), userId);
        open.add(c);
        return c;
    }

    @Test
    void annasNewDeviceJoinsHerConversationsReadsAndSendsWithANoteThatEarlierHistoryIsMissing() throws Exception {
        EngineClient anna = user(ANNA);
        EngineClient ben = user(BEN);
        EngineClient cara = user(CARA);
        String direct = anna.engine().direct(BEN);
        String group = anna.engine().createGroup("Haushalt 2027", List.of(BEN, CARA));
        anna.engine().sendText(direct, "vorher 1:1");
        anna.engine().sendText(group, "vorher Gruppe");
        ben.awaitTexts(direct, 1);
        cara.awaitTexts(group, 1);

        EngineClient anna2 = newDevice(ANNA, 2);
        assertThat(anna.engine().checkOwnDevices()).isEqualTo(2);

        await(() -> anna2.engine().conversations().size() == 2, "anna's new device has both conversations");
        await(
                () -> anna2.engine().conversation(group).orElseThrow().title().equals("Haushalt 2027"),
                "the new device learns the group's title");
        for (String id : List.of(direct, group)) {
            List<Message> onNewDevice = anna2.engine().messages(id, 50);
            assertThat(onNewDevice)
                    .noneMatch(m -> "vorher 1:1".equals(m.searchText()))
                    .noneMatch(m -> "vorher Gruppe".equals(m.searchText()));
            assertThat(onNewDevice)
                    .as("the note that earlier messages are not on this device")
                    .anySatisfy(m -> assertThat(Payload.parse(m.content())).isInstanceOf(Payload.HistoryNote.class));
        }
        assertThat(anna.engine().messages(group, 50)).noneMatch(MultiDeviceTest::isHistoryNote);

        // Anna's contacts see her new device as a key change that waits for an acknowledgement.
        await(() -> ben.engine().trust(ANNA) == TrustState.KEY_CHANGED, "ben sees anna's new key");
        assertThatThrownBy(() -> ben.engine().sendText(direct, "zu früh"))
                .isInstanceOf(KeyChangeNotAcknowledgedException.class);
        ben.engine().acknowledgeKeyChange(ANNA);
        await(() -> cara.engine().trust(ANNA) == TrustState.KEY_CHANGED, "cara sees anna's new key");
        cara.engine().acknowledgeKeyChange(ANNA);

        ben.engine().sendText(direct, "nachher von Ben");
        cara.engine().sendText(group, "nachher von Cara");
        anna2.awaitTexts(direct, 1);
        anna2.awaitTexts(group, 1);
        assertThat(anna2.texts(direct)).containsExactly("nachher von Ben");
        assertThat(anna2.texts(group)).containsExactly("nachher von Cara");
        anna.awaitTexts(direct, 1);

        Message fromNewDevice = anna2.engine().sendText(group, "vom neuen Gerät");
        ben.awaitTexts(group, 3); // "vorher Gruppe", Cara's and this one: 2 could be met before this one came
        cara.awaitTexts(group, 2); // "vorher Gruppe" and this one (own texts are not counted)
        assertThat(ben.texts(group)).endsWith("vom neuen Gerät");
        assertThat(cara.stored(fromNewDevice.id()).senderDeviceId())
                .isEqualTo(anna2.engine().deviceId());
        await(
                () -> anna.engine().message(fromNewDevice.id()).isPresent(),
                "anna's first device has what her new one sent");
        anna2.engine().sendText(direct, "auch 1:1");
        await(() -> ben.texts(direct).contains("auch 1:1"), "ben reads the new device in the 1:1");

        // Checked again, nothing is new: nobody is added twice.
        assertThat(anna.engine().checkOwnDevices()).isZero();
        assertThat(anna2.engine().checkOwnDevices()).isZero();
    }

    @Test
    void aDeviceThatReconnectsBringsTheNewDeviceInByItself() throws Exception {
        EngineClient anna = user(ANNA);
        EngineClient ben = user(BEN);
        String direct = anna.engine().direct(BEN);
        anna.goOffline();
        EngineClient anna2 = newDevice(ANNA, 2);

        anna.comeBack(); // the check after connecting
        await(() -> anna2.engine().conversations().size() == 1, "the new device is in the 1:1");
        await(() -> ben.engine().trust(ANNA) == TrustState.KEY_CHANGED, "ben sees anna's new key");
        ben.engine().acknowledgeKeyChange(ANNA);
        ben.engine().sendText(direct, "hallo beide");
        anna2.awaitTexts(direct, 1);
        anna.awaitTexts(direct, 1);
    }

    @Test
    void aCheckWhoseNewDeviceASiblingAddedAlreadyUsesUpNoKeyPackage() throws Exception {
        EngineClient anna = user(ANNA);
        EngineClient ben = user(BEN);
        EngineClient anna2 = newDevice(ANNA, 2);
        String group = anna.engine().createGroup("Lage", List.of(BEN));
        await(() -> anna2.engine().conversations().size() == 1, "anna's second device is in the group");
        anna.engine().checkOwnDevices();
        anna2.engine().checkOwnDevices();
        EngineClient anna3 = newDevice(ANNA, 3);
        assertThat(anna2.engine().checkOwnDevices()).isEqualTo(1);
        await(() -> anna.engine().devices(group).size() == 4, "anna's first device sees the third");
        int before2 = stockAfterReconnect(anna2);
        int before3 = stockAfterReconnect(anna3);

        assertThat(anna.engine().checkOwnDevices()).isZero();

        assertThat(stockAfterReconnect(anna2))
                .as("anna2's one-time KeyPackages")
                .isEqualTo(before2);
        assertThat(stockAfterReconnect(anna3))
                .as("anna3's one-time KeyPackages")
                .isEqualTo(before3);
        assertThat(ben.engine().devices(group)).hasSize(4);
    }

    /** The device's one-time KeyPackages on the server, as its next authentication reports them. */
    private static int stockAfterReconnect(EngineClient device) throws Exception {
        device.goOffline();
        device.comeBack();
        await(
                () -> device.engine().connectionState() instanceof ConnectionState.Online,
                device.engine().deviceId() + " is online again");
        return ((ConnectionState.Online) device.engine().connectionState()).keyPackageStock();
    }

    @Test
    void twoOfAnnasDevicesAddingTheThirdAtOnceDoNotFork() throws Exception {
        EngineClient anna = user(ANNA);
        EngineClient ben = user(BEN);
        EngineClient anna2 = newDevice(ANNA, 2);
        String group = anna.engine().createGroup("Lage", List.of(BEN)); // both of anna's devices
        String direct = ben.engine().direct(ANNA);
        await(() -> anna2.engine().conversations().size() == 2, "anna's second device is in both");
        // Both of anna's devices know each other now: only the third is new to them.
        anna.engine().checkOwnDevices();
        anna2.engine().checkOwnDevices();

        EngineClient anna3 = newDevice(ANNA, 3);
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> unchecked(anna.engine()::checkOwnDevices));
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> unchecked(anna2.engine()::checkOwnDevices));
        int added = first.get() + second.get();
        assertThat(added)
                .as("each conversation got the device from exactly one of them")
                .isEqualTo(2);

        await(() -> anna3.engine().conversations().size() == 2, "the third device is in both");
        Bytes third = anna3.account().signingIdentity().signatureKeys().publicKey();
        for (String id : List.of(group, direct)) {
            for (EngineClient c : List.of(anna, anna2, anna3, ben)) {
                await(
                        () -> c.engine().devices(id).stream()
                                        .filter(m -> m.signatureKey().equals(third))
                                        .count()
                                == 1,
                        c.engine().deviceId() + " sees the third device once in " + id);
            }
        }
        await(() -> ben.engine().trust(ANNA) == TrustState.KEY_CHANGED, "ben sees anna's new key");
        ben.engine().acknowledgeKeyChange(ANNA);
        ben.engine().sendText(group, "an alle drei");
        anna3.awaitTexts(group, 1);
        anna2.awaitTexts(group, 1);
        anna.awaitTexts(group, 1);
        Message back = anna3.engine().sendText(group, "Gerät drei");
        await(() -> ben.texts(group).contains("Gerät drei"), "ben reads the third device");
        await(() -> anna.engine().message(back.id()).isPresent(), "anna's first device too");
        await(() -> anna2.engine().message(back.id()).isPresent(), "and her second");
    }

    @Test
    void aRemovedPersonAddedAgainReadsNewMessagesButNotThoseSentWhileOut() throws Exception {
        EngineClient anna = user(ANNA);
        EngineClient ben = user(BEN);
        EngineClient cara = user(CARA);
        String group = anna.engine().createGroup("Referat", List.of(BEN, CARA));
        anna.engine().sendText(group, "eins");
        ben.awaitTexts(group, 1);
        cara.awaitTexts(group, 1); // cara has joined: "ben out" below is not true of no conversation

        anna.engine().removeMembers(group, List.of(BEN));
        await(
                () -> !cara.engine().members(group).stream()
                        .anyMatch(m -> m.userId().equals(BEN)),
                "cara sees ben out");
        cara.engine().sendText(group, "während Ben draußen ist");
        anna.awaitTexts(group, 1);

        anna.engine().addMembers(group, List.of(BEN));
        anna.engine().sendText(group, "willkommen zurück");
        await(() -> ben.texts(group).contains("willkommen zurück"), "ben reads what is sent after his return");
        assertThat(ben.texts(group)).containsExactly("eins", "willkommen zurück");
        Conversation back = ben.engine().conversation(group).orElseThrow();
        assertThat(back.archived()).isFalse();
        assertThat(ben.engine().messages(group, 50))
                .anySatisfy(m -> assertThat(Payload.parse(m.content())).isInstanceOf(Payload.HistoryNote.class));

        ben.engine().sendText(group, "bin wieder da");
        anna.awaitTexts(group, 2);
        await(() -> cara.texts(group).contains("bin wieder da"), "cara reads ben again");
    }

    private static boolean isHistoryNote(Message m) {
        try {
            return Payload.parse(m.content()) instanceof Payload.HistoryNote;
        } catch (Payload.InvalidPayloadException e) {
            return false;
        }
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
