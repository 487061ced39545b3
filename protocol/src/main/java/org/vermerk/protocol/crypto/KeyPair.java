package org.vermerk.protocol.crypto;

import org.vermerk.protocol.codec.Bytes;

/** A private key and its public key, both in the encoding RFC 9420 puts on the wire. */
public record KeyPair(Secret privateKey, Bytes publicKey) {}
