package org.vermerk.app.outbox;

import java.nio.charset.StandardCharsets;
import org.vermerk.keystore.OutboxEntry;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.WireCodec;
import org.vermerk.protocol.wire.WireException;

/**
 * What an outbox entry's payload is: the {@code sendMessage} or {@code sendCommit} request as wire
 * JSON (UTF-8), complete with its {@code clientMessageId}; only the request {@code id} is replaced
 * at each send. Resending after a drop is therefore safe: the server answers a known client message
 * ID with the original log index and {@code duplicate: true}.
 */
public final class OutboxRequests {
    /** {@link OutboxEntry#kind()} of a {@code sendMessage} (application message or proposal). */
    public static final int KIND_MESSAGE = 1;

    /** {@link OutboxEntry#kind()} of a {@code sendCommit}. */
    public static final int KIND_COMMIT = 2;

    private static final WireCodec CODEC = new WireCodec();
    private static final String STORED_ID = "outbox";

    private OutboxRequests() {}

    /** An entry that sends {@code request} (its {@code id} is not kept). */
    public static OutboxEntry.New entry(String conversationId, String messageId, ClientRequest request) {
        ClientRequest stored = withId(request, STORED_ID);
        int kind = stored instanceof ClientRequest.SendCommit ? KIND_COMMIT : KIND_MESSAGE;
        return new OutboxEntry.New(
                conversationId, messageId, kind, Bytes.of(CODEC.encode(stored).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A {@code sendCommit} request as stored bytes (wire JSON without its request {@code id}), for
     * the keystore's pending commit (ADR 0029): sent again unchanged, its client message ID asks the
     * server for the original verdict.
     */
    public static Bytes stored(ClientRequest.SendCommit request) {
        return Bytes.of(CODEC.encode(withId(request, STORED_ID)).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code sendCommit} request that {@link #stored} made, with a fresh request ID. */
    public static ClientRequest.SendCommit storedCommit(Bytes stored, String requestId) throws WireException {
        if (!(CODEC.decodeRequest(new String(stored.toByteArray(), StandardCharsets.UTF_8))
                instanceof ClientRequest.SendCommit commit)) {
            throw new WireException(
                    org.vermerk.protocol.wire.ErrorCode.INVALID_REQUEST,
                    null,
                    "the stored request is not a sendCommit");
        }
        return (ClientRequest.SendCommit) withId(commit, requestId);
    }

    /** The request an entry sends, with a fresh request ID. */
    static ClientRequest request(OutboxEntry entry, String requestId) throws WireException {
        return withId(
                CODEC.decodeRequest(new String(entry.payload().toByteArray(), StandardCharsets.UTF_8)), requestId);
    }

    private static ClientRequest withId(ClientRequest request, String id) {
        return switch (request) {
            case ClientRequest.SendMessage m ->
                new ClientRequest.SendMessage(id, m.groupId(), m.epoch(), m.clientMessageId(), m.message());
            case ClientRequest.SendCommit c ->
                new ClientRequest.SendCommit(
                        id,
                        c.groupId(),
                        c.epoch(),
                        c.clientMessageId(),
                        c.message(),
                        c.welcome(),
                        c.addDevices(),
                        c.removeDevices());
            default ->
                throw new IllegalArgumentException("the outbox holds sendMessage and sendCommit only, not "
                        + request.getClass().getSimpleName());
        };
    }
}
