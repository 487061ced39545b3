package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vermerk.app.policy.InvalidPolicyException;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.app.policy.Setting;
import org.vermerk.app.policy.Settings;

/**
 * The JSON Schema (packaging/src/main/resources/policy/policy.schema.json) and the client's parser
 * agree: on the set of keys, on the example policies in docs/admin (both accept them) and on a table
 * of invalid policies that a schema can express (both refuse them). The schema is checked with the
 * networknt validator, draft 2020-12.
 */
class PolicySchemaTest {
    private static final Path DOCS = Path.of("..", "docs", "admin");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode schemaTree() throws Exception {
        return MAPPER.readTree(PolicySchemaCommand.schema());
    }

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(PolicySchemaCommand.schema(), InputFormat.JSON);
    }

    private static Set<String> settingKeys() {
        TreeSet<String> keys = new TreeSet<>();
        Settings.all().stream().map(Setting::key).forEach(keys::add);
        return keys;
    }

    @Test
    void theSchemaNamesExactlyTheParsersKeys() throws Exception {
        Set<String> schemaKeys = new TreeSet<>();
        schemaTree().get("properties").fieldNames().forEachRemaining(schemaKeys::add);
        Set<String> expected = new TreeSet<>(settingKeys());
        expected.addAll(List.of(Settings.LOCKED_KEY, "$schema", "$comment"));
        assertThat(schemaKeys).isEqualTo(expected);
        assertThat(schemaTree().get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void theSchemaLetsLockedNameExactlyTheSettings() throws Exception {
        Set<String> lockable = new TreeSet<>();
        schemaTree().at("/properties/locked/items/enum").forEach(n -> lockable.add(n.textValue()));
        assertThat(lockable).isEqualTo(settingKeys());
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws Exception {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schemaTree())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.minimal.json", "policy.full.json"})
    void theExamplePoliciesAreValidForSchemaAndParser(String name) throws Exception {
        byte[] example = Files.readAllBytes(DOCS.resolve(name));
        List<Error> errors = schema().validate(new String(example, StandardCharsets.UTF_8), InputFormat.JSON);
        assertThat(errors).isEmpty();
        assertThat(new PolicyParser().parse(DOCS.resolve(name), example).present())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"autoUpdate\": false}",
                "{\"idleLockMinutes\": \"15\"}",
                "{\"idleLockMinutes\": 5000}",
                "{\"passphraseMinLength\": 7}",
                "{\"attachmentMaxBytes\": -1}",
                "{\"recordsNotice\": \"on\"}",
                "{\"serverUrl\": \"http://vermerk.bmi.example\"}",
                "{\"serverUrl\": \"vermerk.bmi.example\"}",
                "{\"serverUrl\": \"https://vermerk.bmi.example/?a=b\"}",
                "{\"pinnedCaCertificates\": [\"MIIB\"]}",
                "{\"cipherSuite\": 3}",
                "{\"cipherSuite\": \"MLS_256_DHKEMX448_AES256GCM_SHA512_Ed448\"}",
                "{\"proxy\": {}}",
                "{\"proxy\": {\"mode\": \"auto\"}}",
                "{\"proxy\": {\"mode\": \"manual\", \"host\": \"p.example\"}}",
                "{\"proxy\": {\"mode\": \"manual\", \"host\": \"p.example\", \"port\": 0}}",
                "{\"proxy\": {\"mode\": \"system\", \"host\": \"p.example\"}}",
                "{\"proxy\": {\"mode\": \"pac\"}}",
                "{\"proxy\": {\"mode\": \"pac\", \"pacUrl\": \"ftp://w.example/p.pac\"}}",
                "{\"proxy\": {\"mode\": \"none\", \"user\": \"anna\"}}",
                "{\"language\": \"fr\"}",
                "{\"classificationLabels\": [\"OFFEN\", \"OFFEN\"]}",
                "{\"classificationLabels\": [\"\"]}",
                "{\"authorityName\": \"\"}",
                "{\"locked\": [\"theme\"]}",
                "{\"locked\": [\"language\", \"language\"]}",
                "{\"locked\": [\"serverUrl\"]}",
                "{\"locked\": [\"authorityName\"]}",
                "{\"locked\": \"serverUrl\"}",
                "[]"
            })
    void schemaAndParserBothRefuse(String policy) {
        assertThat(schema().validate(policy, InputFormat.JSON))
                .as("schema errors")
                .isNotEmpty();
        assertThatThrownBy(
                        () -> new PolicyParser().parse(Path.of("policy.json"), policy.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPolicyException.class);
    }

    @Test
    void theSchemasDefaultsAreTheSettingsDefaultsAsTheParserReadsThem() throws Exception {
        for (Setting<?> setting : Settings.all()) {
            JsonNode documented = schemaTree().at("/properties/" + setting.key() + "/default");
            if (setting.defaultValue().isEmpty()) {
                assertThat(documented.isMissingNode())
                        .as(setting.key() + " has no default")
                        .isTrue();
                continue;
            }
            byte[] policy = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().set(setting.key(), documented));
            assertThat(new PolicyParser().parse(Path.of("policy.json"), policy).value(setting))
                    .as(setting.key())
                    .isEqualTo(setting.defaultValue());
        }
    }
}
