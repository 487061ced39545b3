package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code welcome_secret} = DeriveSecret(member secret, "welcome") (RFC 9420 §8): keys the GroupInfo in a Welcome (§12.4.3.1). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record WelcomeSecret(Secret secret) {
    public WelcomeSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
