package org.vermerk.app.records.manifest;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;

/** The CMS signature algorithm for each kind of device key. */
final class SignatureAlgorithms {
    private SignatureAlgorithms() {}

    static boolean isSupported(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "Ed25519", "EdDSA", "EC", "ECDSA" -> true;
            default -> false;
        };
    }

    /** Ed25519 keys sign with Ed25519 (RFC 8419, SHA-512 digest); P-256 keys with SHA256withECDSA. */
    static String forKey(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "EC", "ECDSA" -> {
                if (key instanceof ECKey ec
                        && ec.getParams().getCurve().getField().getFieldSize() != 256) {
                    throw new IllegalArgumentException("ECDSA device keys are P-256");
                }
                yield "SHA256withECDSA";
            }
            default -> throw new IllegalArgumentException("unsupported device key " + key.getAlgorithm());
        };
    }
}
