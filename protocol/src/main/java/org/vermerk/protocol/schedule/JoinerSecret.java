package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code joiner_secret} (RFC 9420 §8): what a Welcome hands to new members (§12.4.3.1). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record JoinerSecret(Secret secret) {
    public JoinerSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
