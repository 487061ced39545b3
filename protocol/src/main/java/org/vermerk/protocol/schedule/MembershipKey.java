package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code membership_key} = DeriveSecret(epoch_secret, "membership") (RFC 9420 §8): the MAC key of a PublicMessage membership tag (§6.2). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record MembershipKey(Secret secret) {
    public MembershipKey {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
