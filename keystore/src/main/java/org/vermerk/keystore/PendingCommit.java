package org.vermerk.keystore;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Our own commit whose fate the server decides and this device has not yet stored (ADR 0029): kept
 * from just before the commit is sent until the group either moved to the commit's epoch or learnt
 * that another commit took the epoch. With it a device that crashed, or lost the server's answer,
 * between the server accepting the commit and storing its merge can still take the epoch it
 * started: a member cannot process its own commit (RFC 9420 §12.4.2), so the state after the merge
 * must be kept beside the one before it.
 *
 * @param epoch the epoch the commit was made in; the server takes it only while the group is there
 * @param clientMessageId the request's client message ID: the server answers a resend with the
 *     original log index ({@code duplicate}), so the verdict can be asked for again
 * @param request the {@code sendCommit} request as sent (commit, Welcome, devices to add and remove;
 *     MLS messages that are public or encrypted to their recipients)
 * @param formatVersion the format of {@code mergedState}
 * @param mergedState the group's state once the commit is merged: as secret as any group state
 * @param announce whether the group is told its title and marking when the commit counts (people
 *     were added, who learn the title from that message)
 */
public record PendingCommit(
        String conversationId,
        long epoch,
        String clientMessageId,
        Bytes request,
        int formatVersion,
        Secret mergedState,
        boolean announce) {
    public PendingCommit {
        Ids.require(conversationId, "conversation id");
        Ids.require(clientMessageId, "client message id");
        Objects.requireNonNull(request);
        Objects.requireNonNull(mergedState);
    }

    /** The merged state never prints. */
    @Override
    public String toString() {
        return "PendingCommit[" + conversationId + ", epoch " + epoch + ", " + clientMessageId + "]";
    }
}
