package org.vermerk.protocol.codec;

/**
 * An enumerated type of the presentation language ({@code enum { reserved(0), a(1), ... }}): each
 * constant knows its value on the wire. {@link TlsReader#u8Enum} and {@link TlsReader#u16Enum}
 * reject values the enum does not define (CODEC-7).
 */
public interface WireEnum {
    int value();
}
