package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code confirmation_key} = DeriveSecret(epoch_secret, "confirm") (RFC 9420 §8): the MAC key of the confirmation tag (§8.1). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record ConfirmationKey(Secret secret) {
    public ConfirmationKey {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
