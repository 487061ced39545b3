package org.vermerk.protocol.group;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.messages.ReInit;

/**
 * A commit that has been processed (or created) but not yet applied (RFC 9420 §12.4.2): the next
 * epoch is computed and its confirmation tag checked, the current epoch is untouched. The caller
 * inspects it (who was added, removed or updated, whether we were removed, a ReInit to follow) and
 * then merges it into its {@link Group} ({@link Group#mergeStagedCommit}) or discards it ({@link
 * #discard()}, e.g. when the delivery service rejects the commit or the user does not accept the
 * change). Not thread-safe.
 */
public final class StagedCommit {
    private final EpochState previous;
    private final Optional<EpochState> next;
    private final Sender committer;
    private final AppliedProposals applied;
    private boolean done;

    StagedCommit(EpochState previous, Optional<EpochState> next, Sender committer, AppliedProposals applied) {
        this.previous = Objects.requireNonNull(previous);
        this.next = Objects.requireNonNull(next);
        this.committer = Objects.requireNonNull(committer);
        this.applied = Objects.requireNonNull(applied);
    }

    /** The epoch the commit starts. */
    public long epoch() {
        return previous.epoch() + 1;
    }

    /** The sender: a member, or a new member joining by external commit. */
    public Sender committer() {
        return committer;
    }

    /** The members the commit adds, at their new leaves. */
    public List<Member> addedMembers() {
        return applied.added().stream()
                .map(a -> Member.of(a.leaf(), a.keyPackage().leafNode()))
                .toList();
    }

    /** The members the commit removes, as they were before. */
    public List<Member> removedMembers() {
        return applied.removed();
    }

    /** The members whose Update proposals the commit applies, with their new leaves. */
    public List<Member> updatedMembers() {
        return applied.updated();
    }

    /** Whether the commit removes us: merging it ends our membership. */
    public boolean removesUs() {
        return next.isEmpty();
    }

    /** The ReInit the commit applies: the group is to be reinitialised (§11.2; not carried out by this engine). */
    public Optional<ReInit> reInit() {
        return applied.reInit();
    }

    EpochState previous() {
        return previous;
    }

    Optional<EpochState> next() {
        return next;
    }

    /** Marks the commit merged; a second merge or discard is refused. */
    void markMerged() {
        if (done) {
            throw new IllegalStateException("this commit was already merged or discarded");
        }
        done = true;
    }

    /** Drops the commit and wipes the secrets of the epoch it would have started; idempotent. */
    public void discard() {
        if (!done) {
            done = true;
            next.ifPresent(EpochState::destroy);
        }
    }

    @Override
    public String toString() {
        return "StagedCommit[epoch " + Long.toUnsignedString(epoch()) + " by " + committer + ", +"
                + applied.added().size() + " -" + applied.removed().size() + " ~"
                + applied.updated().size()
                + (removesUs() ? ", removes us" : "") + "]";
    }
}
