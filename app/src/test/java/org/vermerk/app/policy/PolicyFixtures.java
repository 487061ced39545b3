package org.vermerk.app.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Policies written as text in tests, and the example CA certificate they pin. */
final class PolicyFixtures {
    private PolicyFixtures() {}

    static final Path FILE = Path.of("/etc/vermerk/policy.json");

    static AdminPolicy parse(String json) throws InvalidPolicyException {
        return new PolicyParser().parse(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A self-signed P-256 CA, "CN=Beispielbehoerde Root CA", valid until 2046 (also in docs/admin). */
    static String examplePem() {
        try (InputStream in = PolicyFixtures.class.getResourceAsStream("example-ca.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as a JSON string literal. */
    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
