/**
 * The client–server wire schema (docs/wire-protocol.md): JSON frames as records ({@link
 * org.vermerk.protocol.wire.ClientRequest}, {@link org.vermerk.protocol.wire.ServerFrame}), their
 * codec ({@link org.vermerk.protocol.wire.WireCodec}), and {@link
 * org.vermerk.protocol.wire.MlsMessageHeader}, the part of an MLS message a delivery service may
 * read. Pure data: no I/O.
 */
package org.vermerk.protocol.wire;
