package org.vermerk.app.connection.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.vermerk.app.connection.Session;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/** A {@link Session}: one {@link Link} after its handshake. */
final class RealSession implements Session {
    private final Link link;
    private final ServerFrame answer;

    RealSession(Link link, ServerFrame answer) {
        this.link = link;
        this.answer = answer;
    }

    @Override
    public ServerFrame handshakeAnswer() {
        return answer;
    }

    @Override
    public <T extends ServerFrame> CompletableFuture<T> call(Function<String, ClientRequest> request, Class<T> type) {
        return link.call(request, type);
    }

    @Override
    public void close() {
        link.close();
    }
}
