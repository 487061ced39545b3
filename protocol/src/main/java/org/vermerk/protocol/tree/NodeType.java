package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.WireEnum;

/** {@code enum { reserved(0), leaf(1), parent(2), (255) } NodeType;} (RFC 9420 §7.8). */
public enum NodeType implements WireEnum {
    LEAF(1),
    PARENT(2);

    private final int value;

    NodeType(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
