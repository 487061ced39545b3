package org.vermerk.protocol.keypackage;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.LabeledCrypto;

/**
 * {@code KeyPackageRef} (RFC 9420 §5.2): the identifier of a KeyPackage, by which a Welcome names
 * the new member each EncryptedGroupSecrets is for.
 *
 * <pre>
 * opaque HashReference&lt;V&gt;;
 * HashReference KeyPackageRef;
 * MakeKeyPackageRef(value) = RefHash("MLS 1.0 KeyPackage Reference", value)   // value: the encoded KeyPackage
 * </pre>
 */
public record KeyPackageRef(Bytes value) {
    static final String LABEL = "MLS 1.0 KeyPackage Reference";

    public KeyPackageRef {
        Objects.requireNonNull(value);
    }

    /** The reference of {@code keyPackage} under the hash of {@code suite}. */
    public static KeyPackageRef of(CipherSuite suite, KeyPackage keyPackage) {
        return new KeyPackageRef(new LabeledCrypto(suite).refHash(LABEL, keyPackage.encoded()));
    }
}
