package org.vermerk.protocol.keypackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.tree.Capabilities;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.Lifetime;

/** Making KeyPackages (§10) in every implemented suite, and validating what was made. */
class KeyPackageFactoryTest {
    static final Instant NOW = Instant.parse("2025-06-02T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final BasicCredential ANNA =
            new BasicCredential(Bytes.of("anna.schmidt@bmi.example".getBytes(StandardCharsets.UTF_8)));

    static List<Integer> suites() {
        return List.copyOf(new java.util.TreeSet<>(CipherSuites.implemented()));
    }

    @ParameterizedTest(name = "suite {0}")
    @MethodSource("suites")
    void aNewKeyPackageValidatesAndIsNamedByTheRefHashOfItsEncoding(int suiteId) throws Exception {
        CipherSuite suite = CipherSuites.byId(suiteId);
        NewKeyPackage made = new KeyPackageFactory(suite, CLOCK).create(ANNA, suite.generateSignatureKeyPair());

        VerifiedKeyPackage verified = new KeyPackageValidator(suite, CLOCK).validate(made.keyPackage());

        Bytes expectedRef = new LabeledCrypto(suite)
                .refHash("MLS 1.0 KeyPackage Reference", made.keyPackage().encoded());
        assertThat(made.ref().value()).isEqualTo(expectedRef);
        assertThat(verified.ref()).isEqualTo(made.ref());
        assertThat(verified.keyPackage()).isEqualTo(made.keyPackage());
    }

    @ParameterizedTest(name = "suite {0}")
    @MethodSource("suites")
    void thePrivateKeysKeptBelongToTheInitKeyAndTheEncryptionKey(int suiteId) throws Exception {
        CipherSuite suite = CipherSuites.byId(suiteId);
        NewKeyPackage made = new KeyPackageFactory(suite, CLOCK).create(ANNA, suite.generateSignatureKeyPair());

        KeyPackagePrivateKeys keys = made.privateKeys();
        assertThat(suite.hpkePublicKey(keys.initPrivateKey()))
                .isEqualTo(made.keyPackage().initKey());
        assertThat(suite.hpkePublicKey(keys.encryptionPrivateKey()))
                .isEqualTo(made.keyPackage().leafNode().encryptionKey());
        assertThat(made.keyPackage().initKey())
                .isNotEqualTo(made.keyPackage().leafNode().encryptionKey());
        assertThat(keys.toString())
                .doesNotContain(Bytes.of(keys.initPrivateKey().expose()).hex())
                .doesNotContain(Bytes.of(keys.encryptionPrivateKey().expose()).hex());
    }

    @ParameterizedTest(name = "suite {0}")
    @MethodSource("suites")
    void theLeafIsOfSourceKeyPackageValidFromAnHourAgoToNinetyDaysAhead(int suiteId) throws Exception {
        CipherSuite suite = CipherSuites.byId(suiteId);
        KeyPair signer = suite.generateSignatureKeyPair();
        KeyPackage made =
                new KeyPackageFactory(suite, CLOCK).create(ANNA, signer).keyPackage();

        assertThat(made.version()).isEqualTo(1);
        assertThat(made.cipherSuite()).isEqualTo(suiteId);
        assertThat(made.leafNode().signatureKey()).isEqualTo(signer.publicKey());
        assertThat(made.leafNode().credential()).isEqualTo(ANNA);
        assertThat(made.leafNode().source())
                .isEqualTo(new LeafNodeSource.FromKeyPackage(new Lifetime(
                        NOW.minus(Duration.ofHours(1)).getEpochSecond(),
                        NOW.plus(Duration.ofDays(90)).getEpochSecond())));
    }

    @ParameterizedTest(name = "suite {0}")
    @MethodSource("suites")
    void capabilitiesListMls10TheSuiteAndTheBasicAndX509CredentialTypes(int suiteId) throws Exception {
        CipherSuite suite = CipherSuites.byId(suiteId);
        KeyPackage made = new KeyPackageFactory(suite, CLOCK)
                .create(ANNA, suite.generateSignatureKeyPair())
                .keyPackage();

        assertThat(made.leafNode().capabilities())
                .isEqualTo(new Capabilities(
                        List.of(1),
                        List.of(suiteId),
                        List.of(),
                        List.of(),
                        List.of(CredentialType.BASIC, CredentialType.X509)));
    }

    @ParameterizedTest(name = "suite {0}")
    @MethodSource("suites")
    void nonDefaultExtensionsAreListedInTheCapabilitiesAndDefaultOnesAreNot(int suiteId) throws Exception {
        CipherSuite suite = CipherSuites.byId(suiteId);
        KeyPackageFactory factory = new KeyPackageFactory(suite, CLOCK);
        NewKeyPackage made = factory.create(
                ANNA,
                suite.generateSignatureKeyPair(),
                factory.defaultLifetime(),
                List.of(new Extension(0xff01, Bytes.fromHex("01")), new Extension(0x0001, Bytes.fromHex("02"))),
                List.of(new Extension(0xff02, Bytes.EMPTY)));

        assertThat(made.keyPackage().leafNode().capabilities().extensions()).containsExactly(0xff01, 0xff02);
        new KeyPackageValidator(suite, CLOCK).validate(made.keyPackage());
    }

    @ParameterizedTest(name = "suite {0}")
    @MethodSource("suites")
    void aKeyPackageSentAsAnMlsMessageStillValidatesOnArrival(int suiteId) throws Exception {
        CipherSuite suite = CipherSuites.byId(suiteId);
        NewKeyPackage made = new KeyPackageFactory(suite, CLOCK).create(ANNA, suite.generateSignatureKeyPair());
        byte[] wire = new MlsMessage.OfKeyPackage(made.keyPackage()).encoded();

        KeyPackage arrived =
                ((MlsMessage.OfKeyPackage) ((Decoder<MlsMessage>) MlsMessage::decode).decodeAll(wire)).keyPackage();

        assertThat(new KeyPackageValidator(suite, CLOCK).validate(arrived).ref())
                .isEqualTo(made.ref());
    }
}
