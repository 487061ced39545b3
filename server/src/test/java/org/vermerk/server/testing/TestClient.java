package org.vermerk.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireCodec;
import org.vermerk.protocol.wire.WireException;

/**
 * A WebSocket client for tests (OkHttp). Answers and errors go to one queue, events (deliveries,
 * low-stock notices) to another, each in arrival order; every wait is bounded.
 */
public final class TestClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final WireCodec CODEC = new WireCodec();

    private final BlockingQueue<ServerFrame> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerFrame> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerFrame.KeyPackagesLow> notices = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger closeCode = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final DeviceKey key = new DeviceKey();
    private WebSocket webSocket;
    private Bytes challenge;
    private String deviceId;

    private TestClient() {}

    static TestClient connect(OkHttpClient http, String url) throws InterruptedException {
        TestClient client = new TestClient();
        client.webSocket = http.newWebSocket(new Request.Builder().url(url).build(), client.new Listener());
        ServerFrame first = client.events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(first).as("the challenge").isInstanceOf(ServerFrame.Challenge.class);
        client.challenge = ((ServerFrame.Challenge) first).nonce();
        return client;
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onMessage(WebSocket socket, String text) {
            try {
                ServerFrame frame = CODEC.decodeServerFrame(text);
                if (frame instanceof ServerFrame.KeyPackagesLow low) {
                    notices.add(low);
                } else if (frame instanceof ServerFrame.Deliver || frame instanceof ServerFrame.Challenge) {
                    events.add(frame);
                } else {
                    answers.add(frame);
                }
            } catch (WireException e) {
                throw new AssertionError("the server sent an undecodable frame", e);
            }
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            closeCode.set(code);
            socket.close(1000, null);
            closed.countDown();
        }

        @Override
        public void onFailure(WebSocket socket, Throwable t, Response response) {
            closeCode.compareAndSet(0, -1);
            closed.countDown();
        }
    }

    public Bytes challenge() {
        return challenge;
    }

    public DeviceKey key() {
        return key;
    }

    public String deviceId() {
        return deviceId;
    }

    public String nextId() {
        return "r" + ids.incrementAndGet();
    }

    public static String clientMessageId() {
        return UUID.randomUUID().toString();
    }

    public void sendRaw(String text) {
        assertThat(webSocket.send(text)).isTrue();
    }

    public void send(ClientRequest request) {
        sendRaw(CODEC.encode(request));
    }

    /**
     * Sends unless the connection is already closing; for floods, where the server may close before the last frame
     * leaves (OkHttp then refuses it).
     */
    public boolean offer(ClientRequest request) {
        return webSocket.send(CODEC.encode(request));
    }

    /** The next answer or error, which must be of {@code type}. */
    public <T extends ServerFrame> T expect(Class<T> type) throws InterruptedException {
        ServerFrame frame = answers.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("the next answer").isInstanceOf(type);
        return type.cast(frame);
    }

    public <T extends ServerFrame> T request(ClientRequest request, Class<T> answer) throws InterruptedException {
        send(request);
        T frame = expect(answer);
        return frame;
    }

    public <T extends ServerFrame> T nextEvent(Class<T> type) throws InterruptedException {
        ServerFrame frame = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("the next event").isInstanceOf(type);
        return type.cast(frame);
    }

    /** The next low-stock notice (kept apart from deliveries). */
    public ServerFrame.KeyPackagesLow nextLowStockNotice() throws InterruptedException {
        ServerFrame.KeyPackagesLow notice = notices.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(notice).as("a low-stock notice").isNotNull();
        return notice;
    }

    public List<ServerFrame.KeyPackagesLow> drainLowStockNotices() {
        List<ServerFrame.KeyPackagesLow> drained = new java.util.ArrayList<>();
        notices.drainTo(drained);
        return drained;
    }

    public ServerFrame.Deliver nextDelivery() throws InterruptedException {
        return nextEvent(ServerFrame.Deliver.class);
    }

    /**
     * Asserts that no event arrived: a ping's answer comes after everything the server had
     * queued for this connection before it (frames leave each connection in order).
     */
    public void assertNoEventsPending() throws InterruptedException {
        request(new ClientRequest.Ping(nextId()), ServerFrame.Pong.class);
        assertThat(events).as("events").isEmpty();
    }

    public List<ServerFrame> drainEvents() {
        List<ServerFrame> drained = new java.util.ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    public ServerFrame.Enrolled enrol(String userId, String code) throws InterruptedException {
        ServerFrame.Enrolled enrolled = request(
                new ClientRequest.Enrol(
                        nextId(), userId, code, "test", "ed25519", key.publicKey(), key.signChallenge(challenge)),
                ServerFrame.Enrolled.class);
        deviceId = enrolled.deviceId();
        return enrolled;
    }

    /** Authenticates as an enrolled device with its key. */
    public ServerFrame.Authenticated authenticate(String device, DeviceKey deviceKey) throws InterruptedException {
        ServerFrame.Authenticated authenticated = request(
                new ClientRequest.Authenticate(nextId(), device, deviceKey.signChallenge(challenge)),
                ServerFrame.Authenticated.class);
        deviceId = device;
        return authenticated;
    }

    public ServerFrame.Acked ack(long upTo) throws InterruptedException {
        return request(new ClientRequest.Ack(nextId(), upTo), ServerFrame.Acked.class);
    }

    /** Waits until the server closed the connection; returns its status code. */
    public int awaitClose() throws InterruptedException {
        assertThat(closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("closed")
                .isTrue();
        return closeCode.get();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    @Override
    public void close() {
        webSocket.close(1000, null);
    }
}
