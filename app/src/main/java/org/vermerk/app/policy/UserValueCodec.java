package org.vermerk.app.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A user's value of a {@link Setting} as text for a store, in the policy file's JSON form, read back
 * with the same reader and checks as the policy: a stored value that the setting no longer accepts
 * (a range narrowed by an update, a damaged store) is ignored, never half-read. Only the simple value
 * types a user can choose are written (language, switches, numbers, paths).
 */
public final class UserValueCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserValueCodec() {}

    /**
     * @throws IllegalArgumentException for an admin-only setting or a value type users cannot set
     */
    public static <T> String encode(Setting<T> setting, T value) {
        if (!setting.userSettable()) {
            throw new IllegalArgumentException(setting.key() + " is admin-only; users cannot set it");
        }
        JsonNode node = switch (value) {
            case Boolean b -> BooleanNode.valueOf(b);
            case Integer i -> IntNode.valueOf(i);
            case Long l -> LongNode.valueOf(l);
            case Language l -> TextNode.valueOf(l.tag());
            case Path p -> TextNode.valueOf(p.toString());
            case URI u -> TextNode.valueOf(u.toString());
            default ->
                throw new IllegalArgumentException(
                        setting.key() + ": a " + value.getClass().getSimpleName() + " is not stored as a user value");
        };
        return node.toString();
    }

    /** The stored value, or empty when it is not valid JSON or the setting does not accept it. */
    public static <T> Optional<T> decode(Setting<T> setting, String stored) {
        JsonNode node;
        try {
            node = JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        PolicyProblems problems = new PolicyProblems();
        T value = setting.reader().read(setting.key(), node, problems);
        return problems.isEmpty() ? Optional.ofNullable(value) : Optional.empty();
    }
}
