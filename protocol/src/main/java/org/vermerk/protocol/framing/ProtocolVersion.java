package org.vermerk.protocol.framing;

/**
 * {@code enum { reserved(0), mls10(1), (65535) } ProtocolVersion;} (RFC 9420 §6). Kept as a
 * number where it appears in other structs (KeyPackage, ReInit, GroupContext), which may name
 * versions the engine does not know.
 */
public final class ProtocolVersion {
    public static final int MLS10 = 1;

    private ProtocolVersion() {}
}
