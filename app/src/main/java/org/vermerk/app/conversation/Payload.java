package org.vermerk.app.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What travels inside an MLS application message: versioned JSON (UTF-8), one object.
 *
 * <pre>
 * {"v":1, "id":"CLIENT_MESSAGE_ID", "sentAt":MILLIS, "type":"text",     "text":"…", "replyTo":"ID"?}
 *                                                   "type":"edit",     "target":"ID", "text":"…"
 *                                                   "type":"delete",   "target":"ID"
 *                                                   "type":"reaction", "target":"ID", "emoji":"👍"
 *                                                   "type":"receipt",  "status":"delivered"|"read", "targets":["ID",…]
 *                                                   "type":"info",     "title":"…", "classification":"…"?
 *                                                   "type":"record-notice", "text":"…", "officialName":"…",
 *                                                                   "messageCount":N, "fileReference":"…"
 *                                                   "type":"file",     "name":"…", "mediaType":"…", "size":N,
 *                                                                   "sha256":"HEX", "key":"BASE64URL", "blob":"ID", "text":"…"?
 *                                                   "type":"key-changed", "userId":"…"   (local only, never sent)
 *                                                   "type":"history-note"                  (local only, never sent)
 * </pre>
 *
 * The {@code id} is the sender's client message ID, also the MLS message's authenticated data, so
 * a receiver checks that the two agree. A higher {@code v} or an unknown {@code type} from a newer
 * client is kept as {@link Unknown} (shown as "a newer Vermerk sent this"), never dropped silently.
 * The JSON text is what the keystore stores as a message's content.
 */
public sealed interface Payload {
    int VERSION = 1;

    String id();

    Instant sentAt();

    /** A text message, optionally replying to another. */
    record Text(String id, Instant sentAt, String text, Optional<String> replyTo) implements Payload {
        public Text {
            Objects.requireNonNull(text);
            Objects.requireNonNull(replyTo);
        }

        @Override
        public String toString() {
            return "Text[" + id + "]";
        }
    }

    /** Replaces the text of an own earlier message. */
    record Edit(String id, Instant sentAt, String target, String text) implements Payload {
        @Override
        public String toString() {
            return "Edit[" + id + " of " + target + "]";
        }
    }

    /** Deletes an own earlier message for everyone. */
    record Delete(String id, Instant sentAt, String target) implements Payload {}

    /** A reaction to a message. */
    record Reaction(String id, Instant sentAt, String target, String emoji) implements Payload {}

    /** Tells the senders of {@code targets} that they were delivered to, or read by, this user. */
    record Receipt(String id, Instant sentAt, Status status, List<String> targets) implements Payload {
        public enum Status {
            DELIVERED,
            READ
        }

        public Receipt {
            targets = List.copyOf(targets);
        }
    }

    /**
     * The conversation's title and classification marking (sent by who creates or renames a group,
     * and after each add, so that joiners learn both). A client older than the classification
     * ignores the field; an info without it leaves a known marking as it is.
     */
    record Info(String id, Instant sentAt, String title, Optional<String> classification) implements Payload {
        public Info {
            Objects.requireNonNull(title);
            Objects.requireNonNull(classification);
        }

        public Info(String id, Instant sentAt, String title) {
            this(id, sentAt, title, Optional.empty());
        }

        @Override
        public String toString() {
            return "Info[" + id + "]";
        }
    }

    /**
     * Tells the members that messages of the conversation were filed as a record ("Anna Schmidt hat
     * 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen"). {@code text} is the sender's
     * rendering (German by default), shown as it is; the fields let a receiver render it in its own
     * language. A client older than this type keeps it as {@link Unknown}.
     */
    record RecordNotice(
            String id, Instant sentAt, String text, String officialName, int messageCount, String fileReference)
            implements Payload {
        public RecordNotice {
            Objects.requireNonNull(text);
            Objects.requireNonNull(officialName);
            Objects.requireNonNull(fileReference);
            if (messageCount < 1) {
                throw new IllegalArgumentException("messageCount");
            }
        }

        /**
         * The notice in the reader's language, from the facts it carries (not from {@code text},
         * which is the sender's German rendering kept for search and for clients without this
         * method).
         */
        public String render(org.vermerk.app.policy.Language language) {
            return org.vermerk.app.records.RecordNotice.sentence(language, officialName, messageCount, fileReference);
        }

        @Override
        public String toString() {
            return "RecordNotice[" + id + "]";
        }
    }

    /**
     * A file (ADR 0021): its name, media type and size as the sender gave them, the SHA-256 of its
     * plaintext, the fresh random AES-256 key its blob was encrypted with, the server's blob ID and
     * an optional text sent with it. The key travels only here, inside the MLS message, and is
     * stored only in the encrypted keystore. A sender's own message has an empty {@code blob} while
     * its blob uploads (it is held back from the outbox until then); one received without a blob is
     * rejected. Never printed with its key.
     */
    record File(
            String id,
            Instant sentAt,
            String fileName,
            String mediaType,
            long size,
            org.vermerk.protocol.codec.Bytes sha256,
            org.vermerk.protocol.crypto.Secret key,
            String blob,
            Optional<String> text)
            implements Payload {
        public File {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(mediaType);
            Objects.requireNonNull(sha256);
            Objects.requireNonNull(key);
            Objects.requireNonNull(blob);
            Objects.requireNonNull(text);
            if (size < 0 || sha256.size() != 32 || key.size() != 32 || fileName.isBlank()) {
                throw new IllegalArgumentException("file");
            }
        }

        /** Whether the blob is uploaded (only then is the message sent). */
        public boolean uploaded() {
            return !blob.isEmpty();
        }

        /** The same file with the server's blob ID. */
        public File withBlob(String blobId) {
            return new File(id, sentAt, fileName, mediaType, size, sha256, key, blobId, text);
        }

        @Override
        public String toString() {
            return "File[" + id + ", " + size + " bytes]";
        }
    }

    /**
     * The warning this device stores in a conversation when a member's device keys changed (ADR
     * 0014). Made locally, never sent; one that arrives from the network is rejected, so that no
     * member can fake or hide the warning.
     */
    record KeyChanged(String id, Instant sentAt, String userId) implements Payload {
        public KeyChanged {
            Objects.requireNonNull(userId);
        }
    }

    /**
     * The note this device stores in a conversation it joined after it began (a new device of ours,
     * or we were added later): earlier messages are not available on this device, as MLS gives a
     * joiner no keys of past epochs (RFC 9420 §8, forward secrecy). Made locally, never sent; one
     * that arrives from the network is rejected like {@link KeyChanged}.
     */
    record HistoryNote(String id, Instant sentAt) implements Payload {}

    /** A payload this client does not understand (newer version or type); kept as it came. */
    record Unknown(String id, Instant sentAt, String json) implements Payload {
        @Override
        public String toString() {
            return "Unknown[" + id + "]";
        }
    }

    /** The text that search should find, if any. */
    default Optional<String> searchText() {
        return switch (this) {
            case Text t -> Optional.of(t.text());
            case Edit e -> Optional.of(e.text());
            case RecordNotice n -> Optional.of(n.text());
            case File f ->
                Optional.of(f.text().map(t -> f.fileName() + "\n" + t).orElse(f.fileName()));
            default -> Optional.empty();
        };
    }

    /** The JSON text. */
    default String json() {
        return Json.encode(this);
    }

    default byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a payload; {@link InvalidPayloadException} when it is not a JSON object with {@code v}, {@code id}, {@code sentAt} and {@code type}. */
    static Payload parse(byte[] bytes) throws InvalidPayloadException {
        return Json.decode(new String(bytes, StandardCharsets.UTF_8));
    }

    static Payload parse(String json) throws InvalidPayloadException {
        return Json.decode(json);
    }

    /** Thrown for a payload that is not even an envelope; the message names no content. */
    final class InvalidPayloadException extends Exception {
        InvalidPayloadException(String message) {
            super(message);
        }
    }

    /** The JSON mapping; not API. */
    final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {}

        static String encode(Payload payload) {
            if (payload instanceof Unknown u) {
                return u.json();
            }
            ObjectNode node = MAPPER.createObjectNode();
            node.put("v", VERSION);
            node.put("id", payload.id());
            node.put("sentAt", payload.sentAt().toEpochMilli());
            switch (payload) {
                case Text t -> {
                    node.put("type", "text");
                    node.put("text", t.text());
                    t.replyTo().ifPresent(r -> node.put("replyTo", r));
                }
                case Edit e -> {
                    node.put("type", "edit");
                    node.put("target", e.target());
                    node.put("text", e.text());
                }
                case Delete d -> {
                    node.put("type", "delete");
                    node.put("target", d.target());
                }
                case Reaction r -> {
                    node.put("type", "reaction");
                    node.put("target", r.target());
                    node.put("emoji", r.emoji());
                }
                case Receipt r -> {
                    node.put("type", "receipt");
                    node.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                    ArrayNode targets = node.putArray("targets");
                    r.targets().forEach(targets::add);
                }
                case Info i -> {
                    node.put("type", "info");
                    node.put("title", i.title());
                    i.classification().ifPresent(c -> node.put("classification", c));
                }
                case KeyChanged k -> {
                    node.put("type", "key-changed");
                    node.put("userId", k.userId());
                }
                case HistoryNote h -> node.put("type", "history-note");
                case RecordNotice n -> {
                    node.put("type", "record-notice");
                    node.put("text", n.text());
                    node.put("officialName", n.officialName());
                    node.put("messageCount", n.messageCount());
                    node.put("fileReference", n.fileReference());
                }
                case File f -> {
                    node.put("type", "file");
                    node.put("name", f.fileName());
                    node.put("mediaType", f.mediaType());
                    node.put("size", f.size());
                    node.put(
                            "sha256",
                            java.util.HexFormat.of().formatHex(f.sha256().toByteArray()));
                    byte[] key = f.key().expose();
                    node.put(
                            "key",
                            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key));
                    java.util.Arrays.fill(key, (byte) 0);
                    node.put("blob", f.blob());
                    f.text().ifPresent(t -> node.put("text", t));
                }
                case Unknown u -> throw new AssertionError();
            }
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("payload not writable", e);
            }
        }

        static Payload decode(String json) throws InvalidPayloadException {
            JsonNode node;
            try {
                node = MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                throw new InvalidPayloadException("the payload is not JSON");
            }
            if (node == null
                    || !node.isObject()
                    || !node.path("v").isInt()
                    || !node.path("id").isTextual()
                    || node.path("id").asText().isBlank()
                    || !node.path("sentAt").canConvertToLong()
                    || !node.path("type").isTextual()) {
                throw new InvalidPayloadException("the payload lacks v, id, sentAt or type");
            }
            String id = node.get("id").asText();
            Instant sentAt = Instant.ofEpochMilli(node.get("sentAt").asLong());
            if (node.get("v").asInt() != VERSION) {
                return new Unknown(id, sentAt, json);
            }
            try {
                return switch (node.get("type").asText()) {
                    case "text" ->
                        new Text(
                                id,
                                sentAt,
                                text(node, "text"),
                                node.path("replyTo").isTextual()
                                        ? Optional.of(node.get("replyTo").asText())
                                        : Optional.empty());
                    case "edit" -> new Edit(id, sentAt, text(node, "target"), text(node, "text"));
                    case "delete" -> new Delete(id, sentAt, text(node, "target"));
                    case "reaction" -> new Reaction(id, sentAt, text(node, "target"), text(node, "emoji"));
                    case "receipt" -> {
                        List<String> targets = new ArrayList<>();
                        for (JsonNode t : node.path("targets")) {
                            targets.add(t.asText());
                        }
                        yield new Receipt(
                                id,
                                sentAt,
                                Receipt.Status.valueOf(text(node, "status").toUpperCase(java.util.Locale.ROOT)),
                                targets);
                    }
                    case "info" ->
                        new Info(
                                id,
                                sentAt,
                                text(node, "title"),
                                node.path("classification").isTextual()
                                        ? Optional.of(node.get("classification").asText())
                                        : Optional.empty());
                    case "key-changed" -> new KeyChanged(id, sentAt, text(node, "userId"));
                    case "history-note" -> new HistoryNote(id, sentAt);
                    case "record-notice" -> {
                        if (!node.path("messageCount").canConvertToInt()) {
                            throw new IllegalArgumentException("messageCount");
                        }
                        yield new RecordNotice(
                                id,
                                sentAt,
                                text(node, "text"),
                                text(node, "officialName"),
                                node.get("messageCount").asInt(),
                                text(node, "fileReference"));
                    }
                    case "file" -> {
                        if (!node.path("size").canConvertToLong()) {
                            throw new IllegalArgumentException("size");
                        }
                        yield new File(
                                id,
                                sentAt,
                                text(node, "name"),
                                text(node, "mediaType"),
                                node.get("size").asLong(),
                                org.vermerk.protocol.codec.Bytes.of(
                                        java.util.HexFormat.of().parseHex(text(node, "sha256"))),
                                org.vermerk.protocol.crypto.Secret.wrap(
                                        java.util.Base64.getUrlDecoder().decode(text(node, "key"))),
                                text(node, "blob"),
                                node.path("text").isTextual()
                                        ? Optional.of(node.get("text").asText())
                                        : Optional.empty());
                    }
                    default -> new Unknown(id, sentAt, json);
                };
            } catch (IllegalArgumentException e) {
                throw new InvalidPayloadException(
                        "the payload's " + node.get("type").asText() + " is malformed");
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalArgumentException(field);
            }
            return value.asText();
        }
    }
}
