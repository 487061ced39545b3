package org.vermerk.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;

/** The SQLite store's transactions, without a network: epochs, fan-out, de-duplication, claims, acks. */
class SqliteDeliveryStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Bytes GROUP = Bytes.of(new byte[] {1, 2, 3});

    @TempDir
    Path directory;

    private SqliteDeliveryStore store;

    @BeforeEach
    void open() {
        store = SqliteDeliveryStore.open(directory.resolve("server.db"), directory.resolve("native"));
        store.addUser(new User("anna", "Anna Schmidt"), NOW);
        store.addUser(new User("ben", "Ben Braun"), NOW);
        for (String device : List.of("a1", "a2", "b1")) {
            Bytes code = Bytes.of(device.getBytes());
            String user = device.startsWith("a") ? "anna" : "ben";
            store.addEnrolmentCode(code, user, NOW.plusSeconds(60));
            assertThat(store.enrol(code, new Device(device, user, device, "ed25519", Bytes.of(new byte[32])), NOW))
                    .isPresent();
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static NewGroupMessage commit(String sender, long epoch, String clientId, List<String> add) {
        return new NewGroupMessage(
                GROUP,
                DeliveryKind.COMMIT,
                epoch,
                sender,
                clientId,
                Bytes.of(new byte[] {9}),
                add.isEmpty() ? null : Bytes.of(new byte[] {7}),
                add,
                List.of(),
                NOW);
    }

    private static NewGroupMessage application(String sender, long epoch, String clientId) {
        return new NewGroupMessage(
                GROUP,
                DeliveryKind.APPLICATION,
                epoch,
                sender,
                clientId,
                Bytes.of(new byte[] {5}),
                null,
                List.of(),
                List.of(),
                NOW);
    }

    @Test
    void aCodeEnrolsOnceAndOnlyForItsUser() {
        Bytes code = Bytes.of(new byte[] {42});
        store.addEnrolmentCode(code, "anna", NOW.plusSeconds(60));
        Device device = new Device("a3", "anna", "", "ed25519", Bytes.of(new byte[32]));

        assertThat(store.enrol(code, new Device("x", "ben", "", "ed25519", Bytes.of(new byte[32])), NOW))
                .isEmpty();
        assertThat(store.enrol(code, device, NOW)).contains(device);
        assertThat(store.enrol(code, new Device("a4", "anna", "", "ed25519", Bytes.of(new byte[32])), NOW))
                .isEmpty();
    }

    @Test
    void anExpiredCodeDoesNotEnrol() {
        Bytes code = Bytes.of(new byte[] {43});
        store.addEnrolmentCode(code, "anna", NOW.minusSeconds(1));

        assertThat(store.enrol(code, new Device("a3", "anna", "", "ed25519", Bytes.of(new byte[32])), NOW))
                .isEmpty();
    }

    @Test
    void theFirstCommitForAnEpochWinsAndTheSecondLearnsTheCurrentEpoch() {
        store.createGroup(GROUP, "a1", NOW);
        assertThat(store.append(commit("a1", 0, "c1", List.of("b1")))).isInstanceOf(AppendResult.Accepted.class);

        var first = store.append(commit("a1", 1, "c2", List.of()));
        var second = store.append(commit("b1", 1, "c3", List.of()));

        assertThat(first).isInstanceOfSatisfying(AppendResult.Accepted.class, accepted -> {
            assertThat(accepted.logIndex()).isEqualTo(1);
            assertThat(accepted.epochAfter()).isEqualTo(2);
            assertThat(accepted.duplicate()).isFalse();
            assertThat(accepted.recipients()).containsExactly("b1");
            assertThat(accepted.receivedAt()).isEqualTo(NOW);
        });
        assertThat(second).isEqualTo(new AppendResult.StaleEpoch(2));
    }

    @Test
    void theEntriesAnAppendReportsAreExactlyThoseTheQueuesReturn() {
        store.createGroup(GROUP, "a1", NOW);
        store.append(commit("a1", 0, "c1", List.of("a2")));
        // a time finer than the database keeps: the reported entries carry what the queue returns
        NewGroupMessage plain = commit("a1", 1, "c2", List.of("b1"));
        NewGroupMessage addBen = new NewGroupMessage(
                plain.groupId(),
                plain.kind(),
                plain.epoch(),
                plain.senderDeviceId(),
                plain.clientMessageId(),
                plain.payload(),
                plain.welcome(),
                plain.addDevices(),
                plain.removeDevices(),
                NOW.plusNanos(123_456));

        var accepted = (AppendResult.Accepted) store.append(addBen);
        var message = (AppendResult.Accepted) store.append(application("b1", 2, "m1"));

        assertThat(accepted.queued()).containsOnlyKeys("a2", "b1");
        assertThat(accepted.queued().get("b1").kind()).isEqualTo(DeliveryKind.WELCOME);
        assertThat(accepted.queued().get("a2").kind()).isEqualTo(DeliveryKind.COMMIT);
        assertThat(message.queued()).containsOnlyKeys("a1", "a2");
        for (var reported : List.of(accepted, message)) {
            reported.queued()
                    .forEach((device, entry) -> assertThat(store.pending(device, entry.seq() - 1, 1))
                            .containsExactly(entry));
        }
        assertThat(message.queued().get("a2").seq()).isEqualTo(3);
        assertThat(message.queued().get("a2").senderUserId()).isEqualTo("ben");
    }

    @Test
    void aWelcomeIsQueuedOnlyForTheAddedDevicesAndTheCommitOnlyForTheOthers() {
        store.createGroup(GROUP, "a1", NOW);
        store.append(commit("a1", 0, "c1", List.of("a2")));

        store.append(commit("a1", 1, "c2", List.of("b1")));

        assertThat(store.pending("b1", 0, 10)).extracting(QueuedDelivery::kind).containsExactly(DeliveryKind.WELCOME);
        assertThat(store.pending("a2", 0, 10))
                .extracting(QueuedDelivery::kind)
                .containsExactly(DeliveryKind.WELCOME, DeliveryKind.COMMIT);
        assertThat(store.pending("a1", 0, 10)).isEmpty();
    }

    @Test
    void aResentClientMessageIdIsAnsweredWithTheOriginalLogIndexAndNotQueuedTwice() {
        store.createGroup(GROUP, "a1", NOW);
        store.append(commit("a1", 0, "c1", List.of("b1")));
        store.append(application("a1", 1, "m1"));

        NewGroupMessage first = application("a1", 1, "m1");
        var again = store.append(new NewGroupMessage(
                first.groupId(),
                first.kind(),
                first.epoch(),
                first.senderDeviceId(),
                first.clientMessageId(),
                first.payload(),
                null,
                List.of(),
                List.of(),
                NOW.plusSeconds(30)));

        // the resend is answered with the first receipt's time, the one the recipients were given
        assertThat(again).isEqualTo(new AppendResult.Accepted(1, 1, true, java.util.Map.of(), NOW));
        assertThat(store.pending("b1", 0, 10)).hasSize(2);
    }

    @Test
    void anAckDropsTheEntriesItCoversAndNeverMovesBackwardsNorBeyondTheLastEntry() {
        store.createGroup(GROUP, "a1", NOW);
        store.append(commit("a1", 0, "c1", List.of("b1")));
        store.append(application("a1", 1, "m1"));
        store.append(application("a1", 1, "m2"));

        assertThat(store.ack("b1", 2)).isEqualTo(2);
        assertThat(store.pending("b1", 0, 10)).extracting(QueuedDelivery::seq).containsExactly(3L);
        assertThat(store.ack("b1", 1)).isEqualTo(2);
        assertThat(store.ack("b1", 99)).isEqualTo(3);
        assertThat(store.ackedUpTo("b1")).isEqualTo(3);
        assertThat(store.pending("b1", 0, 10)).isEmpty();
        assertThat(store.ack("nobody", 5)).isZero();
    }

    @Test
    void aNonMemberCannotAppend() {
        store.createGroup(GROUP, "a1", NOW);

        assertThat(store.append(application("b1", 0, "m1"))).isInstanceOf(AppendResult.NotMember.class);
    }

    @Test
    void eachOneTimeKeyPackageIsClaimedOnceThenTheLastResortRepeats() {
        store.addKeyPackages(
                "b1", List.of(Bytes.of(new byte[] {1}), Bytes.of(new byte[] {2})), Bytes.of(new byte[] {3}), NOW);

        var claims = List.of(
                store.claimKeyPackages("ben", "a1"),
                store.claimKeyPackages("ben", "a1"),
                store.claimKeyPackages("ben", "a1"),
                store.claimKeyPackages("ben", "a1"));

        assertThat(claims)
                .extracting(list -> list.getFirst().keyPackage().get(0))
                .containsExactly((byte) 1, (byte) 2, (byte) 3, (byte) 3);
        assertThat(claims).extracting(list -> list.getFirst().lastResort()).containsExactly(false, false, true, true);
        assertThat(store.keyPackageStock("b1")).isEqualTo(new KeyPackageStock(0, true));
    }

    @Test
    void anAckDropsEntriesAndNeverMovesBackwardsOrBeyondTheQueue() {
        store.createGroup(GROUP, "a1", NOW);
        store.append(commit("a1", 0, "c1", List.of("b1")));
        store.append(application("a1", 1, "m1"));
        store.append(application("a1", 1, "m2"));

        assertThat(store.ack("b1", 2)).isEqualTo(2);
        assertThat(store.ack("b1", 1)).isEqualTo(2);
        assertThat(store.ack("b1", 99)).isEqualTo(3);
        assertThat(store.pending("b1", 0, 10)).isEmpty();
    }

    @Test
    void retentionDeletesOldMessagesWithTheirQueueEntries() {
        store.createGroup(GROUP, "a1", NOW);
        store.append(commit("a1", 0, "c1", List.of("b1")));

        assertThat(store.deleteMessagesBefore(NOW.plus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(store.pending("b1", 0, 10)).isEmpty();
    }

    @Test
    void displayNamePrefixSearchIgnoresCase() {
        assertThat(store.usersByNamePrefix("aNN", 10)).extracting(User::userId).containsExactly("anna");
    }

    @Test
    void reopeningKeepsEverythingAndDoesNotMigrateTwice() {
        store.createGroup(GROUP, "a1", NOW);
        store.close();

        store = SqliteDeliveryStore.open(directory.resolve("server.db"), directory.resolve("native"));

        assertThat(store.group(GROUP))
                .hasValueSatisfying(group -> assertThat(group.memberDevices()).containsExactly("a1"));
    }
}
