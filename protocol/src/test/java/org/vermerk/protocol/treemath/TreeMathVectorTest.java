package org.vermerk.protocol.treemath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.kat.TestVectors;

/**
 * The official {@code tree-math.json} vectors (RFC 9420 Appendix C).
 *
 * <p>Format: an array of {@code {"n_leaves", "n_nodes", "root", "left": [], "right": [],
 * "parent": [], "sibling": []}}, no cipher suite; each list has one entry per node index {@code i}
 * below {@code n_nodes}, {@code null} where the relation does not exist.
 *
 * <p>Checks per entry: the node width and root of a tree of {@code n_leaves}; for every node, its
 * left and right child (none for leaves), its parent and its sibling (none for the root).
 */
class TreeMathVectorTest {
    @TestFactory
    Stream<DynamicTest> everyTreeSizeHasTheVectorsWidthRootAndRelations() {
        return TestVectors.entries("tree-math.json", entry -> null, entry -> {
            TreeSize size = TreeSize.ofLeaves(entry.get("n_leaves").asLong());
            assertThat(size.nodeWidth())
                    .as("n_nodes")
                    .isEqualTo(entry.get("n_nodes").asLong());
            assertThat(size.root().value())
                    .as("root")
                    .isEqualTo(entry.get("root").asLong());

            for (long i = 0; i < size.nodeWidth(); i++) {
                NodeIndex node = NodeIndex.of(i);
                boolean leaf = node.isLeaf();
                boolean root = node.equals(size.root());
                assertThat(leaf ? null : node.left().value()).as("left[%d]", i).isEqualTo(expected(entry, "left", i));
                assertThat(leaf ? null : node.right().value())
                        .as("right[%d]", i)
                        .isEqualTo(expected(entry, "right", i));
                assertThat(root ? null : size.parent(node).value())
                        .as("parent[%d]", i)
                        .isEqualTo(expected(entry, "parent", i));
                assertThat(root ? null : size.sibling(node).value())
                        .as("sibling[%d]", i)
                        .isEqualTo(expected(entry, "sibling", i));
            }
        });
    }

    private static Long expected(JsonNode entry, String relation, long index) {
        JsonNode values = entry.get(relation);
        assertThat(values.size())
                .as("%s has one entry per node", relation)
                .isEqualTo(entry.get("n_nodes").asInt());
        JsonNode value = values.get((int) index);
        return value.isNull() ? null : value.asLong();
    }
}
