package org.vermerk.protocol.kat;

import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.vermerk.protocol.crypto.CipherSuites;

/**
 * Loads the official MLS test vectors (copied into {@code src/test/resources/mls-test-vectors/},
 * see its SOURCE.txt) and turns each entry into one dynamic test, named after the file, the entry
 * index and its cipher suite, so that the Surefire report counts passed entries per file and suite.
 * Entries of suites the engine does not implement become aborted (skipped) tests that name the
 * suite: counted and reported, never silently dropped.
 */
public final class TestVectors {
    /** The cipher suites the engine implements (RFC 9420 §17.1), as its registry lists them. */
    public static final Set<Integer> IMPLEMENTED_SUITES = CipherSuites.implemented();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private TestVectors() {}

    /** The parsed JSON of one vector file, e.g. {@code "tree-math.json"} or {@code "interop-passive/commit.json"}. */
    public static JsonNode load(String file) {
        String resource = "/mls-test-vectors/" + file;
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector file " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One check of one entry. */
    @FunctionalInterface
    public interface EntryCheck {
        void check(JsonNode entry) throws Throwable;
    }

    /**
     * One dynamic test per entry of a file that is a JSON array. {@code suiteOf} names an entry's
     * cipher suite, or returns null for files without suites.
     */
    public static Stream<DynamicTest> entries(String file, Function<JsonNode, Integer> suiteOf, EntryCheck check) {
        JsonNode root = load(file);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            Integer suite = suiteOf.apply(entry);
            String name = file + " #" + i + (suite == null ? "" : " suite " + suite);
            Executable body = () -> {
                if (suite != null && !IMPLEMENTED_SUITES.contains(suite)) {
                    abort("cipher suite " + suite + " is not implemented");
                }
                check.check(entry);
            };
            tests.add(DynamicTest.dynamicTest(name, body));
        }
        return tests.stream();
    }

    /** Entries whose suite is in the field {@code cipher_suite}. */
    public static Stream<DynamicTest> entriesBySuite(String file, EntryCheck check) {
        return entries(file, e -> e.has("cipher_suite") ? e.get("cipher_suite").asInt() : null, check);
    }

    public static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asText());
    }

    public static byte[] hex(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("vector entry has no field " + field);
        }
        return hex(node);
    }

    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
