package org.vermerk.protocol.crypto;

import org.vermerk.protocol.codec.Bytes;

/**
 * {@code struct { opaque kem_output<V>; opaque ciphertext<V>; } HPKECiphertext;} (RFC 9420 §5.1.3).
 */
public record HpkeCiphertext(Bytes kemOutput, Bytes ciphertext) {}
