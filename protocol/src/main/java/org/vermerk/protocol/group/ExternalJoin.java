package org.vermerk.protocol.group;

import java.util.Objects;
import org.vermerk.protocol.framing.MlsMessage;

/**
 * The result of joining by external commit (RFC 9420 §12.4.3.2): the group, already in the epoch
 * the commit starts, and the commit to send. If the delivery service rejects the commit (another
 * commit came first), the group is of no use: fetch a fresh GroupInfo and join again.
 */
public record ExternalJoin(Group group, MlsMessage commit) {
    public ExternalJoin {
        Objects.requireNonNull(group);
        Objects.requireNonNull(commit);
    }
}
