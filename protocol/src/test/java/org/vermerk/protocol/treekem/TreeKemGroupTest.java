package org.vermerk.protocol.treekem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.TreeValidator;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * TreeKEM among members built from scratch (not vectors): groups of 3 to 10 grow by commits that
 * add a member with a path, every member commits an empty path in turn, members are removed; after
 * each commit all members derive the same commit secret and tree hash, and each private view fits
 * its tree (see {@link TestGroup}). The final tree passes join-time validation.
 */
class TreeKemGroupTest {
    @ParameterizedTest(name = "suite {0}, {1} members")
    @CsvSource({"1, 3", "2, 5", "3, 10", "1, 7"})
    void membersAgreeAfterAddsUpdatesAndRemoves(int suiteId, int size) throws Exception {
        TestGroup group = new TestGroup(CipherSuites.byId(suiteId));
        for (int i = 1; i < size; i++) {
            LeafIndex committer = LeafIndex.of((i * 7L) % i);
            assertThat(group.commitAdd(committer)).isEqualTo(LeafIndex.of(i));
        }
        for (LeafIndex member : group.memberIndices().stream().sorted().toList()) {
            group.commitEmpty(member);
        }
        group.commitRemove(LeafIndex.of(size - 1), LeafIndex.of(1));
        group.commitRemove(LeafIndex.of(0), LeafIndex.of(size - 1));
        LeafIndex refilled = group.commitAdd(LeafIndex.of(0));
        assertThat(refilled).as("the leftmost blank leaf is reused").isEqualTo(LeafIndex.of(1));
        group.commitEmpty(refilled);

        GroupContext provisional = group.provisional();
        LeafIndex someone = LeafIndex.of(0);
        GroupContext context = new GroupContext(
                provisional.version(),
                provisional.cipherSuite(),
                provisional.groupId(),
                provisional.epoch(),
                new org.vermerk.protocol.tree.TreeHash(group.suite).root(group.treeOf(someone)),
                provisional.confirmedTranscriptHash(),
                List.of());
        new TreeValidator(group.suite, Clock.system(ZoneOffset.UTC)).validate(group.treeOf(someone), context);
        assertThat(group.memberIndices()).hasSize(size - 1);
        assertThat(Set.copyOf(group.treeOf(someone).occupiedLeaves())).isEqualTo(group.memberIndices());
    }
}
