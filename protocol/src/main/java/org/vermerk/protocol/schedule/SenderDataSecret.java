package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code sender_data_secret} = DeriveSecret(epoch_secret, "sender data") (RFC 9420 §8): keys the sender data of PrivateMessages (§6.3.2). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record SenderDataSecret(Secret secret) {
    public SenderDataSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
