package org.vermerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.DeviceKey;
import org.vermerk.server.testing.FakeMls;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/**
 * Deliveries sent from memory as they are appended and read from the queue, mixed by concurrent
 * senders (whose appending threads overtake one another), acks and a reconnect in the middle of a
 * burst, over real connections: the receiving device gets every message once, with sequence
 * numbers that have no gap, and each sender's messages in the order they were accepted.
 */
class ConcurrentDeliveryTest {
    private static final Bytes GROUP = Bytes.of("burst".getBytes());
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 40;

    @TempDir
    Path data;

    private TestServer server;
    private TestClient reader;
    private DeviceKey readerKey;
    private final List<TestClient> senders = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    /** Each message's payload to its sender and number. */
    private final Map<Bytes, int[]> sent = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        // Limits high enough that the senders are not throttled: ordering is under test here.
        server = new TestServer(
                data,
                config -> config.withLimits(new ServerConfig.Limits(
                        config.limits().maxFrameBytes(),
                        10_000,
                        10_000,
                        config.limits().connectionsPerDevice(),
                        config.limits().authTimeout(),
                        config.limits().idleTimeout(),
                        config.limits().attachmentMaxBytes())));
        reader = server.enrolledDevice("rita@bmi.example");
        readerKey = reader.key();
        List<String> added = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(server.enrolledDevice("sender" + s + "@bmi.example"));
            if (s > 0) {
                added.add(senders.get(s).deviceId());
            }
        }
        added.add(reader.deviceId());
        TestClient first = senders.getFirst();
        first.request(new ClientRequest.CreateGroup(first.nextId(), GROUP), ServerFrame.GroupCreated.class);
        first.request(
                new ClientRequest.SendCommit(
                        first.nextId(),
                        GROUP,
                        0,
                        TestClient.clientMessageId(),
                        FakeMls.commit(GROUP, 0, "add all"),
                        FakeMls.welcome("welcome"),
                        added,
                        List.of()),
                ServerFrame.Accepted.class);
        assertThat(reader.nextDelivery().kind()).isEqualTo(DeliveryKind.WELCOME);
        reader.ack(1);
        for (int s = 0; s < SENDERS; s++) {
            for (int i = 0; i < PER_SENDER; i++) {
                sent.put(FakeMls.application(GROUP, 1, s + "-" + i), new int[] {s, i});
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        reader.close();
        senders.forEach(TestClient::close);
        server.close();
    }

    /** Every sender sends its messages one after another, all senders at once. */
    private List<Future<?>> burst() {
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            TestClient client = senders.get(s);
            running.add(pool.submit(() -> {
                for (int i = 0; i < PER_SENDER; i++) {
                    client.request(
                            new ClientRequest.SendMessage(
                                    client.nextId(),
                                    GROUP,
                                    1,
                                    TestClient.clientMessageId(),
                                    FakeMls.application(GROUP, 1, sender + "-" + i)),
                            ServerFrame.Accepted.class);
                }
                return null;
            }));
        }
        return running;
    }

    @Test
    void concurrentSendersReachTheReaderOnceEachWithoutGapsAndInEachSendersOrder() throws Exception {
        List<Future<?>> running = burst();

        List<ServerFrame.Deliver> received = new ArrayList<>();
        for (int n = 0; n < SENDERS * PER_SENDER; n++) {
            received.add(reader.nextDelivery());
            if (n % 16 == 15) {
                // Acks interleave with the pushes still arriving.
                reader.ack(received.getLast().seq());
            }
        }
        for (Future<?> sender : running) {
            sender.get();
        }

        assertOnceInOrder(received, 2);
        reader.assertNoEventsPending();
    }

    @Test
    void aReconnectInTheMiddleOfABurstResumesAfterTheLastAckWithNothingLostOrOutOfOrder() throws Exception {
        List<Future<?>> running = burst();
        List<ServerFrame.Deliver> firstConnection = new ArrayList<>();
        for (int n = 0; n < SENDERS * PER_SENDER / 3; n++) {
            firstConnection.add(reader.nextDelivery());
        }
        long acked = reader.ack(firstConnection.get(firstConnection.size() / 2).seq())
                .upTo();
        String device = reader.deviceId();
        reader.close();
        // The senders go on while the device is away and while it authenticates again.
        reader = server.connect();
        ServerFrame.Authenticated again = reader.authenticate(device, readerKey);
        assertThat(again.ackedUpTo()).isEqualTo(acked);

        List<ServerFrame.Deliver> received = new ArrayList<>(
                firstConnection.stream().filter(d -> d.seq() <= acked).toList());
        while (received.size() < SENDERS * PER_SENDER) {
            received.add(reader.nextDelivery());
        }
        for (Future<?> sender : running) {
            sender.get();
        }

        assertOnceInOrder(received, 2);
        reader.assertNoEventsPending();
    }

    /** Consecutive sequence numbers from {@code firstSeq}, every message once, each sender's in order. */
    private void assertOnceInOrder(List<ServerFrame.Deliver> received, long firstSeq) {
        int[] nextOfSender = new int[SENDERS];
        long expectedSeq = firstSeq;
        for (ServerFrame.Deliver delivery : received) {
            assertThat(delivery.seq()).as("sequence number").isEqualTo(expectedSeq++);
            int[] origin = sent.get(delivery.message());
            assertThat(origin).as("a message that was sent").isNotNull();
            assertThat(origin[1]).as("sender " + origin[0] + "'s next message").isEqualTo(nextOfSender[origin[0]]++);
        }
        assertThat(nextOfSender).containsOnly(PER_SENDER);
    }
}
