package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code external_secret} = DeriveSecret(epoch_secret, "external") (RFC 9420 §8): seeds the external init key pair (§8.3). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record ExternalSecret(Secret secret) {
    public ExternalSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
