package org.vermerk.protocol.keypackage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.Credential;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.ProtocolVersion;
import org.vermerk.protocol.tree.Capabilities;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.Lifetime;

/**
 * Makes KeyPackages (RFC 9420 §10) for one cipher suite: a fresh HPKE {@code init_key} and a
 * fresh leaf {@code encryption_key} (two different key pairs), the client's signature key and
 * credential, a leaf of source {@code key_package} valid from one hour ago (clock skew) to 90 days
 * ahead, capabilities listing mls10, this suite, the credential types basic and x509, and the
 * non-default extension types the KeyPackage carries (the default proposal and extension types of
 * §7.2 must not be listed, and the engine supports no others yet). The leaf is signed over
 * LeafNodeTBS, then the KeyPackage over KeyPackageTBS ({@link KeyPackageSigning}).
 *
 * <p>Randomness comes from the suite's source, time from the injected clock. Thread-safe.
 */
public final class KeyPackageFactory {
    /** How long before its creation a KeyPackage is valid, to tolerate clocks that run behind. */
    public static final Duration VALID_BEFORE_CREATION = Duration.ofHours(1);
    /** How long after its creation a KeyPackage is valid. */
    public static final Duration VALID_AFTER_CREATION = Duration.ofDays(90);

    private final CipherSuite suite;
    private final Clock clock;

    public KeyPackageFactory(CipherSuite suite, Clock clock) {
        this.suite = Objects.requireNonNull(suite);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A KeyPackage with the default lifetime and no extensions. */
    public NewKeyPackage create(Credential credential, KeyPair signatureKeys) throws CryptoException {
        return create(credential, signatureKeys, defaultLifetime(), List.of(), List.of());
    }

    /**
     * A KeyPackage with the given lifetime, leaf node extensions and KeyPackage extensions; the
     * non-default types among the extensions are listed in the capabilities.
     */
    public NewKeyPackage create(
            Credential credential,
            KeyPair signatureKeys,
            Lifetime lifetime,
            List<Extension> leafExtensions,
            List<Extension> keyPackageExtensions)
            throws CryptoException {
        KeyPair init = suite.generateHpkeKeyPair();
        KeyPair encryption = suite.generateHpkeKeyPair();
        List<Integer> extensionTypes = Stream.concat(leafExtensions.stream(), keyPackageExtensions.stream())
                .map(Extension::type)
                .filter(type -> !KeyPackageValidator.isDefaultExtensionType(type))
                .distinct()
                .toList();
        LeafNode unsigned = new LeafNode(
                encryption.publicKey(),
                signatureKeys.publicKey(),
                credential,
                capabilities(extensionTypes),
                new LeafNodeSource.FromKeyPackage(lifetime),
                leafExtensions,
                Bytes.EMPTY);
        LeafNode leaf = KeyPackageSigning.signLeafNode(suite, signatureKeys.privateKey(), unsigned);
        KeyPackage keyPackage = KeyPackageSigning.signKeyPackage(
                suite,
                signatureKeys.privateKey(),
                new KeyPackage(
                        ProtocolVersion.MLS10, suite.id(), init.publicKey(), leaf, keyPackageExtensions, Bytes.EMPTY));
        return new NewKeyPackage(
                keyPackage,
                KeyPackageRef.of(suite, keyPackage),
                new KeyPackagePrivateKeys(init.privateKey(), encryption.privateKey()));
    }

    /** From {@link #VALID_BEFORE_CREATION} before now to {@link #VALID_AFTER_CREATION} after, in Unix seconds. */
    public Lifetime defaultLifetime() {
        Instant now = clock.instant();
        return new Lifetime(
                now.minus(VALID_BEFORE_CREATION).getEpochSecond(),
                now.plus(VALID_AFTER_CREATION).getEpochSecond());
    }

    private Capabilities capabilities(List<Integer> extensionTypes) {
        return new Capabilities(
                List.of(ProtocolVersion.MLS10),
                List.of(suite.id()),
                extensionTypes,
                List.of(),
                List.of(CredentialType.BASIC, CredentialType.X509));
    }
}
