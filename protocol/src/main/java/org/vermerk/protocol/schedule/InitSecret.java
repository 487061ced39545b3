package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code init_secret} (RFC 9420 §8): carries the previous epoch into the next; the first epoch starts from a random one, an external joiner from an HPKE export (§8.3). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record InitSecret(Secret secret) {
    public InitSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
