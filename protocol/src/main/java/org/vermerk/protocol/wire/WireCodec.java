package org.vermerk.protocol.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.vermerk.protocol.codec.Bytes;

/**
 * Turns frames into JSON text and back (docs/wire-protocol.md). Version {@value #VERSION} of the
 * protocol; the server's WebSocket path names it ({@code /v1/ws}). Unknown fields are ignored so
 * that a newer peer may add optional ones; an unknown {@code type} is an error. Thread-safe.
 */
public final class WireCodec {
    /** The protocol version this codec speaks. */
    public static final int VERSION = 1;

    private static final Set<String> REQUEST_TYPES = typeNames(ClientRequest.class);
    private static final Set<String> SERVER_TYPES = typeNames(ServerFrame.class);

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new SimpleModule("vermerk-bytes")
                    .addSerializer(Bytes.class, new BytesSerializer())
                    .addDeserializer(Bytes.class, new BytesDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Decodes a frame a client sent. */
    public ClientRequest decodeRequest(String json) throws WireException {
        return decode(json, ClientRequest.class, REQUEST_TYPES);
    }

    /** Decodes a frame a server sent. */
    public ServerFrame decodeServerFrame(String json) throws WireException {
        return decode(json, ServerFrame.class, SERVER_TYPES);
    }

    public String encode(Frame frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame record failed to serialise", e);
        }
    }

    private <T> T decode(String json, Class<T> type, Set<String> known) throws WireException {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new WireException(ErrorCode.MALFORMED, null, "the frame is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new WireException(ErrorCode.MALFORMED, null, "the frame is not a JSON object");
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual() || !known.contains(typeNode.asText())) {
            throw new WireException(ErrorCode.UNKNOWN_TYPE, id, "unknown or missing frame type");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new WireException(ErrorCode.INVALID_REQUEST, id, describe(typeNode.asText(), e));
        }
    }

    /** A short reason that names the problem but never repeats field values. */
    private static String describe(String type, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return type + ": " + cause.getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return type + ": field " + (path.isEmpty() ? "?" : path) + " has the wrong type or is missing";
        }
        return type + ": invalid fields";
    }

    private static Set<String> typeNames(Class<?> base) {
        return Arrays.stream(base.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static final class BytesSerializer extends JsonSerializer<Bytes> {
        @Override
        public void serialize(Bytes value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Base64.getEncoder().encodeToString(value.toByteArray()));
        }
    }

    private static final class BytesDeserializer extends JsonDeserializer<Bytes> {
        @Override
        public Bytes deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Bytes) context.handleUnexpectedToken(Bytes.class, parser);
            }
            try {
                return Bytes.of(Base64.getDecoder().decode(parser.getText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a byte string is not valid base64");
            }
        }
    }
}
