package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/** {@code commit_secret} (RFC 9420 §8): the fresh entropy of a commit, derived from the path secret of the root (§7.4), or all zeros for a commit without a path. A distinct type so that it cannot be mixed up with the schedule's other secrets; never prints. */
public record CommitSecret(Secret secret) {
    public CommitSecret {
        Objects.requireNonNull(secret, "secret");
    }

    /** Wipes the secret (§9.2 deletion schedule); later use fails. */
    public void destroy() {
        secret.destroy();
    }
}
