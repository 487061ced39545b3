package org.vermerk.app.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads what a record needs from a stored message's application content: the JSON object the
 * messaging layer stores ({@code {"type":"text","text":"…","replyTo":"<message id>"}}). Other fields
 * are ignored; content that is not such an object is taken as plain text, so that nothing marked is
 * lost from the record.
 */
record StoredContent(String text, Optional<String> replyTo) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredContent parse(String content) {
        if (content.isEmpty()) {
            return new StoredContent("", Optional.empty());
        }
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (Exception notJson) {
            return new StoredContent(content, Optional.empty());
        }
        if (node == null || !node.isObject()) {
            return new StoredContent(content, Optional.empty());
        }
        JsonNode text = node.get("text");
        JsonNode reply = node.get("replyTo");
        return new StoredContent(
                text != null && text.isTextual() ? text.textValue() : "",
                reply != null && reply.isTextual() && !reply.textValue().isEmpty()
                        ? Optional.of(reply.textValue())
                        : Optional.empty());
    }

    @Override
    public String toString() {
        return "StoredContent[" + text.length() + " chars]";
    }
}
