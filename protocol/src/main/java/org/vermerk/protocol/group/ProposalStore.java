package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.KeyPair;

/**
 * The proposals received (or sent) in the current epoch, by {@link ProposalRef} (RFC 9420 §12.4):
 * a commit may list them by reference. Emptied when the epoch ends. Mutable, touched only by the
 * conversation's worker, like the group it belongs to.
 */
final class ProposalStore {
    /** Proposals in the order they arrived, by reference. */
    private final LinkedHashMap<ProposalRef, QueuedProposal> byReference = new LinkedHashMap<>();

    /** The key pairs of our own Update proposals, by the new leaf's encryption key (§12.1.2). */
    private final HashMap<Bytes, KeyPair> ownUpdateKeys = new HashMap<>();

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

    /** Keeps the key pair of the new leaf of an Update we proposed, for when a commit applies it. */
    void addOwnUpdateKeys(KeyPair keys) {
        ownUpdateKeys.put(keys.publicKey(), keys);
    }

    /** The key pair of the new leaf of one of our Updates, by its encryption key. */
    Optional<KeyPair> ownUpdateKeys(Bytes encryptionKey) {
        return Optional.ofNullable(ownUpdateKeys.get(encryptionKey));
    }

    /** The key pairs of our own Update proposals, ordered by public key (for {@link GroupStateCodec}). */
    List<KeyPair> ownUpdateKeys() {
        return ownUpdateKeys.values().stream()
                .sorted(Comparator.comparing(KeyPair::publicKey))
                .toList();
    }

    /** Forgets the proposals and wipes the keys of our Updates that no commit applied. */
    void clear(Bytes keep) {
        byReference.clear();
        ownUpdateKeys.values().stream()
                .filter(keys -> !keys.publicKey().equals(keep))
                .forEach(keys -> keys.privateKey().destroy());
        ownUpdateKeys.clear();
    }
}
