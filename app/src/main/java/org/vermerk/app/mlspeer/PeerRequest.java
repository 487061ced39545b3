package org.vermerk.app.mlspeer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;
import org.vermerk.protocol.group.GroupConfig;

/**
 * One request line of the peer protocol, read: its arguments and per-request settings. Every
 * accessor throws {@link IllegalArgumentException} naming the argument when it is missing or of the
 * wrong kind, before the command has touched any client.
 */
final class PeerRequest {
    private final JsonNode json;

    PeerRequest(JsonNode json) {
        this.json = json;
    }

    String command() {
        JsonNode cmd = json.get("cmd");
        if (cmd == null || !cmd.isTextual() || cmd.asText().isEmpty()) {
            throw new IllegalArgumentException("missing argument cmd");
        }
        return cmd.asText();
    }

    /** The client handle {@code state}: a string, or a number taken as its decimal text. */
    String state() {
        JsonNode state = json.get("state");
        if (state == null || !(state.isTextual() || state.isIntegralNumber())) {
            throw new IllegalArgumentException("missing argument state");
        }
        return state.asText();
    }

    /** A string argument. */
    String text(String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing argument " + name + " (a string)");
        }
        return value.asText();
    }

    /** A hex argument: lowercase or uppercase, an even number of digits. */
    Bytes hex(String name) {
        return hexOf(name, text(name));
    }

    Optional<Bytes> optionalHex(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(hex(name));
    }

    /** {@code key_package}: one hex string or a non-empty array of them. */
    List<Bytes> hexList(String name) {
        JsonNode value = json.get(name);
        if (value != null && value.isArray()) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " is an empty array");
            }
            List<Bytes> all = new ArrayList<>();
            for (JsonNode each : value) {
                if (!each.isTextual()) {
                    throw new IllegalArgumentException(name + " holds a value that is not a hex string");
                }
                all.add(hexOf(name, each.asText()));
            }
            return all;
        }
        return List.of(hex(name));
    }

    /** A non-negative integer argument. */
    long index(String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("missing argument " + name + " (a non-negative integer)");
        }
        return value.asLong();
    }

    /** {@code cipher_suite}: 1 unless the request names another. */
    CipherSuite suite() throws UnsupportedCipherSuiteException {
        JsonNode suite = json.get("cipher_suite");
        if (suite == null || suite.isNull()) {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        }
        if (!suite.isIntegralNumber() || !suite.canConvertToInt()) {
            throw new IllegalArgumentException("cipher_suite must be a number");
        }
        return CipherSuites.byId(suite.asInt());
    }

    /**
     * The settings of this request on top of the engine's defaults: {@code commit_wire} ({@code
     * public}, the default, or {@code private}) and {@code ratchet_tree_ext} (default true).
     */
    GroupConfig config() {
        JsonNode wire = json.get("commit_wire");
        boolean encrypted = false;
        if (wire != null && !wire.isNull()) {
            encrypted = switch (wire.asText()) {
                case "public" -> false;
                case "private" -> true;
                default -> throw new IllegalArgumentException("commit_wire must be \"public\" or \"private\"");
            };
            if (!wire.isTextual()) {
                throw new IllegalArgumentException("commit_wire must be \"public\" or \"private\"");
            }
        }
        JsonNode ext = json.get("ratchet_tree_ext");
        if (ext != null && !ext.isNull() && !ext.isBoolean()) {
            throw new IllegalArgumentException("ratchet_tree_ext must be true or false");
        }
        boolean treeInWelcome = ext == null || ext.isNull() || ext.asBoolean();
        return GroupConfig.defaults().withEncryptedHandshake(encrypted).withRatchetTreeInWelcome(treeInWelcome);
    }

    private static Bytes hexOf(String name, String hex) {
        try {
            return Bytes.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not hex: " + e.getMessage());
        }
    }
}
