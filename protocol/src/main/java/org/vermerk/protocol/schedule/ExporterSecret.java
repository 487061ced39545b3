package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code exporter_secret} = DeriveSecret(epoch_secret, "exporter") (RFC 9420 §8): the source of MLS-Exporter (§8.5). A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record ExporterSecret(Secret secret) {
    public ExporterSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
