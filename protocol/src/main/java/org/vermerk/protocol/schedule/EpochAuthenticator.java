package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code epoch_authenticator} = DeriveSecret(epoch_secret, "authentication") (RFC 9420 §8, §8.7): equal for all members that share a view of the group. A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record EpochAuthenticator(Secret secret) {
    public EpochAuthenticator {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
