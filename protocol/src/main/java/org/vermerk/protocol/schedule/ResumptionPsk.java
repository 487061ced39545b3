package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code resumption_psk} = DeriveSecret(epoch_secret, "resumption") (RFC 9420 §8, §8.6): proves membership in this epoch when injected later as a PSK. A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record ResumptionPsk(Secret secret) {
    public ResumptionPsk {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
