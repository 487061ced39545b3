package org.vermerk.app.records.manifest;

import static java.util.Objects.requireNonNull;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The device's signing key and its certificate. The key is Ed25519 (cipher suite 1) or ECDSA
 * P-256 (suite 2); until the authority's CA issues device certificates, the app issues a
 * self-signed certificate for the device key. Never prints the key.
 */
public final class DeviceSigner {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public DeviceSigner(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = requireNonNull(privateKey, "privateKey");
        this.certificate = requireNonNull(certificate, "certificate");
        String algorithm = privateKey.getAlgorithm();
        if (!SignatureAlgorithms.isSupported(algorithm)) {
            throw new IllegalArgumentException("device keys are Ed25519 or ECDSA P-256, not " + algorithm);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "DeviceSigner[" + certificate.getSubjectX500Principal().getName() + ", key=***]";
    }
}
