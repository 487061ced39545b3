package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.tree.RatchetTreeNodes;

/**
 * Clients in one group, with a delivery service that hands every commit to every member in the
 * same order: the committer's commit is processed and merged by everyone else, the committer merges
 * its pending commit, and the clients it adds join with the Welcome (and the committer's tree out of
 * band when the Welcome leaves it out).
 */
final class TestWorld {
    final CipherSuite suite;
    final List<TestClient> members = new ArrayList<>();

    TestWorld(CipherSuite suite, TestClient creator) throws Exception {
        this(suite, List.of(), creator);
    }

    TestWorld(CipherSuite suite, List<Extension> extensions, TestClient creator) throws Exception {
        this.suite = suite;
        creator.createGroup(Bytes.fromHex("a1b2c3d4"), extensions);
        members.add(creator);
    }

    /** Lets {@code committer} commit, delivers the commit to all, and welcomes {@code joiners}. */
    CreatedCommit commit(TestClient committer, CommitOptions options, List<TestClient> joiners) throws Exception {
        CreatedCommit created = committer.group.commit(options);
        deliver(committer, created.commit());
        committer.group.mergePendingCommit();
        members.removeIf(m -> !m.group.isActive());
        for (TestClient joiner : joiners) {
            Optional<RatchetTreeNodes> outOfBand = committer.config.ratchetTreeInWelcome()
                    ? Optional.empty()
                    : Optional.of(committer.group.ratchetTree());
            joiner.join(created.welcome().orElseThrow(), outOfBand);
            members.add(joiner);
        }
        return created;
    }

    /** Every member but the sender processes a commit and merges it. */
    void deliver(TestClient sender, MlsMessage commit) throws Exception {
        for (TestClient member : List.copyOf(members)) {
            if (member != sender) {
                ProcessedMessage.CommitMessage processed =
                        (ProcessedMessage.CommitMessage) member.group.process(commit);
                member.group.mergeStagedCommit(processed.staged());
            }
        }
    }

    TestClient member(int leaf) {
        return members.stream()
                .filter(m -> m.group.ownLeaf().value() == leaf)
                .findFirst()
                .orElseThrow();
    }

    /** All members are in the same epoch and agree on the epoch authenticator, an exported secret and the members. */
    void assertAgreement() {
        TestClient first = members.getFirst();
        byte[] authenticator = first.group.epochAuthenticator().expose();
        byte[] exported =
                first.group.export("vermerk test", new byte[] {1, 2}, 32).expose();
        for (TestClient member : members) {
            assertThat(member.group.epoch()).as("epoch of %s", member).isEqualTo(first.group.epoch());
            assertThat(member.group.epochAuthenticator().expose())
                    .as("authenticator of %s", member)
                    .isEqualTo(authenticator);
            Secret ex = member.group.export("vermerk test", new byte[] {1, 2}, 32);
            assertThat(ex.expose()).as("exporter of %s", member).isEqualTo(exported);
            assertThat(member.group.members()).as("members seen by %s", member).isEqualTo(first.group.members());
        }
        assertThat(first.group.members()).hasSize(members.size());
    }
}
