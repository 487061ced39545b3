package org.vermerk.protocol.wire;

/**
 * One JSON text frame of the client–server protocol (docs/wire-protocol.md). Every frame has a
 * {@code type}; a {@link ClientRequest} carries a client-chosen {@code id} that the answering
 * {@link ServerFrame} repeats. Byte strings ({@link org.vermerk.protocol.codec.Bytes}) travel as
 * standard base64.
 */
public sealed interface Frame permits ClientRequest, ServerFrame {}
