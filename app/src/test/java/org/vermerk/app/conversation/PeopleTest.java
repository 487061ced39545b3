package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.Device;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Message;

/**
 * People end to end on the real server: the directory, classification markings that reach joiners,
 * and trust in contacts' keys (first use, verified, changed and acknowledged; ADR 0014).
 */
class PeopleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    /** One device: account, engine and what its listener saw. */
    private final class Client implements AutoCloseable {
        final String userId;
        final Account account;
        final ConversationEngine engine;
        final List<Message> received = new CopyOnWriteArrayList<>();
        final List<String> keyChanges = new CopyOnWriteArrayList<>();
        final List<TrustState> trustChanges = new CopyOnWriteArrayList<>();

        Client(String userId, String home, String code) throws Exception {
            this.userId = userId;
            this.account = TestAccounts.enrol(server, dir.resolve(home), userId, code);
            this.engine = ConversationEngine.start(account, new ConversationListener() {
                @Override
                public void onMessage(Message message) {
                    if (!message.senderUserId().equals(userId)) {
                        received.add(message);
                    }
                }

                @Override
                public void onKeyChanged(String user, List<String> conversationIds) {
                    keyChanges.add(user + " " + conversationIds);
                }

                @Override
                public void onTrustChanged(String user, TrustState trust) {
                    trustChanges.add(trust);
                }
            });
            open.add(this);
        }

        List<String> texts(String conversationId) {
            return received.stream()
                    .filter(m -> m.conversationId().equals(conversationId) && m.searchText() != null)
                    .map(Message::searchText)
                    .toList();
        }

        @Override
        public void close() {
            engine.close();
            account.close();
        }
    }

    private Client client(String userId, String displayName) throws Exception {
        return new Client(userId, userId, server.server().administration().addUser(userId, displayName));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theDirectoryFindsUsersByNamePrefixAndByIdAndListsTheirDevices() throws Exception {
        Client anna = client("anna@bmi.example", "Anna Schmidt");
        server.server().administration().addUser("annette@bmi.example", "Annette Berger");
        server.server().administration().addUser("ben@bmi.example", "Ben Krüger");

        assertThat(anna.engine.directory().search("an", 20))
                .extracting(DirectoryUser::userId)
                .containsExactlyInAnyOrder("anna@bmi.example", "annette@bmi.example");
        assertThat(anna.engine.directory().search("Ben K", 20))
                .containsExactly(new DirectoryUser("ben@bmi.example", "Ben Krüger"));
        assertThat(anna.engine.directory().search("  ", 20))
                .as("blank finds nobody")
                .isEmpty();
        assertThat(anna.engine.directory().search("zz", 20)).isEmpty();
        assertThat(anna.engine.directory().user("annette@bmi.example"))
                .contains(new DirectoryUser("annette@bmi.example", "Annette Berger"));
        assertThat(anna.engine.directory().user("nobody@bmi.example")).isEmpty();
        List<Device> devices = anna.engine.directory().devices(anna.userId);
        assertThat(devices).singleElement().satisfies(d -> {
            assertThat(d.thisDevice()).isTrue();
            assertThat(d.signatureKey())
                    .isEqualTo(anna.account.signingIdentity().signatureKeys().publicKey());
        });
        assertThat(anna.engine.directory().devices("ben@bmi.example"))
                .as("enrolled nothing yet")
                .isEmpty();
    }

    @Test
    void aClassificationSetAtCreationReachesTheMembersAndAMemberAddedLater() throws Exception {
        Client anna = client("anna@bmi.example", "Anna Schmidt");
        Client ben = client("ben@bmi.example", "Ben Krüger");
        Client clara = client("clara@bmi.example", "Clara Weiß");
        String label = "VS – NUR FÜR DEN DIENSTGEBRAUCH";

        String id = anna.engine.createGroup("Lagezentrum", "  " + label + " ", List.of(ben.userId));
        assertThat(anna.engine.conversation(id).orElseThrow().classification()).isEqualTo(label);
        awaitTrue(() -> classification(ben, id) != null, "ben learns the marking");
        assertThat(classification(ben, id)).isEqualTo(label);
        assertThat(ben.engine.conversation(id).orElseThrow().title()).isEqualTo("Lagezentrum");

        ben.engine.addMembers(id, List.of(clara.userId));
        awaitTrue(() -> classification(clara, id) != null, "clara, added later, learns the marking");
        assertThat(classification(clara, id)).isEqualTo(label);
        assertThat(clara.engine.conversation(id).orElseThrow().title()).isEqualTo("Lagezentrum");

        anna.engine.rename(id, "Lagezentrum Nord");
        assertThat(anna.engine.groupInfo(id).title()).isEqualTo("Lagezentrum Nord");
        assertThat(anna.engine.groupInfo(id).classification()).contains(label);
        awaitTrue(() -> title(clara, id).equals("Lagezentrum Nord"), "clara sees the new title");
        assertThat(classification(clara, id)).as("the marking stays").isEqualTo(label);

        String open = anna.engine.createGroup("Kantine", null, List.of(ben.userId));
        assertThat(anna.engine.conversation(open).orElseThrow().classification())
                .isNull();
        assertThatThrownBy(() -> anna.engine.createGroup("x", "zwei\nZeilen", List.of()))
                .isInstanceOf(ConversationException.class)
                .hasMessageContaining("one line");
    }

    /** How many messages of its own user the client stored in the conversation (others' may arrive meanwhile). */
    private static long own(Client client, String id) throws Exception {
        return client.engine.messages(id, 1000).stream()
                .filter(m -> m.senderUserId().equals(client.userId))
                .count();
    }

    private static String title(Client client, String id) {
        try {
            return client.engine.conversation(id).map(c -> c.title()).orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    private static String classification(Client client, String id) {
        try {
            return client.engine.conversation(id).map(c -> c.classification()).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void aFirstContactIsTrustedOnFirstUseAndVerifyingMakesItVerified() throws Exception {
        Client anna = client("anna@bmi.example", "Anna Schmidt");
        Client ben = client("ben@bmi.example", "Ben Krüger");
        assertThat(anna.engine.trust(ben.userId)).isEqualTo(TrustState.UNKNOWN);

        String id = anna.engine.direct(ben.userId);
        assertThat(anna.engine.trust(ben.userId)).isEqualTo(TrustState.TRUSTED_ON_FIRST_USE);
        awaitTrue(() -> trust(ben, anna.userId) == TrustState.TRUSTED_ON_FIRST_USE, "ben met anna by the Welcome");
        assertThat(anna.engine.trust(anna.userId)).as("own user is no contact").isEqualTo(TrustState.UNKNOWN);

        assertThat(anna.engine.safetyNumber(ben.userId)).isEqualTo(ben.engine.safetyNumber(anna.userId));
        assertThat(anna.engine.verify(ben.userId)).isEqualTo(TrustState.VERIFIED);
        assertThat(anna.engine.contact(ben.userId).orElseThrow().displayName()).isEqualTo("Ben Krüger");
        assertThat(anna.trustChanges).contains(TrustState.VERIFIED);
        GroupInfo info = anna.engine.groupInfo(id);
        assertThat(info.group()).isFalse();
        assertThat(info.members())
                .extracting(
                        GroupInfo.MemberInfo::userId, GroupInfo.MemberInfo::displayName, GroupInfo.MemberInfo::trust)
                .contains(org.assertj.core.groups.Tuple.tuple(ben.userId, "Ben Krüger", TrustState.VERIFIED));

        anna.engine.sendText(id, "verifiziert");
        awaitTrue(() -> ben.texts(id).contains("verifiziert"), "ben receives");
        assertThat(anna.engine.trust(ben.userId)).as("the same keys seen again").isEqualTo(TrustState.VERIFIED);
    }

    @Test
    void aContactsNewDeviceKeyIsAKeyChangeThatHoldsSendingBackUntilAcknowledged() throws Exception {
        Client anna = client("anna@bmi.example", "Anna Schmidt");
        Client ben = client("ben@bmi.example", "Ben Krüger");
        Client clara = client("clara@bmi.example", "Clara Weiß");
        String group = anna.engine.createGroup("Referat Z 3", List.of(ben.userId, clara.userId));
        String direct = anna.engine.direct(ben.userId);
        anna.engine.verify(ben.userId);
        awaitTrue(() -> trust(clara, ben.userId) == TrustState.TRUSTED_ON_FIRST_USE, "clara met ben");

        // Ben enrols a new device with a new key (a re-enrolment, or someone holding his code).
        Client benAgain = new Client(ben.userId, "ben-2", server.newCode(ben.userId));
        clara.engine.addMembers(group, List.of(ben.userId));

        awaitTrue(() -> trust(anna, ben.userId) == TrustState.KEY_CHANGED, "anna sees ben's key change");
        assertThat(trust(clara, ben.userId)).as("by her own commit").isEqualTo(TrustState.KEY_CHANGED);
        awaitTrue(() -> !anna.keyChanges.isEmpty(), "anna's listener is told");
        assertThat(anna.keyChanges.getFirst())
                .startsWith(ben.userId)
                .contains(group)
                .contains(direct);
        awaitTrue(
                () -> anna.received.stream()
                        .anyMatch(m ->
                                m.conversationId().equals(direct) && m.content().contains("\"type\":\"key-changed\"")),
                "a warning stands in the 1:1 conversation too");

        long before = own(anna, group);
        assertThatThrownBy(() -> anna.engine.sendText(group, "geheim"))
                .isInstanceOfSatisfying(
                        KeyChangeNotAcknowledgedException.class,
                        e -> assertThat(e.userIds()).containsExactly(ben.userId));
        assertThatThrownBy(() -> anna.engine.sendText(direct, "geheim"))
                .isInstanceOf(KeyChangeNotAcknowledgedException.class);
        assertThat(own(anna, group)).as("nothing stored").isEqualTo(before);

        assertThat(anna.engine.unacknowledgedKeyChanges(direct)).containsExactly(ben.userId);
        assertThat(anna.engine.acknowledgeKeyChange(ben.userId))
                .as("no longer verified: the number changed")
                .isEqualTo(TrustState.TRUSTED_ON_FIRST_USE);
        anna.engine.sendText(group, "nach Bestätigung");
        awaitTrue(() -> benAgain.texts(group).contains("nach Bestätigung"), "ben's new device receives");
        awaitTrue(() -> ben.texts(group).contains("nach Bestätigung"), "ben's old device receives");
        assertThat(anna.engine.trust(ben.userId)).isEqualTo(TrustState.TRUSTED_ON_FIRST_USE);
        anna.engine.verify(ben.userId);
        assertThat(anna.engine.trust(ben.userId)).isEqualTo(TrustState.VERIFIED);
    }

    private static TrustState trust(Client client, String userId) {
        try {
            return client.engine.trust(userId);
        } catch (Exception e) {
            return null;
        }
    }
}
