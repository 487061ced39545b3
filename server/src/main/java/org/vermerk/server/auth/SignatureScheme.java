package org.vermerk.server.auth;

import java.util.Optional;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.vermerk.protocol.codec.Bytes;

/**
 * The device signature schemes the server verifies, named as in RFC 9420's {@code
 * SignatureScheme} registry: the MLS signature keys of cipher suites 1 (Ed25519, raw 32-byte
 * public key) and 2 (ECDSA P-256 with SHA-256, uncompressed SEC1 point, DER signature).
 */
public enum SignatureScheme {
    ED25519("ed25519") {
        @Override
        boolean isValidKey(byte[] key) {
            return key.length == Ed25519PublicKeyParameters.KEY_SIZE;
        }

        @Override
        Signer verifier(byte[] key) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, new Ed25519PublicKeyParameters(key, 0));
            return signer;
        }
    },
    ECDSA_SECP256R1_SHA256("ecdsa_secp256r1_sha256") {
        private static final X9ECParameters P256 = ECNamedCurveTable.getByName("secp256r1");

        @Override
        boolean isValidKey(byte[] key) {
            if (key.length != 65 || key[0] != 4) {
                return false;
            }
            try {
                return P256.getCurve().decodePoint(key).isValid();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        Signer verifier(byte[] key) {
            ECDomainParameters domain = new ECDomainParameters(P256);
            DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
            signer.init(false, new ECPublicKeyParameters(P256.getCurve().decodePoint(key), domain));
            return signer;
        }
    };

    private final String wireName;

    SignatureScheme(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SignatureScheme> named(String wireName) {
        for (SignatureScheme scheme : values()) {
            if (scheme.wireName.equals(wireName)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    abstract boolean isValidKey(byte[] key);

    abstract Signer verifier(byte[] key);

    /** Whether {@code key} is a well-formed public key of this scheme. */
    public boolean acceptsKey(Bytes key) {
        return isValidKey(key.toByteArray());
    }

    /** Verifies; false (never an exception) for a malformed key or signature. */
    public boolean verify(Bytes key, byte[] content, Bytes signature) {
        byte[] rawKey = key.toByteArray();
        if (!isValidKey(rawKey)) {
            return false;
        }
        try {
            Signer verifier = verifier(rawKey);
            verifier.update(content, 0, content.length);
            return verifier.verifySignature(signature.toByteArray());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
