package org.vermerk.protocol.treekem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.PathMerge;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * The official {@code treekem.json} vectors (RFC 9420 §7.4 to §7.6, §7.9).
 *
 * <p>Format: an array of {@code {"cipher_suite", "group_id", "epoch", "confirmed_transcript_hash",
 * "ratchet_tree", "leaves_private", "update_paths"}}. {@code ratchet_tree} is a hex {@code
 * optional<Node> ratchet_tree<V>}; each {@code leaves_private} entry has a leaf {@code index}, its
 * {@code encryption_priv} and {@code signature_priv}, and {@code path_secrets}, a list of {@code
 * {node, path_secret}} for nodes above it; each {@code update_paths} entry has a {@code sender}
 * leaf, a hex {@code update_path}, {@code path_secrets} indexed by leaf (the path secret that leaf
 * decrypts, null for the sender and blank leaves), the {@code commit_secret} and the {@code
 * tree_hash_after} merging the path. The GroupContext used as HPKE context has the entry's suite,
 * group id, epoch and confirmed transcript hash, no extensions, and the tree hash of the tree
 * with the path merged.
 *
 * <p>Checks per entry: each leaf's private view, its leaf key and the keys derived from its path
 * secrets, fits the public tree. For each update path: every other non-blank leaf processes it
 * (leaf validation for the commit source, parent hash, decryption, derivation) and decrypts exactly
 * its {@code path_secrets[j]} and reaches {@code commit_secret}; the tree after merging the path
 * has the root tree hash {@code tree_hash_after}; and a fresh UpdatePath that the sender creates on
 * the original tree with its {@code signature_priv} is processed by every other leaf to the
 * sender's own commit secret, and fits the new private views.
 */
class TreeKemVectorTest {
    private static final Decoder<RatchetTreeNodes> TREE = RatchetTreeNodes::decode;
    private static final Decoder<UpdatePath> UPDATE_PATH = UpdatePath::decode;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> everyLeafDecryptsEveryPathAndAFreshPathDecryptsToo() {
        return TestVectors.entriesBySuite("treekem.json", TreeKemVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        CipherSuite suite = CipherSuites.byId(entry.get("cipher_suite").asInt());
        LabeledCrypto crypto = new LabeledCrypto(suite);
        RatchetTree tree = RatchetTree.fromNodes(TREE.decodeAll(TestVectors.hex(entry, "ratchet_tree")));
        GroupContext context = new GroupContext(
                GroupContext.MLS10,
                suite.id(),
                Bytes.of(TestVectors.hex(entry, "group_id")),
                entry.get("epoch").asLong(),
                new TreeHash(suite).root(tree),
                Bytes.of(TestVectors.hex(entry, "confirmed_transcript_hash")),
                List.of());

        Map<LeafIndex, TreePrivateKeys> views = new HashMap<>();
        Map<LeafIndex, Secret> signatureKeys = new HashMap<>();
        for (JsonNode leaf : entry.get("leaves_private")) {
            LeafIndex index = LeafIndex.of(leaf.get("index").asLong());
            Secret encryptionPriv = Secret.of(TestVectors.hex(leaf, "encryption_priv"));
            TreePrivateKeys view =
                    TreePrivateKeys.forLeaf(index, new KeyPair(encryptionPriv, suite.hpkePublicKey(encryptionPriv)));
            for (JsonNode known : leaf.get("path_secrets")) {
                view.setFromPathSecret(
                        crypto,
                        NodeIndex.of(known.get("node").asLong()),
                        Secret.of(TestVectors.hex(known, "path_secret")));
            }
            view.checkFits(tree);
            views.put(index, view);
            signatureKeys.put(index, Secret.of(TestVectors.hex(leaf, "signature_priv")));
        }
        assertThat(views.keySet()).as("every member has private data").containsAll(tree.occupiedLeaves());

        UpdatePathProcessor processor = new UpdatePathProcessor(suite, CLOCK);
        for (JsonNode update : entry.get("update_paths")) {
            LeafIndex sender = LeafIndex.of(update.get("sender").asLong());
            UpdatePath path = UPDATE_PATH.decodeAll(TestVectors.hex(update, "update_path"));
            String commitSecret = update.get("commit_secret").asText();

            for (LeafIndex receiver : tree.occupiedLeaves()) {
                if (receiver.equals(sender)) {
                    continue;
                }
                ProcessedPath processed = processor.process(tree, views.get(receiver), sender, path, context, Set.of());
                assertThat(Bytes.of(processed.decryptedPathSecret().expose()).hex())
                        .as("path secret decrypted by %s from %s", receiver, sender)
                        .isEqualTo(update.get("path_secrets")
                                .get((int) receiver.value())
                                .asText());
                assertThat(Bytes.of(processed.commitSecret().secret().expose()).hex())
                        .as("commit secret at %s", receiver)
                        .isEqualTo(commitSecret);
                processed.privateKeys().checkFits(processed.tree());
            }

            RatchetTree merged = tree.copy();
            new PathMerge(suite).merge(merged, sender, path);
            assertThat(new TreeHash(suite).root(merged).hex())
                    .as("tree_hash_after")
                    .isEqualTo(update.get("tree_hash_after").asText());

            CreatedPath fresh = new UpdatePathCreator(suite)
                    .create(
                            tree,
                            sender,
                            tree.leaf(sender).orElseThrow(),
                            signatureKeys.get(sender),
                            context,
                            Set.of());
            fresh.privateKeys().checkFits(fresh.tree());
            String ownCommitSecret =
                    Bytes.of(fresh.commitSecret().secret().expose()).hex();
            for (LeafIndex receiver : tree.occupiedLeaves()) {
                if (receiver.equals(sender)) {
                    continue;
                }
                ProcessedPath processed =
                        processor.process(tree, views.get(receiver), sender, fresh.updatePath(), context, Set.of());
                assertThat(Bytes.of(processed.commitSecret().secret().expose()).hex())
                        .as("commit secret of the fresh path at %s", receiver)
                        .isEqualTo(ownCommitSecret);
                assertThat(processed.groupContext()).isEqualTo(fresh.groupContext());
                processed.privateKeys().checkFits(processed.tree());
            }
        }
    }
}
