package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code encryption_secret} = DeriveSecret(epoch_secret, "encryption") (RFC 9420 §8): the root of the secret tree (§9). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record EncryptionSecret(Secret secret) {
    public EncryptionSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
