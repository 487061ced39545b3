package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.messages.Remove;

/**
 * Groups run through many epochs with a seeded random mix of adds, removes, self-updates, re-adds
 * of removed clients and proposals sent by one member and committed by reference by another. After
 * every epoch all members agree on the epoch, the epoch authenticator, an exported secret and the
 * member list, and application messages from a random member decrypt at everyone else, also when
 * they arrive in reverse order.
 */
class ActiveGroupTest {
    private static CipherSuite suite(int id) {
        try {
            return CipherSuites.byId(id);
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoMembersAgreeThroughFiftyEpochs() throws Exception {
        run(suite(1), 2, 50, new Random(2), GroupConfig.defaults());
    }

    @Test
    void upToTenMembersAgreeThroughFiftyEpochs() throws Exception {
        run(suite(1), 10, 50, new Random(10), GroupConfig.defaults());
    }

    @Test
    void upToTenMembersAgreeThroughFiftyEpochsOnP256WithEncryptedHandshakes() throws Exception {
        run(suite(2), 10, 50, new Random(11), GroupConfig.defaults().withEncryptedHandshake(true));
    }

    @Test
    void upToTenMembersAgreeThroughFiftyEpochsOnChaChaWithoutTheTreeInWelcomes() throws Exception {
        run(suite(3), 10, 50, new Random(12), GroupConfig.defaults().withRatchetTreeInWelcome(false));
    }

    @Test
    void aHundredMembersAddedInOneCommitAgreeThroughFiftyEpochs() throws Exception {
        run(suite(1), 100, 100, 50, new Random(100), GroupConfig.defaults());
    }

    private void run(CipherSuite suite, int maxMembers, int epochs, Random random, GroupConfig base) throws Exception {
        run(suite, 1, maxMembers, epochs, random, base);
    }

    private void run(CipherSuite suite, int initialMembers, int maxMembers, int epochs, Random random, GroupConfig base)
            throws Exception {
        GroupConfig config = base.withClock(TestClient.CLOCK);
        int[] created = {0};
        java.util.function.Supplier<TestClient> fresh =
                () -> new TestClient(suite, "client-" + created[0]++ + "@bmi.example", config);
        TestWorld world = new TestWorld(suite, fresh.get());
        if (initialMembers > 1) {
            List<TestClient> joiners = new ArrayList<>();
            List<Proposal> adds = new ArrayList<>();
            for (int i = 1; i < initialMembers; i++) {
                TestClient joiner = fresh.get();
                joiners.add(joiner);
                adds.add(new Add(joiner.keyPackage()));
            }
            world.commit(world.members.getFirst(), CommitOptions.of(adds), joiners);
            world.assertAgreement();
        }
        List<TestClient> removed = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            List<TestClient> members = world.members;
            TestClient committer = members.get(random.nextInt(members.size()));
            int choice = random.nextInt(5);
            if (members.size() < 2 || (choice == 0 && members.size() < maxMembers)) {
                TestClient joiner = fresh.get();
                world.commit(committer, CommitOptions.of(List.of(new Add(joiner.keyPackage()))), List.of(joiner));
            } else if (choice == 1 && !removed.isEmpty() && members.size() < maxMembers) {
                TestClient back = removed.removeFirst();
                world.commit(committer, CommitOptions.of(List.of(new Add(back.keyPackage()))), List.of(back));
            } else if (choice == 2 && members.size() > 1) {
                TestClient gone = otherThan(members, committer, random);
                world.commit(committer, CommitOptions.of(List.of(new Remove(gone.group.ownLeaf()))), List.of());
                assertThat(gone.group.isActive()).isFalse();
                removed.add(gone);
            } else if (choice == 3 && members.size() > 2) {
                proposeThenCommitByReference(world, committer, random, fresh, removed, maxMembers);
            } else {
                world.commit(committer, CommitOptions.of(List.of()), List.of());
            }
            world.assertAgreement();
            exchangeApplicationMessages(world, random, epoch);
        }
    }

    /** Another member proposes an Add or a Remove; everyone receives it; the committer commits it by reference. */
    private void proposeThenCommitByReference(
            TestWorld world,
            TestClient committer,
            Random random,
            java.util.function.Supplier<TestClient> fresh,
            List<TestClient> removed,
            int maxMembers)
            throws Exception {
        TestClient proposer = otherThan(world.members, committer, random);
        List<TestClient> joiners = new ArrayList<>();
        Proposal proposal;
        if (world.members.size() < maxMembers) {
            TestClient joiner = fresh.get();
            joiners.add(joiner);
            proposal = new Add(joiner.keyPackage());
        } else {
            TestClient gone = world.members.stream()
                    .filter(m -> m != committer && m != proposer)
                    .findFirst()
                    .orElseThrow();
            proposal = new Remove(gone.group.ownLeaf());
            removed.add(gone);
        }
        MlsMessage message = proposer.group.propose(proposal);
        for (TestClient member : world.members) {
            if (member != proposer) {
                assertThat(member.group.process(message)).isInstanceOf(ProcessedMessage.ProposalMessage.class);
            }
        }
        CreatedCommit created =
                world.commit(committer, CommitOptions.of(List.of()).pathOnlyWhenRequired(), joiners);
        assertThat(created.staged().addedMembers().size()
                        + created.staged().removedMembers().size())
                .isEqualTo(1);
    }

    private static TestClient otherThan(List<TestClient> members, TestClient not, Random random) {
        List<TestClient> others = members.stream().filter(m -> m != not).toList();
        return others.get(random.nextInt(others.size()));
    }

    /** A random member sends three messages; every other member decrypts them last first. */
    private static void exchangeApplicationMessages(TestWorld world, Random random, int epoch) throws Exception {
        TestClient sender = world.members.get(random.nextInt(world.members.size()));
        List<MlsMessage> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(sender.group.encrypt(
                    ("epoch " + epoch + " message " + i).getBytes(StandardCharsets.UTF_8), Bytes.fromHex("aa0" + i)));
        }
        for (TestClient member : world.members) {
            if (member == sender) {
                continue;
            }
            for (int i = 2; i >= 0; i--) {
                var received = (ProcessedMessage.ApplicationMessage) member.group.process(sent.get(i));
                assertThat(new String(received.plaintext().toByteArray(), StandardCharsets.UTF_8))
                        .isEqualTo("epoch " + epoch + " message " + i);
                assertThat(received.authenticatedData()).isEqualTo(Bytes.fromHex("aa0" + i));
                assertThat(received.member().leafIndex()).isEqualTo(sender.group.ownLeaf());
            }
        }
    }
}
