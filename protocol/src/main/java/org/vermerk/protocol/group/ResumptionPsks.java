package org.vermerk.protocol.group;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vermerk.protocol.schedule.ResumptionPsk;

/**
 * The resumption PSKs (RFC 9420 §8.6) of the last few epochs of one group, by epoch, so that a
 * commit may inject one of them. Immutable: each epoch makes a new one with its own PSK added and
 * the oldest dropped (the dropped secret is not wiped here, an older state may still hold it).
 */
final class ResumptionPsks {
    private final TreeMap<Long, ResumptionPsk> byEpoch;
    private final int capacity;

    private ResumptionPsks(TreeMap<Long, ResumptionPsk> byEpoch, int capacity) {
        this.byEpoch = byEpoch;
        this.capacity = capacity;
    }

    static ResumptionPsks of(long epoch, ResumptionPsk psk, int capacity) {
        return new ResumptionPsks(new TreeMap<>(), capacity).with(epoch, psk);
    }

    /** PSKs as a stored group state holds them ({@link GroupStateCodec}); at least one, at most {@code capacity}. */
    static ResumptionPsks restore(Map<Long, ResumptionPsk> byEpoch, int capacity) {
        if (byEpoch.isEmpty() || byEpoch.size() > capacity) {
            throw new IllegalArgumentException(byEpoch.size() + " resumption PSKs for a capacity of " + capacity);
        }
        TreeMap<Long, ResumptionPsk> copy = new TreeMap<>(Long::compareUnsigned);
        copy.putAll(byEpoch);
        return new ResumptionPsks(copy, capacity);
    }

    /** The PSKs by epoch, in increasing (unsigned) epoch order. */
    SortedMap<Long, ResumptionPsk> inOrder() {
        TreeMap<Long, ResumptionPsk> copy = new TreeMap<>(Long::compareUnsigned);
        copy.putAll(byEpoch);
        return copy;
    }

    /** These PSKs with the one of {@code epoch} added, keeping at most the newest {@code capacity}. */
    ResumptionPsks with(long epoch, ResumptionPsk psk) {
        TreeMap<Long, ResumptionPsk> copy = new TreeMap<>(Long::compareUnsigned);
        copy.putAll(byEpoch);
        copy.put(epoch, psk);
        while (copy.size() > capacity) {
            copy.pollFirstEntry();
        }
        return new ResumptionPsks(copy, capacity);
    }

    Optional<ResumptionPsk> find(long epoch) {
        return Optional.ofNullable(byEpoch.get(epoch));
    }

    Map<Long, ResumptionPsk> asMap() {
        return Map.copyOf(byEpoch);
    }
}
