package org.vermerk.protocol.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackageValidator;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.transcript.ConfirmationTag;

/**
 * The official vectors {@code welcome.json}: one entry per cipher suite {@code {cipher_suite,
 * init_priv, signer_pub, key_package, welcome}}: {@code init_priv} the HPKE private key of the
 * KeyPackage's {@code init_key}, {@code signer_pub} the signature key of the GroupInfo's signer,
 * {@code key_package} and {@code welcome} TLS-encoded MLSMessages. Per entry this test checks:
 *
 * <ul>
 *   <li>the KeyPackage validates for the suite (its lifetime is eternal, §10.1);
 *   <li>the Welcome has an entry for the KeyPackage's ref, whose GroupSecrets open with {@code
 *       init_priv}, and the GroupInfo opens with the welcome key of {@code joiner_secret} and no PSKs
 *       (§12.4.3.1);
 *   <li>the GroupInfo's signature verifies under {@code signer_pub}, and its confirmation tag is
 *       {@code MAC(confirmation_key, confirmed_transcript_hash)} of the epoch derived from {@code
 *       joiner_secret} and the GroupInfo's group context;
 *   <li>sealing the same GroupInfo and GroupSecrets again to the KeyPackage gives a Welcome that
 *       opens and verifies the same way.
 * </ul>
 */
class WelcomeVectorTest {
    private static final Decoder<MlsMessage> MLS_MESSAGE = MlsMessage::decode;

    @TestFactory
    Stream<DynamicTest> theWelcomeOpensForItsKeyPackageAndItsGroupInfoVerifies() {
        return TestVectors.entriesBySuite("welcome.json", WelcomeVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        CipherSuite suite = CipherSuites.byId(entry.get("cipher_suite").asInt());
        KeyPackage keyPackage =
                ((MlsMessage.OfKeyPackage) MLS_MESSAGE.decodeAll(hex(entry, "key_package"))).keyPackage();
        Welcome welcome = ((MlsMessage.OfWelcome) MLS_MESSAGE.decodeAll(hex(entry, "welcome"))).welcome();
        Secret initPrivate = Secret.of(hex(entry, "init_priv"));
        Bytes signerKey = Bytes.of(hex(entry, "signer_pub"));

        VerifiedKeyPackage verifiedKeyPackage = new KeyPackageValidator(suite, Clock.systemUTC()).validate(keyPackage);
        assertThat(welcome.secrets())
                .extracting(e -> e.newMember())
                .contains(verifiedKeyPackage.ref().value());

        WelcomeReceiver receiver = new WelcomeReceiver(suite);
        DecryptedWelcome decrypted = receiver.decrypt(welcome, keyPackage, initPrivate, PskLookup.NONE);
        VerifiedWelcome verified = decrypted.verify(signerKey);
        assertThat(ConfirmationTag.compute(
                        suite,
                        verified.epochSecrets().confirmationKey(),
                        verified.groupInfo().groupContext().confirmedTranscriptHash()))
                .isEqualTo(verified.groupInfo().confirmationTag());

        KeySchedule schedule = new KeySchedule(suite);
        Welcome resealed = new WelcomeSender(suite)
                .seal(
                        verified.groupInfo(),
                        new JoinerSecret(verified.groupSecrets().joinerSecret()),
                        schedule.zeroPskSecret(),
                        List.of(new WelcomeSender.NewMember(verifiedKeyPackage, verified.groupSecrets())));
        VerifiedWelcome again = receiver.decrypt(resealed, keyPackage, initPrivate, PskLookup.NONE)
                .verify(signerKey);
        assertThat(again.groupInfo()).isEqualTo(verified.groupInfo());
        assertThat(again.epochSecrets().epochAuthenticator())
                .isEqualTo(verified.epochSecrets().epochAuthenticator());
    }
}
