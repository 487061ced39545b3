package org.vermerk.protocol.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.kat.TestVectors;

/**
 * The official vectors {@code key-schedule.json}: one entry per cipher suite {@code {cipher_suite,
 * group_id, initial_init_secret, epochs[]}}; each epoch gives the generator's inputs ({@code
 * tree_hash, commit_secret, psk_secret, confirmed_transcript_hash}) and the expected outputs
 * ({@code group_context, joiner_secret, welcome_secret, init_secret, sender_data_secret,
 * encryption_secret, exporter_secret, epoch_authenticator, external_secret, confirmation_key,
 * membership_key, resumption_psk, external_pub, exporter{label, context, length, secret}}), all
 * hex. Per entry, starting from {@code initial_init_secret} and carrying each epoch's {@code
 * init_secret} into the next, this test checks for every epoch {@code n}:
 *
 * <ul>
 *   <li>the GroupContext {@code (version 1, cipher_suite, group_id, epoch n, tree_hash,
 *       confirmed_transcript_hash, no extensions)} encodes to {@code group_context} (§8.1);
 *   <li>joiner, welcome and epoch secret and every epoch-derived secret, including the next {@code
 *       init_secret}, equal the expected values (§8);
 *   <li>the public key of {@code DeriveKeyPair(external_secret)} is {@code external_pub} (§8), and
 *       an external init to it yields the same {@code init_secret} on both sides (§8.3);
 *   <li>{@code MLS-Exporter(label, context, length)}, the label taken as the text it is (it merely looks like hex), is
 *       {@code exporter.secret} (§8.5).
 * </ul>
 */
class KeyScheduleVectorTest {
    @TestFactory
    Stream<DynamicTest> everyEpochDerivesTheExpectedSecrets() {
        return TestVectors.entriesBySuite("key-schedule.json", KeyScheduleVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        int suiteId = entry.get("cipher_suite").asInt();
        CipherSuite suite = CipherSuites.byId(suiteId);
        KeySchedule schedule = new KeySchedule(suite);
        Bytes groupId = Bytes.of(hex(entry, "group_id"));
        InitSecret init = new InitSecret(Secret.of(hex(entry, "initial_init_secret")));

        JsonNode epochs = entry.get("epochs");
        for (int n = 0; n < epochs.size(); n++) {
            JsonNode epoch = epochs.get(n);
            GroupContext context = new GroupContext(
                    GroupContext.MLS10,
                    suiteId,
                    groupId,
                    n,
                    Bytes.of(hex(epoch, "tree_hash")),
                    Bytes.of(hex(epoch, "confirmed_transcript_hash")),
                    List.of());
            assertThat(context.encoded()).as("group_context of epoch %d", n).isEqualTo(hex(epoch, "group_context"));

            CommitSecret commit = new CommitSecret(Secret.of(hex(epoch, "commit_secret")));
            PskSecret psk = new PskSecret(Secret.of(hex(epoch, "psk_secret")));
            JoinerSecret joiner = schedule.joinerSecret(init, commit, context);
            expect(joiner.secret(), epoch, "joiner_secret", n);
            expect(schedule.welcomeSecret(joiner, psk).secret(), epoch, "welcome_secret", n);

            EpochSecrets secrets = schedule.epochSecrets(schedule.epochSecret(joiner, psk, context));
            expect(secrets.senderDataSecret().secret(), epoch, "sender_data_secret", n);
            expect(secrets.encryptionSecret().secret(), epoch, "encryption_secret", n);
            expect(secrets.exporterSecret().secret(), epoch, "exporter_secret", n);
            expect(secrets.epochAuthenticator().secret(), epoch, "epoch_authenticator", n);
            expect(secrets.externalSecret().secret(), epoch, "external_secret", n);
            expect(secrets.confirmationKey().secret(), epoch, "confirmation_key", n);
            expect(secrets.membershipKey().secret(), epoch, "membership_key", n);
            expect(secrets.resumptionPsk().secret(), epoch, "resumption_psk", n);
            expect(secrets.nextInitSecret().secret(), epoch, "init_secret", n);

            KeyPair external = schedule.externalKeyPair(secrets.externalSecret());
            assertThat(external.publicKey().toByteArray())
                    .as("external_pub of epoch %d", n)
                    .isEqualTo(hex(epoch, "external_pub"));
            ExternalInit externalInit = new ExternalInit(suite);
            ExternalInit.Joiner joined = externalInit.join(external.publicKey());
            assertThat(externalInit.receive(external.privateKey(), joined.kemOutput()))
                    .isEqualTo(joined.initSecret());

            JsonNode exporter = epoch.get("exporter");
            Secret exported = schedule.export(
                    secrets.exporterSecret(),
                    exporter.get("label").asText(),
                    hex(exporter, "context"),
                    exporter.get("length").asInt());
            assertThat(exported.expose()).as("exporter.secret of epoch %d", n).isEqualTo(hex(exporter, "secret"));

            init = secrets.nextInitSecret();
        }
    }

    private static void expect(Secret actual, JsonNode epoch, String field, int n) {
        assertThat(actual.expose()).as("%s of epoch %d", field, n).isEqualTo(hex(epoch, field));
    }
}
