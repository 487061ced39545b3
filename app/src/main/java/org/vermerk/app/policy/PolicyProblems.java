package org.vermerk.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading one policy file. Used by one parse on one thread. */
final class PolicyProblems {
    private final List<PolicyProblem> found = new ArrayList<>();

    void add(String key, PolicyRule rule, String detail) {
        found.add(new PolicyProblem(key, rule, detail));
    }

    /** Records that {@code node} at {@code key} is not what the key takes; always returns null. */
    <T> T wrongType(String key, String expected, JsonNode node) {
        add(key, PolicyRule.WRONG_TYPE, "must be " + expected + ", was " + describe(node));
        return null;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<PolicyProblem> list() {
        return List.copyOf(found);
    }

    /** The JSON type of a value, as an administrator reads it in the file. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER ->
                node.isIntegralNumber() ? "the number " + node.asText() : "the decimal number " + node.asText();
            case BOOLEAN -> node.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
        };
    }
}
