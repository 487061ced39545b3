package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The proposals received (or sent) in the current epoch, by {@link ProposalRef} (RFC 9420 §12.4):
 * a commit may list them by reference. Emptied when the epoch ends. Mutable, touched only by the
 * conversation's worker, like the group it belongs to.
 */
final class ProposalStore {
    /** Proposals in the order they arrived, by reference. */
    private final LinkedHashMap<ProposalRef, QueuedProposal> byReference = new LinkedHashMap<>();

    void add(QueuedProposal proposal) {
        byReference.put(proposal.reference().orElseThrow(), proposal);
    }

    Optional<QueuedProposal> find(ProposalRef reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /** Every proposal, in the order it arrived. */
    List<QueuedProposal> all() {
        return new ArrayList<>(byReference.values());
    }

    boolean isEmpty() {
        return byReference.isEmpty();
    }

    void clear() {
        byReference.clear();
    }
}
