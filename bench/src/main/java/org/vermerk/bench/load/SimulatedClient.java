package org.vermerk.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ChallengeSignature;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireCodec;
import org.vermerk.protocol.wire.WireException;

/**
 * One simulated device: a JDK {@link HttpClient} WebSocket (non-blocking; all clients share one
 * HttpClient, its selector thread and a small executor, so a thousand connections cost a few
 * threads), the real protocol frames ({@link WireCodec}), an Ed25519 device key that signs the
 * server's challenge, and acknowledgements of every delivery.
 *
 * <p>Acks are coalesced as a client that stores deliveries in batches would: one ack for the
 * highest sequence number received, at most every {@link #ACK_INTERVAL_NANOS}, so the acks stay
 * well inside the server's per-device rate limit even when a group member receives hundreds of
 * messages a second.
 *
 * <p>Threading: the WebSocket listener methods run one at a time per connection on the shared
 * executor; {@link #send} may be called from any thread (the JDK WebSocket allows one outstanding
 * send, so frames wait in {@link #outbox}).
 */
final class SimulatedClient {
    static final long ACK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final Duration SETUP_WAIT = Duration.ofSeconds(60);

    /** What the driver learns from a connection; called on the listener threads. */
    interface Events {
        void delivered(SimulatedClient client, ServerFrame.Deliver delivery, long receivedNanos);

        /** An answer nobody waits for (the measured sends' Accepted or Error). */
        void answered(SimulatedClient client, ServerFrame frame);

        void closed(SimulatedClient client, int statusCode);
    }

    private final WireCodec codec;
    private final Events events;
    private final ScheduledExecutorService timers;
    private final String userId;
    private final Ed25519PrivateKeyParameters key;

    /** Written once while connecting, before any other thread reads it. */
    private volatile WebSocket socket;

    private volatile String deviceId;
    /** The challenge of the connection being opened; completed by the listener. */
    private volatile CompletableFuture<Bytes> freshChallenge = new CompletableFuture<>();

    private final ConcurrentMap<String, CompletableFuture<ServerFrame>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Frames waiting for the previous send to complete. */
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean sending = new AtomicBoolean();

    /** Listener thread only: the highest sequence number seen, to spot repeated deliveries. */
    private long seenUpTo;

    /** Guarded by this: the highest delivery sequence received, and the ack state. */
    private long receivedUpTo;

    private long lastAckNanos;
    private boolean ackScheduled;

    SimulatedClient(WireCodec codec, Events events, ScheduledExecutorService timers, String userId) {
        this.codec = codec;
        this.events = events;
        this.timers = timers;
        this.userId = userId;
        this.key = new Ed25519PrivateKeyParameters(new SecureRandom());
    }

    String userId() {
        return userId;
    }

    String deviceId() {
        return deviceId;
    }

    /** Opens the connection and waits for the server's challenge. */
    CompletableFuture<Bytes> connect(HttpClient http, URI uri) {
        CompletableFuture<Bytes> fresh = new CompletableFuture<>();
        freshChallenge = fresh;
        http.newWebSocketBuilder()
                .connectTimeout(SETUP_WAIT)
                .buildAsync(uri, new Connection())
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        fresh.completeExceptionally(failure);
                    } else {
                        socket = opened;
                    }
                });
        return fresh.orTimeout(SETUP_WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Enrols this device with a one-time code (the first connection of a new device). */
    CompletableFuture<ServerFrame> enrol(Bytes nonce, String code) {
        return call(new ClientRequest.Enrol(nextId(), userId, code, "load", "ed25519", publicKey(), sign(nonce)))
                .thenApply(answer -> {
                    if (answer instanceof ServerFrame.Enrolled enrolled) {
                        deviceId = enrolled.deviceId();
                    }
                    return answer;
                });
    }

    /** Authenticates the enrolled device by signing this connection's challenge. */
    CompletableFuture<ServerFrame> authenticate(Bytes nonce) {
        return call(new ClientRequest.Authenticate(nextId(), deviceId, sign(nonce)));
    }

    /** Sends a request and completes with its answer (or error frame). */
    CompletableFuture<ServerFrame> call(ClientRequest request) {
        String id = requestId(request);
        CompletableFuture<ServerFrame> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        send(codec.encode(request));
        return answer.orTimeout(SETUP_WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String requestId(ClientRequest request) {
        return switch (request) {
            case ClientRequest.Enrol r -> r.id();
            case ClientRequest.Authenticate r -> r.id();
            case ClientRequest.CreateGroup r -> r.id();
            case ClientRequest.SendCommit r -> r.id();
            case ClientRequest.SendMessage r -> r.id();
            case ClientRequest.Ack r -> r.id();
            case ClientRequest.Ping r -> r.id();
            default -> throw new IllegalArgumentException("not used by the load driver");
        };
    }

    String nextId() {
        return "r" + ids.incrementAndGet();
    }

    /** Sends an application message whose answer goes to {@link Events#answered}. */
    void sendMessage(Bytes groupId, long epoch, String clientMessageId, Bytes message) {
        send(codec.encode(
                new ClientRequest.SendMessage("m" + ids.incrementAndGet(), groupId, epoch, clientMessageId, message)));
    }

    void close() {
        WebSocket open = socket;
        socket = null;
        if (open != null && !open.isOutputClosed()) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private Bytes publicKey() {
        return Bytes.of(key.generatePublicKey().getEncoded());
    }

    private Bytes sign(Bytes nonce) {
        byte[] content = ChallengeSignature.content(nonce);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(content, 0, content.length);
        return Bytes.of(signer.generateSignature());
    }

    // Sending: one outstanding send per WebSocket, the rest in the outbox, in order.

    private void send(String frame) {
        outbox.add(frame);
        drain();
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            String next = outbox.poll();
            if (next == null) {
                sending.set(false);
                if (outbox.isEmpty()) {
                    return;
                }
                continue;
            }
            WebSocket open = socket;
            if (open == null || open.isOutputClosed()) {
                outbox.clear();
                sending.set(false);
                return;
            }
            open.sendText(next, true).whenComplete((ignored, failure) -> {
                sending.set(false);
                drain();
            });
            return;
        }
    }

    /** Listener thread only: false for a delivery this client has seen before (at-least-once). */
    boolean firstTime(long seq) {
        if (seq <= seenUpTo) {
            return false;
        }
        seenUpTo = seq;
        return true;
    }

    // Acks.

    private void received(long seq) {
        long delay;
        synchronized (this) {
            receivedUpTo = Math.max(receivedUpTo, seq);
            if (ackScheduled) {
                return;
            }
            ackScheduled = true;
            delay = Math.max(0, lastAckNanos + ACK_INTERVAL_NANOS - System.nanoTime());
        }
        if (delay == 0) {
            sendAck();
        } else {
            timers.schedule(this::sendAck, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void sendAck() {
        long upTo;
        synchronized (this) {
            ackScheduled = false;
            lastAckNanos = System.nanoTime();
            upTo = receivedUpTo;
        }
        send(codec.encode(new ClientRequest.Ack("a" + ids.incrementAndGet(), upTo)));
    }

    /**
     * The listener of one WebSocket. Frames of a connection the driver has given up (the
     * enrolment connection, after it was closed) are ignored, so that they cannot mix with the
     * next connection's.
     */
    private final class Connection implements WebSocket.Listener {
        /** Listener thread only: the text of a frame that arrives in parts. */
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (webSocket == socket) {
                    handle(text, now);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            // The enrolment connection, closed by the driver itself, is not news.
            if (webSocket == socket) {
                events.closed(SimulatedClient.this, statusCode);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (webSocket == socket) {
                freshChallenge.completeExceptionally(error);
                events.closed(SimulatedClient.this, -1);
            }
        }
    }

    private void handle(String text, long receivedNanos) {
        ServerFrame frame;
        try {
            frame = codec.decodeServerFrame(text);
        } catch (WireException e) {
            events.answered(this, new ServerFrame.Error(null, e.code(), "undecodable frame", null, null));
            return;
        }
        switch (frame) {
            case ServerFrame.Challenge c -> freshChallenge.complete(c.nonce());
            case ServerFrame.Deliver delivery -> {
                events.delivered(this, delivery, receivedNanos);
                received(delivery.seq());
            }
            case ServerFrame.KeyPackagesLow ignored -> {
                // The simulated devices hold no KeyPackages; the notice is expected.
            }
            default -> {
                String id = answerId(frame);
                CompletableFuture<ServerFrame> waiter = id == null ? null : waiting.remove(id);
                if (waiter != null) {
                    waiter.complete(frame);
                } else if (!(frame instanceof ServerFrame.Acked)) {
                    events.answered(this, frame);
                }
            }
        }
    }

    private static String answerId(ServerFrame frame) {
        return switch (frame) {
            case ServerFrame.Enrolled f -> f.id();
            case ServerFrame.Authenticated f -> f.id();
            case ServerFrame.GroupCreated f -> f.id();
            case ServerFrame.Accepted f -> f.id();
            case ServerFrame.Acked f -> f.id();
            case ServerFrame.Pong f -> f.id();
            case ServerFrame.Error f -> f.id();
            default -> null;
        };
    }
}
