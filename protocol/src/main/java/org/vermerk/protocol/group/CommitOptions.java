package org.vermerk.protocol.group;

import java.util.List;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.messages.Proposal;

/**
 * What a member's commit covers and how it is sent (RFC 9420 §12.4): proposals by value, whether
 * the proposals received this epoch are included by reference, whether a path is sent even when
 * none is required (default yes: every commit then refreshes the committer's keys), and the
 * {@code authenticated_data} to bind to it.
 */
public record CommitOptions(
        List<Proposal> byValue, boolean includeReceivedProposals, boolean alwaysPath, Bytes authenticatedData) {
    public CommitOptions {
        byValue = List.copyOf(byValue);
        Objects.requireNonNull(authenticatedData);
    }

    /** A commit of the given proposals by value, with the received ones by reference, with a path. */
    public static CommitOptions of(List<Proposal> byValue) {
        return new CommitOptions(byValue, true, true, Bytes.EMPTY);
    }

    /** The same commit, but with a path only if the proposals require one (§12.4). */
    public CommitOptions pathOnlyWhenRequired() {
        return new CommitOptions(byValue, includeReceivedProposals, false, authenticatedData);
    }

    /** The same commit without the proposals received by reference. */
    public CommitOptions withoutReceivedProposals() {
        return new CommitOptions(byValue, false, alwaysPath, authenticatedData);
    }
}
