package org.vermerk.app.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the bytes of a policy file: strict JSON (no comments, no duplicate keys, one
 * top-level object) whose keys are those of {@link Settings} plus {@code locked}, {@code $schema} and
 * {@code $comment}. Every problem is collected, then reported together in one {@link
 * InvalidPolicyException}; nothing is ignored. Stateless and thread-safe.
 */
public final class PolicyParser {
    /** Keys an editor or an administrator may add for their own purposes; their values are not used. */
    static final Set<String> ANNOTATION_KEYS = Set.of("$schema", "$comment");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param file where the bytes came from, for messages
     * @param json the file's content in UTF-8 (a byte order mark is allowed)
     */
    public AdminPolicy parse(Path file, byte[] json) throws InvalidPolicyException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(
                    file, new PolicyProblem(null, PolicyRule.INVALID_JSON, "is not valid JSON: " + describe(e)), e);
        } catch (IOException e) {
            throw new InvalidPolicyException(
                    file, new PolicyProblem(null, PolicyRule.INVALID_JSON, "is not valid JSON: " + e.getMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidPolicyException(
                    file,
                    new PolicyProblem(
                            null, PolicyRule.INVALID_JSON, "is empty; a policy is a JSON object, at least {}"),
                    null);
        }
        if (!root.isObject()) {
            throw new InvalidPolicyException(
                    file,
                    new PolicyProblem(
                            null,
                            PolicyRule.INVALID_JSON,
                            "must be a JSON object ({...}), was " + PolicyProblems.describe(root)),
                    null);
        }

        PolicyProblems problems = new PolicyProblems();
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if (key.equals(Settings.LOCKED_KEY)) {
                continue;
            }
            if (ANNOTATION_KEYS.contains(key)) {
                if (!field.getValue().isTextual()) {
                    problems.wrongType(key, "a string", field.getValue());
                }
                continue;
            }
            var setting = Settings.byKey(key);
            if (setting.isEmpty()) {
                problems.add(key, PolicyRule.UNKNOWN_KEY, "is not a policy key" + suggestion(key));
                continue;
            }
            Object value = setting.get().reader().read(key, field.getValue(), problems);
            if (value != null) {
                values.put(setting.get(), value);
            }
        }
        Set<Setting<?>> locked = readLocked(root.get(Settings.LOCKED_KEY), root, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(file, problems.list());
        }
        return AdminPolicy.of(file, values, locked);
    }

    private static Set<Setting<?>> readLocked(JsonNode node, JsonNode root, PolicyProblems problems) {
        Set<Setting<?>> locked = new LinkedHashSet<>();
        if (node == null) {
            return locked;
        }
        if (!node.isArray()) {
            problems.wrongType(Settings.LOCKED_KEY, "an array of policy keys", node);
            return locked;
        }
        for (int i = 0; i < node.size(); i++) {
            String elementKey = Settings.LOCKED_KEY + "[" + i + "]";
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                problems.wrongType(elementKey, "a policy key string", element);
                continue;
            }
            String name = element.textValue();
            var setting = Settings.byKey(name);
            if (setting.isEmpty()) {
                problems.add(
                        elementKey,
                        PolicyRule.LOCKED_UNKNOWN_KEY,
                        "\"" + name + "\" is not a setting that can be locked" + suggestion(name));
            } else if (!locked.add(setting.get())) {
                problems.add(elementKey, PolicyRule.LOCKED_UNKNOWN_KEY, "\"" + name + "\" is listed twice");
            } else if (setting.get().defaultValue().isEmpty() && !root.has(name)) {
                problems.add(
                        elementKey,
                        PolicyRule.LOCKED_WITHOUT_VALUE,
                        "\"" + name + "\" is locked but has no value and no default; set \"" + name
                                + "\" or unlock it");
            }
        }
        return locked;
    }

    /** ", did you mean ...?" when a known key differs only in case, else nothing. */
    private static String suggestion(String key) {
        return Settings.all().stream()
                .map(Setting::key)
                .filter(k -> k.equalsIgnoreCase(key))
                .findFirst()
                .map(k -> " (did you mean \"" + k + "\"?)")
                .orElse("");
    }

    /** Jackson's message without its source excerpt, with line and column first. */
    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        String message = e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            message = "more content after the closing } of the policy object";
        }
        return where + message;
    }
}
