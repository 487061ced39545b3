package org.vermerk.protocol.group;

import java.util.Objects;
import java.util.Optional;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.messages.GroupInfo;

/**
 * What creating a commit yields (RFC 9420 §12.4): the commit message to send to the group, the
 * Welcome for the members it adds (if any), the signed GroupInfo of the new epoch (for an external
 * join), and the commit staged in the group until the delivery service has accepted it.
 */
public record CreatedCommit(MlsMessage commit, Optional<MlsMessage> welcome, GroupInfo groupInfo, StagedCommit staged) {
    public CreatedCommit {
        Objects.requireNonNull(commit);
        Objects.requireNonNull(welcome);
        Objects.requireNonNull(groupInfo);
        Objects.requireNonNull(staged);
    }
}
