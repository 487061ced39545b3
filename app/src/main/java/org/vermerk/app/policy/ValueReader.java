package org.vermerk.app.policy;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one policy value from its JSON node, or records why it cannot and returns null. */
@FunctionalInterface
interface ValueReader<T> {
    /**
     * @param key where the value stands, for problem messages ({@code proxy}, {@code proxy.port})
     */
    T read(String key, JsonNode node, PolicyProblems problems);
}
