package org.vermerk.protocol.treekem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TestMember;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * A group simulated in memory: each member keeps its own copy of the public tree and its own
 * private view, and changes them only by committing or by processing what others committed, as
 * real clients would. After each commit every member is checked to agree.
 */
final class TestGroup {
    private static final Bytes GROUP_ID = Bytes.fromHex("ee01");

    final CipherSuite suite;
    private final UpdatePathCreator creator;
    private final UpdatePathProcessor processor;
    private final Map<LeafIndex, TestMember> members = new HashMap<>();
    private final Map<LeafIndex, RatchetTree> trees = new HashMap<>();
    private final Map<LeafIndex, TreePrivateKeys> views = new HashMap<>();
    private long epoch;
    private int created;

    TestGroup(CipherSuite suite) throws Exception {
        this.suite = suite;
        this.creator = new UpdatePathCreator(suite);
        this.processor = new UpdatePathProcessor(suite, Clock.systemUTC());
        TestMember first = TestMember.create(suite, "member-0");
        LeafIndex zero = LeafIndex.of(0);
        members.put(zero, first);
        trees.put(zero, RatchetTree.withFirstLeaf(first.keyPackageLeaf()));
        views.put(zero, TreePrivateKeys.forLeaf(zero, first.encryption()));
        created = 1;
    }

    GroupContext provisional() {
        return new GroupContext(
                GroupContext.MLS10, suite.id(), GROUP_ID, epoch + 1, Bytes.EMPTY, Bytes.EMPTY, List.of());
    }

    Set<LeafIndex> memberIndices() {
        return Set.copyOf(members.keySet());
    }

    RatchetTree treeOf(LeafIndex member) {
        return trees.get(member);
    }

    TreePrivateKeys viewOf(LeafIndex member) {
        return views.get(member);
    }

    TestMember member(LeafIndex index) {
        return members.get(index);
    }

    /** {@code committer} adds a new member and commits with a path; the new member joins with the Welcome's path secret. */
    LeafIndex commitAdd(LeafIndex committer) throws Exception {
        TestMember joiner = TestMember.create(suite, "member-" + created++);
        return commit(committer, List.of(joiner), List.of()).getFirst();
    }

    /** {@code committer} removes a member and commits with a path. */
    void commitRemove(LeafIndex committer, LeafIndex removed) throws Exception {
        commit(committer, List.of(), List.of(removed));
    }

    /** {@code committer} commits a path and nothing else. */
    void commitEmpty(LeafIndex committer) throws Exception {
        commit(committer, List.of(), List.of());
    }

    private List<LeafIndex> commit(LeafIndex committer, List<TestMember> joiners, List<LeafIndex> removed)
            throws Exception {
        Map<LeafIndex, RatchetTree> proposed = new HashMap<>();
        List<LeafIndex> added = new ArrayList<>();
        for (LeafIndex member : members.keySet()) {
            if (removed.contains(member)) {
                continue;
            }
            RatchetTree tree = trees.get(member).copy();
            removed.forEach(tree::removeLeaf);
            List<LeafIndex> placed = new ArrayList<>();
            for (TestMember joiner : joiners) {
                placed.add(tree.addLeaf(joiner.keyPackageLeaf()));
            }
            if (added.isEmpty()) {
                added.addAll(placed);
            }
            assertThat(placed).isEqualTo(added);
            proposed.put(member, tree);
        }
        Set<LeafIndex> addedSet = new HashSet<>(added);
        GroupContext provisional = provisional();
        TestMember sender = members.get(committer);
        CreatedPath path = creator.create(
                proposed.get(committer),
                committer,
                proposed.get(committer).leaf(committer).orElseThrow(),
                sender.signature().privateKey(),
                provisional,
                addedSet);

        Map<LeafIndex, RatchetTree> nextTrees = new HashMap<>();
        Map<LeafIndex, TreePrivateKeys> nextViews = new HashMap<>();
        nextTrees.put(committer, path.tree());
        nextViews.put(committer, path.privateKeys());
        for (LeafIndex member : proposed.keySet()) {
            if (member.equals(committer)) {
                continue;
            }
            ProcessedPath processed = processor.process(
                    proposed.get(member), views.get(member), committer, path.updatePath(), provisional, addedSet);
            assertThat(processed
                            .commitSecret()
                            .secret()
                            .equalsSecret(path.commitSecret().secret()))
                    .as("commit secret at %s", member)
                    .isTrue();
            assertThat(processed.groupContext()).isEqualTo(path.groupContext());
            nextTrees.put(member, processed.tree());
            nextViews.put(member, processed.privateKeys());
        }
        for (int i = 0; i < joiners.size(); i++) {
            LeafIndex joined = added.get(i);
            TestMember joiner = joiners.get(i);
            members.put(joined, joiner);
            RatchetTree tree = path.tree().copy();
            TreePrivateKeys view = TreePrivateKeys.forLeaf(joined, joiner.encryption());
            NodeIndex common = joined.toNodeIndex().commonAncestor(committer.toNodeIndex());
            view.implantPathSecret(
                    new LabeledCrypto(suite), tree, common, path.pathSecrets().get(common));
            nextTrees.put(joined, tree);
            nextViews.put(joined, view);
        }
        removed.forEach(members::remove);
        trees.clear();
        trees.putAll(nextTrees);
        views.clear();
        views.putAll(nextViews);
        epoch++;
        assertAgreement();
        return added;
    }

    /** Every member has a tree with the same hash and a private view that fits it. */
    void assertAgreement() throws Exception {
        TreeHash hash = new TreeHash(suite);
        Bytes expected = hash.root(trees.get(members.keySet().iterator().next()));
        for (LeafIndex member : members.keySet()) {
            assertThat(hash.root(trees.get(member)))
                    .as("tree hash at %s", member)
                    .isEqualTo(expected);
            views.get(member).checkFits(trees.get(member));
        }
        assertThat(trees.keySet()).isEqualTo(members.keySet());
    }
}
