package org.vermerk.protocol.schedule;

import java.util.Objects;

/**
 * The secrets derived from one epoch's {@code epoch_secret} (RFC 9420 §8, table "Epoch-Derived
 * Secrets"), plus the {@code init_secret} of the next epoch. Each has its own type. Whoever holds
 * this object owns the secrets and wipes them with {@link #destroy()} when the epoch ends.
 */
public record EpochSecrets(
        SenderDataSecret senderDataSecret,
        EncryptionSecret encryptionSecret,
        ExporterSecret exporterSecret,
        ExternalSecret externalSecret,
        ConfirmationKey confirmationKey,
        MembershipKey membershipKey,
        ResumptionPsk resumptionPsk,
        EpochAuthenticator epochAuthenticator,
        InitSecret nextInitSecret) {
    public EpochSecrets {
        Objects.requireNonNull(senderDataSecret);
        Objects.requireNonNull(encryptionSecret);
        Objects.requireNonNull(exporterSecret);
        Objects.requireNonNull(externalSecret);
        Objects.requireNonNull(confirmationKey);
        Objects.requireNonNull(membershipKey);
        Objects.requireNonNull(resumptionPsk);
        Objects.requireNonNull(epochAuthenticator);
        Objects.requireNonNull(nextInitSecret);
    }

    /** Wipes every secret; idempotent. */
    public void destroy() {
        senderDataSecret.destroy();
        encryptionSecret.destroy();
        exporterSecret.destroy();
        externalSecret.destroy();
        confirmationKey.destroy();
        membershipKey.destroy();
        resumptionPsk.destroy();
        epochAuthenticator.destroy();
        nextInitSecret.destroy();
    }
}
