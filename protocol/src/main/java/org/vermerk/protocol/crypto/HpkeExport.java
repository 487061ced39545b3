package org.vermerk.protocol.crypto;

import org.vermerk.protocol.codec.Bytes;

/** The sender's result of an HPKE export: the KEM output to send and the exported secret to keep. */
public record HpkeExport(Bytes kemOutput, Secret exportedSecret) {}
