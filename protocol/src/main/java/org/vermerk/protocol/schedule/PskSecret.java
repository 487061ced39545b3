package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code psk_secret} (RFC 9420 §8.4): the pre-shared keys a commit injects, chained together; all zeros when there are none. A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record PskSecret(Secret secret) {
    public PskSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
