package org.vermerk.protocol.secrettree;

/**
 * How far a receiving ratchet bends for delayed and reordered messages (RFC 9420 §14):
 *
 * <ul>
 *   <li>{@code outOfOrderWindow}: keys of skipped generations are kept while they are fewer than
 *       this many generations behind the newest one derived; older ones are deleted (SECRET-TREE-3).
 *       0 keeps none.
 *   <li>{@code maxForwardDistance}: a generation more than this many steps beyond the next
 *       underived one is refused before any key is derived (SECRET-TREE-1), so that a hostile
 *       {@code generation = 0xffffffff} costs nothing.
 * </ul>
 */
public record RatchetPolicy(int outOfOrderWindow, int maxForwardDistance) {
    /** A window of 100 generations and a forward distance of 1000. */
    public static final RatchetPolicy DEFAULT = new RatchetPolicy(100, 1000);

    public RatchetPolicy {
        if (outOfOrderWindow < 0 || maxForwardDistance < 0) {
            throw new IllegalArgumentException("ratchet policy bounds must not be negative");
        }
    }
}
