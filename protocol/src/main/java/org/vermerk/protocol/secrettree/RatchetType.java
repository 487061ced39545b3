package org.vermerk.protocol.secrettree;

/**
 * The two sender ratchets of each leaf (RFC 9420 §9): handshake messages (proposals, commits) and
 * application messages each have their own.
 */
public enum RatchetType {
    HANDSHAKE("handshake"),
    APPLICATION("application");

    private final String label;

    RatchetType(String label) {
        this.label = label;
    }

    /** The label that derives the ratchet's first secret from the leaf's tree secret. */
    String label() {
        return label;
    }
}
