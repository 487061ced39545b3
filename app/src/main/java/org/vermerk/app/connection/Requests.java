package org.vermerk.app.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/** Sends requests and matches their answers by ID. */
public interface Requests {
    /**
     * Sends the request that {@code request} makes from a fresh request ID. The future completes
     * with the answer of type {@code answer}, or fails with a {@link ConnectionException}: {@link
     * ServerErrorException} for an {@code error} frame, {@link RequestTimeoutException}, {@link
     * ConnectionLostException}, {@link NotConnectedException}.
     */
    <T extends ServerFrame> CompletableFuture<T> call(Function<String, ClientRequest> request, Class<T> answer);

    /** {@link #call} and wait; never on a connection's event thread. */
    default <T extends ServerFrame> T await(Function<String, ClientRequest> request, Class<T> answer)
            throws ConnectionException, InterruptedException {
        return await(call(request, answer));
    }

    /** The result of a future from {@link #call}, with its {@link ConnectionException} unwrapped. */
    static <T> T await(CompletableFuture<T> future) throws ConnectionException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionException c) {
                throw c;
            }
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
    }
}
