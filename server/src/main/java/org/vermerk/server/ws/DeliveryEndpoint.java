package org.vermerk.server.ws;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireCodec;
import org.vermerk.protocol.wire.WireException;
import org.vermerk.server.delivery.DeliveryPump;
import org.vermerk.server.delivery.DeviceConnection;
import org.vermerk.server.delivery.OnlineDevices;
import org.vermerk.server.delivery.RateLimiter;
import org.vermerk.server.delivery.Reply;
import org.vermerk.server.delivery.RequestHandler;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.QueuedDelivery;

/**
 * One WebSocket connection. Jetty calls the listener methods one at a time per connection
 * (auto-demand: the next frame is read after {@link #onWebSocketText} returns), so this
 * connection's requests are handled in order. Other connections call {@link #offer} and {@link
 * #send}; everything sent goes through {@link #sendLock}, so frames leave in the order they were
 * produced. Deliveries are bounded by an in-flight window of unacknowledged entries.
 *
 * <p>What to deliver, and whether from memory or from the device's queue, is the {@link
 * DeliveryPump}'s job; this class serialises it under {@link #sendLock}.
 */
public final class DeliveryEndpoint implements Session.Listener.AutoDemanding, DeviceConnection {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEndpoint.class);

    /** Most deliveries sent and not yet acknowledged. */
    static final int WINDOW = 512;

    private static final int BATCH = 128;

    /** The shared parts every connection uses. */
    public record Shared(
            WireCodec codec,
            RequestHandler handler,
            DeliveryStore store,
            OnlineDevices online,
            RateLimiter limiter,
            RequestGate gate,
            ScheduledExecutorService timers,
            Duration authTimeout,
            int rateStrikesBeforeClose) {}

    private final Shared shared;
    private final String connectionId;
    private final Bytes challenge;

    /** Guards the fields below and every send. */
    private final Object sendLock = new Object();

    private Session session;
    private Device device;
    /** Set with {@link #device}. */
    private DeliveryPump pump;

    private boolean closed;
    private ScheduledFuture<?> authTimer;

    /** Reader thread only. */
    private int rateStrikes;

    public DeliveryEndpoint(Shared shared, String connectionId, Bytes challenge) {
        this.shared = shared;
        this.connectionId = connectionId;
        this.challenge = challenge;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        synchronized (sendLock) {
            this.session = session;
            authTimer = shared.timers()
                    .schedule(this::closeIfUnauthenticated, shared.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        send(new ServerFrame.Challenge(WireCodec.VERSION, challenge));
        LOG.debug("event=connection_opened connection={}", connectionId);
    }

    private void closeIfUnauthenticated() {
        if (device().isEmpty()) {
            LOG.info("event=auth_timeout connection={}", connectionId);
            close(StatusCode.POLICY_VIOLATION, "authentication timeout");
        }
    }

    @Override
    public void onWebSocketText(String text) {
        Optional<Device> current = device();
        long waitMillis = shared.limiter().acquire(current.map(Device::deviceId).orElse(connectionId));
        if (waitMillis > 0) {
            rateLimited(current, waitMillis);
            return;
        }
        rateStrikes = 0;
        ClientRequest request;
        try {
            request = shared.codec().decodeRequest(text);
        } catch (WireException e) {
            LOG.info(
                    "event=bad_frame connection={} code={}",
                    connectionId,
                    e.code().wireName());
            send(e.toFrame());
            return;
        }
        if (!shared.gate().enter()) {
            close(StatusCode.SHUTDOWN, "server shutting down");
            return;
        }
        try {
            Reply reply = handle(request);
            send(reply.frame());
            reply.afterSend().run();
            if (reply.closeAfterSend()) {
                close(
                        StatusCode.POLICY_VIOLATION,
                        ((ServerFrame.Error) reply.frame()).code().wireName());
            }
        } finally {
            shared.gate().exit();
        }
    }

    private Reply handle(ClientRequest request) {
        try {
            return shared.handler().handle(this, request);
        } catch (RuntimeException e) {
            // The exception's own text is ours (storage), never request content; still log only its type.
            LOG.error(
                    "event=request_failed connection={} error={}",
                    connectionId,
                    e.getClass().getSimpleName());
            return Reply.error(request.id(), ErrorCode.INTERNAL, "the server failed; retry later");
        }
    }

    private void rateLimited(Optional<Device> current, long waitMillis) {
        rateStrikes++;
        if (rateStrikes >= shared.rateStrikesBeforeClose()) {
            LOG.info(
                    "event=rate_limit_close connection={} device={}",
                    connectionId,
                    current.map(Device::deviceId).orElse("-"));
            close(StatusCode.POLICY_VIOLATION, "rate limit");
            return;
        }
        send(new ServerFrame.Error(null, ErrorCode.RATE_LIMITED, "too many frames", null, waitMillis));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        Device was;
        synchronized (sendLock) {
            closed = true;
            was = device;
            if (authTimer != null) {
                authTimer.cancel(false);
            }
        }
        if (was != null) {
            shared.online().unregister(was.deviceId(), this);
        }
        LOG.debug("event=connection_closed connection={} status={}", connectionId, statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug(
                "event=connection_error connection={} error={}",
                connectionId,
                cause.getClass().getSimpleName());
    }

    // DeviceConnection

    @Override
    public Bytes challenge() {
        return challenge;
    }

    @Override
    public Optional<Device> device() {
        synchronized (sendLock) {
            return Optional.ofNullable(device);
        }
    }

    @Override
    public boolean authenticateAs(Device authenticated, long acked) {
        synchronized (sendLock) {
            if (closed || device != null) {
                return false;
            }
            if (!shared.online().register(authenticated.deviceId(), this)) {
                return false;
            }
            device = authenticated;
            pump = new DeliveryPump(
                    shared.store(),
                    authenticated.deviceId(),
                    acked,
                    WINDOW,
                    BATCH,
                    delivery -> send(deliver(delivery)));
            if (authTimer != null) {
                authTimer.cancel(false);
            }
            return true;
        }
    }

    @Override
    public void send(ServerFrame frame) {
        String json = shared.codec().encode(frame);
        synchronized (sendLock) {
            if (closed || session == null || !session.isOpen()) {
                return;
            }
            session.sendText(json, Callback.NOOP);
        }
    }

    @Override
    public void pumpQueue() {
        synchronized (sendLock) {
            if (!closed && pump != null) {
                pump.start();
            }
        }
    }

    @Override
    public void offer(QueuedDelivery delivery) {
        synchronized (sendLock) {
            if (!closed && pump != null) {
                pump.offer(delivery);
            }
        }
    }

    private static ServerFrame.Deliver deliver(QueuedDelivery delivery) {
        return new ServerFrame.Deliver(
                delivery.seq(),
                delivery.kind(),
                delivery.groupId(),
                delivery.logIndex(),
                delivery.epoch(),
                delivery.senderUserId(),
                delivery.senderDeviceId(),
                delivery.payload(),
                delivery.receivedAt().toEpochMilli());
    }

    @Override
    public void acknowledged(long upTo) {
        synchronized (sendLock) {
            if (!closed && pump != null) {
                pump.acknowledged(upTo);
            }
        }
    }

    @Override
    public void close(int statusCode, String reason) {
        synchronized (sendLock) {
            if (session != null && session.isOpen()) {
                session.close(statusCode, reason, Callback.NOOP);
            }
        }
    }
}
