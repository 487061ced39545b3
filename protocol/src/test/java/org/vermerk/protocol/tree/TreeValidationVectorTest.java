package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * The official {@code tree-validation.json} vectors (RFC 9420 §4.1.1, §7.3, §7.8, §7.9.2,
 * §12.4.3.1).
 *
 * <p>Format: an array of {@code {"cipher_suite", "tree", "group_id", "resolutions",
 * "tree_hashes"}}; {@code tree} is a hex-encoded {@code optional<Node> ratchet_tree<V>}, {@code
 * resolutions[i]} the node indices of the resolution of node {@code i}, {@code tree_hashes[i]} the
 * hex tree hash of node {@code i}.
 *
 * <p>Checks per entry: the resolution of every node equals {@code resolutions[i]}; the tree hash of
 * every node equals {@code tree_hashes[i]}; every non-blank parent node is parent-hash valid; and
 * the whole tree passes join-time validation (§12.4.3.1, {@link TreeValidator}) as the tree of a
 * GroupContext with the entry's {@code group_id} and suite and the root's {@code tree_hashes}
 * value, which verifies every leaf's signature with {@code group_id} as context. The leaves from
 * KeyPackages carry lifetimes that ended in February 2024, so the validator's clock is fixed at
 * {@link #GENERATED}, a day inside them.
 */
class TreeValidationVectorTest {
    /** A day when the vectors' KeyPackage lifetimes held. */
    static final Instant GENERATED = Instant.parse("2024-01-01T00:00:00Z");

    @TestFactory
    Stream<DynamicTest> resolutionsTreeHashesAndParentHashesMatch() {
        return TestVectors.entriesBySuite("tree-validation.json", entry -> {
            CipherSuite suite = CipherSuites.byId(entry.get("cipher_suite").asInt());
            RatchetTree tree = tree(entry);

            List<List<Long>> resolutions = new ArrayList<>();
            for (long i = 0; i < tree.size().nodeWidth(); i++) {
                resolutions.add(tree.resolution(NodeIndex.of(i)).stream()
                        .map(NodeIndex::value)
                        .toList());
            }
            assertThat(resolutions).as("resolutions").isEqualTo(expectedResolutions(entry));

            assertThat(new TreeHash(suite)
                            .allNodes(tree).stream().map(Bytes::hex).toList())
                    .as("tree_hashes")
                    .isEqualTo(texts(entry.get("tree_hashes")));

            new ParentHash(suite).verifyTree(tree);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyTreePassesJoinTimeValidation() {
        return TestVectors.entriesBySuite("tree-validation.json", entry -> {
            int suiteId = entry.get("cipher_suite").asInt();
            RatchetTree tree = tree(entry);
            JsonNode hashes = entry.get("tree_hashes");
            Bytes rootHash =
                    Bytes.fromHex(hashes.get((int) tree.size().root().value()).asText());
            GroupContext context = new GroupContext(
                    GroupContext.MLS10,
                    suiteId,
                    Bytes.of(TestVectors.hex(entry, "group_id")),
                    0,
                    rootHash,
                    Bytes.EMPTY,
                    List.of());
            new TreeValidator(CipherSuites.byId(suiteId), Clock.fixed(GENERATED, ZoneOffset.UTC))
                    .validate(tree, context);
        });
    }

    static RatchetTree tree(JsonNode entry) throws Exception {
        return RatchetTree.fromNodes(
                RatchetTreeNodes.decode(new org.vermerk.protocol.codec.TlsReader(TestVectors.hex(entry, "tree"))));
    }

    private static List<List<Long>> expectedResolutions(JsonNode entry) {
        List<List<Long>> out = new ArrayList<>();
        for (JsonNode resolution : entry.get("resolutions")) {
            List<Long> nodes = new ArrayList<>();
            resolution.forEach(n -> nodes.add(n.asLong()));
            out.add(nodes);
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
