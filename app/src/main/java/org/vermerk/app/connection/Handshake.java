package org.vermerk.app.connection;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;

/**
 * How a new connection answers the server's {@code challenge}: with {@code authenticate} (an
 * enrolled device) or {@code enrol} (a new one). Both sign {@code ChallengeSignature.content(nonce)}
 * with the device's MLS signature key. Called on the OkHttp reader thread, once per socket.
 */
@FunctionalInterface
public interface Handshake {
    /** The answer to send; {@code requestId} must be its {@code id}. */
    ClientRequest answer(String requestId, Bytes nonce) throws ConnectionException;
}
