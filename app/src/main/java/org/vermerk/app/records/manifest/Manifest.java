package org.vermerk.app.records.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.vermerk.app.records.Sha256;

/**
 * The content of {@code manifest.json}: which files the package holds, with size and SHA-256.
 * The manifest lists every file of the ZIP except itself and its signature.
 *
 * <pre>
 * {"format": "vermerk-manifest/1", "package": "…_FVDaten.SGOAblegen.0605", "createdAt": "…Z",
 *  "files": [{"name": "…", "size": 123, "sha256": "hex"}, …]}
 * </pre>
 *
 * @param packageName the ZIP's base name (ProzessID and message type)
 * @param createdAt the time of export
 * @param entries the files in ZIP order
 */
public record Manifest(String packageName, Instant createdAt, List<ManifestEntry> entries) {
    public static final String FORMAT = "vermerk-manifest/1";
    public static final String FILE_NAME = "manifest.json";
    public static final String SIGNATURE_FILE_NAME = "manifest.json.p7s";

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public Manifest {
        requireNonNull(packageName, "packageName");
        requireNonNull(createdAt, "createdAt");
        entries = List.copyOf(entries);
    }

    /** The manifest as UTF-8 JSON, indented so that a person can read and diff it. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = READER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("package", packageName);
            json.writeStringField("createdAt", createdAt.toString());
            json.writeArrayFieldStart("files");
            for (ManifestEntry entry : entries) {
                json.writeStartObject();
                json.writeStringField("name", entry.name());
                json.writeNumberField("size", entry.size());
                json.writeStringField("sha256", entry.sha256().hex());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a manifest.
     *
     * @throws ManifestFormatException when the bytes are not a well-formed manifest of this format
     */
    public static Manifest parse(byte[] json) throws ManifestFormatException {
        JsonNode root;
        try (JsonParser parser = READER.createParser(json)) {
            root = READER.readTree(parser);
        } catch (IOException e) {
            throw new ManifestFormatException("manifest.json is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ManifestFormatException("manifest.json is not a JSON object", null);
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ManifestFormatException(
                    "manifest.json has format " + root.path("format") + ", expected \"" + FORMAT + "\"", null);
        }
        String packageName = text(root, "package");
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(root, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new ManifestFormatException("manifest.json: createdAt is not an instant", e);
        }
        JsonNode files = root.path("files");
        if (!files.isArray()) {
            throw new ManifestFormatException("manifest.json: files is not an array", null);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        for (JsonNode file : files) {
            String name = text(file, "name");
            JsonNode size = file.path("size");
            if (!size.canConvertToExactIntegral() || size.asLong() < 0) {
                throw new ManifestFormatException("manifest.json: bad size for " + name, null);
            }
            String hex = text(file, "sha256");
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new ManifestFormatException("manifest.json: bad sha256 for " + name, null);
            }
            entries.add(new ManifestEntry(name, size.asLong(), Sha256.fromHex(hex)));
        }
        return new Manifest(packageName, createdAt, entries);
    }

    private static String text(JsonNode node, String field) throws ManifestFormatException {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new ManifestFormatException("manifest.json: missing text field " + field, null);
        }
        return value.asText();
    }
}
