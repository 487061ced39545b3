package org.vermerk.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.app.policy.PolicyFixtures.examplePem;
import static org.vermerk.app.policy.PolicyFixtures.json;
import static org.vermerk.app.policy.PolicyFixtures.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid policies: what each key reads as. The invalid ones are in {@link InvalidPolicyMessagesTest}. */
class PolicyParserTest {
    @Test
    void anEmptyObjectIsAPolicyThatSetsAndLocksNothing() throws Exception {
        AdminPolicy policy = parse("{}");
        assertThat(policy.present()).isTrue();
        assertThat(policy.locked()).isEmpty();
        for (Setting<?> setting : Settings.all()) {
            assertThat(policy.value(setting)).as(setting.key()).isEmpty();
        }
    }

    @Test
    void everyKeyReadsAsItsTypedValue() throws Exception {
        AdminPolicy policy = parse("""
                {
                  "serverUrl": "https://vermerk.bmi.example:8443",
                  "pinnedCaCertificates": [%s],
                  "cipherSuite": 2,
                  "proxy": {"mode": "manual", "host": "proxy.bmi.example", "port": 3128, "bypass": ["*.bmi.example"]},
                  "passphraseMinLength": 16,
                  "idleLockMinutes": 0,
                  "attachmentMaxBytes": 0,
                  "recordsNotice": false,
                  "exportDirectory": "/srv/akten",
                  "language": "en",
                  "notificationsShowContent": true,
                  "classificationLabels": [],
                  "authorityName": "  Bundesamt für Beispiele  "
                }
                """.formatted(json(examplePem())));
        assertThat(policy.value(Settings.SERVER_URL)).contains(URI.create("https://vermerk.bmi.example:8443"));
        assertThat(policy.value(Settings.PINNED_CA_CERTIFICATES).orElseThrow())
                .singleElement()
                .satisfies(
                        c -> assertThat(c.getSubjectX500Principal().getName()).contains("CN=Beispielbehoerde Root CA"));
        assertThat(policy.value(Settings.CIPHER_SUITE)).contains(MlsCipherSuite.P256_AES128GCM_SHA256_P256);
        assertThat(policy.value(Settings.PROXY))
                .contains(new ProxySetting.Manual("proxy.bmi.example", 3128, List.of("*.bmi.example")));
        assertThat(policy.value(Settings.PASSPHRASE_MIN_LENGTH)).contains(16);
        assertThat(policy.value(Settings.IDLE_LOCK_MINUTES)).contains(0);
        assertThat(policy.value(Settings.ATTACHMENT_MAX_BYTES)).contains(0L);
        assertThat(policy.value(Settings.RECORDS_NOTICE)).contains(false);
        assertThat(policy.value(Settings.EXPORT_DIRECTORY)).contains(Path.of("/srv/akten"));
        assertThat(policy.value(Settings.LANGUAGE)).contains(Language.ENGLISH);
        assertThat(policy.value(Settings.NOTIFICATIONS_SHOW_CONTENT)).contains(true);
        assertThat(policy.value(Settings.CLASSIFICATION_LABELS)).contains(List.of());
        assertThat(policy.value(Settings.AUTHORITY_NAME)).contains("Bundesamt für Beispiele");
    }

    @Test
    void theCipherSuiteMayBeGivenByItsRfcNameInAnyCase() throws Exception {
        assertThat(parse("{\"cipherSuite\": \"MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519\"}")
                        .value(Settings.CIPHER_SUITE))
                .contains(MlsCipherSuite.X25519_AES128GCM_SHA256_ED25519);
        assertThat(parse("{\"cipherSuite\": \"mls_128_dhkemp256_aes128gcm_sha256_p256\"}")
                        .value(Settings.CIPHER_SUITE))
                .contains(MlsCipherSuite.P256_AES128GCM_SHA256_P256);
    }

    @Test
    void eachProxyModeReadsAsItsOwnKind() throws Exception {
        assertThat(parse("{\"proxy\": {\"mode\": \"system\"}}").value(Settings.PROXY))
                .containsInstanceOf(ProxySetting.UseSystem.class);
        assertThat(parse("{\"proxy\": {\"mode\": \"none\"}}").value(Settings.PROXY))
                .containsInstanceOf(ProxySetting.NoProxy.class);
        assertThat(parse("{\"proxy\": {\"mode\": \"pac\", \"pacUrl\": \"http://wpad.bmi.example/proxy.pac\"}}")
                        .value(Settings.PROXY))
                .contains(new ProxySetting.Pac(URI.create("http://wpad.bmi.example/proxy.pac")));
        assertThat(parse("{\"proxy\": {\"mode\": \"pac\", \"pacUrl\": \"file:///etc/proxy.pac\"}}")
                        .value(Settings.PROXY))
                .contains(new ProxySetting.Pac(URI.create("file:///etc/proxy.pac")));
    }

    @Test
    void oneStringMayHoldAWholePemBundleOfSeveralCertificates() throws Exception {
        String bundle = examplePem() + examplePem();
        assertThat(parse("{\"pinnedCaCertificates\": [" + json(bundle) + "]}")
                        .value(Settings.PINNED_CA_CERTIFICATES)
                        .orElseThrow())
                .hasSize(2);
    }

    @Test
    void theHomePlaceholderOfTheExportDirectoryStandsForTheUsersHomeFolder() throws Exception {
        assertThat(parse("{\"exportDirectory\": \"${user.home}/Akten\"}").value(Settings.EXPORT_DIRECTORY))
                .contains(Path.of(System.getProperty("user.home"), "Akten"));
    }

    @Test
    void aUtf8ByteOrderMarkAsWindowsEditorsWriteItIsAccepted() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"language\": \"en\"}".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        assertThat(new PolicyParser().parse(PolicyFixtures.FILE, file).value(Settings.LANGUAGE))
                .contains(Language.ENGLISH);
    }

    @Test
    void schemaAndCommentKeysAreAllowedForEditorsAndAdministrators() throws Exception {
        AdminPolicy policy = parse("{\"$schema\": \"policy.schema.json\", \"$comment\": \"Ticket 4711\"}");
        assertThat(policy.present()).isTrue();
    }

    @Test
    void lockingAKeyWithADefaultButNoValueLocksTheDefault() throws Exception {
        AdminPolicy policy = parse("{\"locked\": [\"idleLockMinutes\", \"language\"]}");
        assertThat(policy.locks(Settings.IDLE_LOCK_MINUTES)).isTrue();
        assertThat(policy.locks(Settings.LANGUAGE)).isTrue();
        assertThat(policy.locks(Settings.PROXY)).isFalse();
        assertThat(policy.value(Settings.IDLE_LOCK_MINUTES)).isEmpty();
    }
}
