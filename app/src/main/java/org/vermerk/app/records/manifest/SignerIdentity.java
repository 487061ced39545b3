package org.vermerk.app.records.manifest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.vermerk.app.records.Sha256;

/**
 * Who signed a manifest, as the signature says. Trusting that key is the records officer's
 * decision: compare the fingerprint with the device's registered key.
 *
 * @param subject the certificate's subject DN
 * @param issuer the certificate's issuer DN (the subject again when self-signed)
 * @param publicKeyFingerprint SHA-256 over the certificate's SubjectPublicKeyInfo
 * @param keyAlgorithm "Ed25519" or "EC"
 * @param signingTime the signing-time attribute, if present
 */
public record SignerIdentity(
        String subject,
        String issuer,
        Sha256 publicKeyFingerprint,
        String keyAlgorithm,
        Optional<Instant> signingTime) {
    public SignerIdentity {
        requireNonNull(subject, "subject");
        requireNonNull(issuer, "issuer");
        requireNonNull(publicKeyFingerprint, "publicKeyFingerprint");
        requireNonNull(keyAlgorithm, "keyAlgorithm");
        requireNonNull(signingTime, "signingTime");
    }
}
