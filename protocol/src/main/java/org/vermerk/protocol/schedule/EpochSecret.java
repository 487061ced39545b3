package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code epoch_secret} (RFC 9420 §8): the root of all secrets of one epoch. A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record EpochSecret(Secret secret) {
    public EpochSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
