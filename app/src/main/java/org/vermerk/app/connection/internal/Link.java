package org.vermerk.app.connection.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionLostException;
import org.vermerk.app.connection.Handshake;
import org.vermerk.app.connection.NotConnectedException;
import org.vermerk.app.connection.RequestTimeoutException;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireException;

/**
 * One WebSocket to the server: open, wait for the {@code challenge}, send the {@link Handshake}'s
 * answer, then serve requests matched to answers by ID. It never reopens; {@link RealConnection}
 * makes a new one after a drop.
 *
 * <p>Phases: OPENING → HANDSHAKE → READY → CLOSED; CLOSED is reached once, by whichever comes
 * first of a transport failure, a close from the server, a timeout, a refused handshake or {@link
 * #close()}, and {@link Listener#closed} is called exactly once with that cause. OkHttp calls the
 * {@code on*} methods on this socket's reader thread, one at a time; timers run on the transport's
 * timer thread. Futures are completed outside {@link #lock}.
 */
final class Link extends WebSocketListener {
    private static final Logger LOG = LoggerFactory.getLogger(Link.class);

    /** Told what happens on the socket; every method is called on the reader thread, except {@link #closed}. */
    interface Listener {
        /** The handshake was answered with {@code enrolled} or {@code authenticated}. */
        void ready(Link link, ServerFrame answer);

        /** A {@code deliver} or {@code keyPackagesLow} event after the handshake. */
        void event(Link link, ServerFrame event);

        /** The link ended; called once, from any thread. */
        void closed(Link link, ConnectionException cause);
    }

    private enum Phase {
        OPENING,
        HANDSHAKE,
        READY,
        CLOSED
    }

    private record Pending(CompletableFuture<ServerFrame> future, String type, ScheduledFuture<?> timer) {}

    private final Transport transport;
    private final Handshake handshake;
    private final Listener listener;
    private final String name;

    private final Object lock = new Object();

    /** Guarded by lock. */
    private Phase phase = Phase.OPENING;

    /** Guarded by lock; set once in {@link #start()}. */
    private WebSocket socket;

    /** Guarded by lock: requests sent and not answered, in send order (the server answers in order). */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** Guarded by lock. */
    private ScheduledFuture<?> handshakeTimer;

    /** Written by the reader thread; read by {@link #close} too: whether OkHttp called {@link #onOpen}. */
    private volatile boolean opened;

    Link(Transport transport, Handshake handshake, Listener listener) {
        this.transport = transport;
        this.handshake = handshake;
        this.listener = listener;
        this.name = "link-" + transport.nextId();
    }

    void start() {
        Request request =
                new Request.Builder().url(transport.webSocketUri().toString()).build();
        synchronized (lock) {
            long limit = transport.options().connectTimeout().toMillis() * 2;
            handshakeTimer = transport
                    .timer()
                    .schedule(
                            () -> fail(
                                    new RequestTimeoutException(
                                            "the server's challenge and handshake answer",
                                            transport.options().connectTimeout().multipliedBy(2)),
                                    true),
                            limit,
                            TimeUnit.MILLISECONDS);
            socket = transport.client().newWebSocket(request, this);
        }
        LOG.debug("event=link_opening link={}", name);
    }

    /** Sends a request once the handshake is done; see {@link org.vermerk.app.connection.Requests#call}. */
    <T extends ServerFrame> CompletableFuture<T> call(Function<String, ClientRequest> make, Class<T> answer) {
        String id = transport.nextId();
        ClientRequest request = make.apply(id);
        if (!request.id().equals(id)) {
            throw new IllegalArgumentException("the request must carry the given id");
        }
        CompletableFuture<ServerFrame> future = new CompletableFuture<>();
        synchronized (lock) {
            if (phase != Phase.READY) {
                return CompletableFuture.failedFuture(new NotConnectedException("not connected to the server"));
            }
            send(id, request, future);
        }
        return future.thenApply(frame -> cast(frame, answer));
    }

    private static <T extends ServerFrame> T cast(ServerFrame frame, Class<T> answer) {
        if (!answer.isInstance(frame)) {
            throw new java.util.concurrent.CompletionException(new ConnectionException("the server answered "
                    + frame.getClass().getSimpleName() + " where " + answer.getSimpleName() + " was expected"));
        }
        return answer.cast(frame);
    }

    /** Guarded by lock. */
    private void send(String id, ClientRequest request, CompletableFuture<ServerFrame> future) {
        long timeout = transport.options().requestTimeout().toMillis();
        String type = request.getClass().getSimpleName();
        ScheduledFuture<?> timer = transport
                .timer()
                .schedule(
                        () -> fail(
                                new RequestTimeoutException(
                                        type, transport.options().requestTimeout()),
                                true),
                        timeout,
                        TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(future, type, timer));
        if (!socket.send(transport.codec().encode(request))) {
            pending.remove(id);
            timer.cancel(false);
            future.completeExceptionally(new NotConnectedException("the connection is closing"));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        opened = true;
        LOG.debug("event=link_open link={}", name);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        ServerFrame frame;
        try {
            frame = transport.codec().decodeServerFrame(text);
        } catch (WireException e) {
            LOG.warn("event=undecodable_frame link={} code={}", name, e.code().wireName());
            return;
        }
        switch (frame) {
            case ServerFrame.Challenge challenge -> answerChallenge(challenge);
            case ServerFrame.Deliver deliver -> event(deliver);
            case ServerFrame.KeyPackagesLow low -> event(low);
            case ServerFrame.Error error when error.id() == null -> answerOldest(error);
            default -> answer(frame);
        }
    }

    private void answerChallenge(ServerFrame.Challenge challenge) {
        String id = transport.nextId();
        ClientRequest answer;
        try {
            answer = handshake.answer(id, challenge.nonce());
        } catch (ConnectionException e) {
            fail(e, true);
            return;
        }
        CompletableFuture<ServerFrame> future = new CompletableFuture<>();
        synchronized (lock) {
            if (phase != Phase.OPENING) {
                return;
            }
            phase = Phase.HANDSHAKE;
            send(id, answer, future);
        }
        // Completed on this reader thread when the answer arrives, before the next frame is read.
        future.whenComplete((frame, error) -> {
            if (error != null) {
                fail(
                        error instanceof ConnectionException c ? c : new ConnectionException("handshake failed", error),
                        true);
                return;
            }
            synchronized (lock) {
                if (phase != Phase.HANDSHAKE) {
                    return;
                }
                phase = Phase.READY;
                handshakeTimer.cancel(false);
            }
            LOG.debug("event=link_ready link={}", name);
            listener.ready(this, frame);
        });
    }

    private void event(ServerFrame frame) {
        synchronized (lock) {
            if (phase != Phase.READY) {
                return;
            }
        }
        listener.event(this, frame);
    }

    private void answer(ServerFrame frame) {
        String id = idOf(frame);
        Pending entry;
        synchronized (lock) {
            entry = id == null ? null : pending.remove(id);
        }
        if (entry == null) {
            LOG.debug(
                    "event=unmatched_answer link={} type={}",
                    name,
                    frame.getClass().getSimpleName());
            return;
        }
        complete(entry, frame);
    }

    /** The server answers in order; an error it could not attach an ID to answers the oldest request. */
    private void answerOldest(ServerFrame.Error error) {
        Pending entry = null;
        synchronized (lock) {
            Iterator<Pending> it = pending.values().iterator();
            if (it.hasNext()) {
                entry = it.next();
                it.remove();
            }
        }
        if (entry == null) {
            LOG.info("event=server_error link={} code={}", name, error.code().wireName());
            return;
        }
        complete(entry, error);
    }

    private static void complete(Pending entry, ServerFrame frame) {
        entry.timer().cancel(false);
        if (frame instanceof ServerFrame.Error error) {
            entry.future().completeExceptionally(new ServerErrorException(error));
        } else {
            entry.future().complete(frame);
        }
    }

    private static String idOf(ServerFrame frame) {
        return switch (frame) {
            case ServerFrame.Enrolled f -> f.id();
            case ServerFrame.Authenticated f -> f.id();
            case ServerFrame.Pong f -> f.id();
            case ServerFrame.Users f -> f.id();
            case ServerFrame.Devices f -> f.id();
            case ServerFrame.KeyPackagesStored f -> f.id();
            case ServerFrame.KeyPackagesClaimed f -> f.id();
            case ServerFrame.GroupCreated f -> f.id();
            case ServerFrame.GroupState f -> f.id();
            case ServerFrame.Accepted f -> f.id();
            case ServerFrame.Acked f -> f.id();
            case ServerFrame.AttachmentTicketIssued f -> f.id();
            case ServerFrame.Error f -> f.id();
            case ServerFrame.Challenge f -> null;
            case ServerFrame.Deliver f -> null;
            case ServerFrame.KeyPackagesLow f -> null;
        };
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        String why = code == 1001
                ? "the server is shutting down (1001)"
                : "the server closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")";
        fail(new ConnectionLostException(why, code, null), false);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        fail(new ConnectionLostException("the connection was closed (" + code + ")", code, null), false);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        fail(Failures.classify(t, response, opened, transport.webSocketUri()), false);
    }

    /** Closes the socket politely (1000); pending requests fail with {@link NotConnectedException}. */
    void close() {
        WebSocket current;
        synchronized (lock) {
            current = socket;
        }
        if (current != null && opened) {
            current.close(1000, null);
        } else if (current != null) {
            // Not open yet: a close frame would wait for the upgrade to finish, and a server that
            // stops meanwhile waits for that half-made connection. Abort the handshake instead.
            current.cancel();
        }
        fail(new NotConnectedException("the connection was closed"), false);
    }

    /** Ends the link with {@code cause}; only the first call counts. */
    void fail(ConnectionException cause, boolean cancelSocket) {
        List<Pending> failed;
        WebSocket current;
        synchronized (lock) {
            if (phase == Phase.CLOSED) {
                return;
            }
            phase = Phase.CLOSED;
            failed = new ArrayList<>(pending.values());
            pending.clear();
            if (handshakeTimer != null) {
                handshakeTimer.cancel(false);
            }
            current = socket;
        }
        if (cancelSocket && current != null) {
            current.cancel();
        }
        LOG.debug("event=link_closed link={} cause={}", name, cause.getClass().getSimpleName());
        for (Pending entry : failed) {
            entry.timer().cancel(false);
            entry.future().completeExceptionally(cause);
        }
        listener.closed(this, cause);
    }

    @Override
    public String toString() {
        return name;
    }
}
