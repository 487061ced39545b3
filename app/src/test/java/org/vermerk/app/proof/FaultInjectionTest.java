package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.CuttingProxy;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.Message;

/**
 * Faults (issue 5, "Proof"): a TCP proxy between the clients and the real server cuts connections
 * at random, 200 times, while three clients exchange 2,000 messages in one group. Each member must
 * get every other member's message exactly once, in each sender's order.
 *
 * <p>The proxy forwards TLS bytes untouched and closes a random open connection (both sockets) at
 * random moments, each cut hitting a live connection: the client sees a reset or EOF, the server a
 * closed socket, anywhere in a frame, a request, an answer or an ack.
 *
 * <p>Counts and seed are system properties ({@code vermerk.faults.messages}, {@code
 * vermerk.faults.cuts}, {@code vermerk.faults.seed}) with the numbers as defaults; the
 * senders are paced so that the cuts fall throughout the exchange.
 */
class FaultInjectionTest {
    private static final int MESSAGES = Integer.getInteger("vermerk.faults.messages", 2000);
    private static final int CUTS = Integer.getInteger("vermerk.faults.cuts", 200);
    private static final long SEED = Long.getLong("vermerk.faults.seed", System.nanoTime());

    /** Mean time between cuts; with 200 cuts the exchange is paced to last about as long. */
    private static final Duration MEAN_GAP = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private LoopbackServer server;
    private CuttingProxy proxy;
    private final List<EngineClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
        proxy = new CuttingProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        clients.reversed().forEach(EngineClient::close);
        proxy.close();
        server.close();
    }

    private EngineClient client(String userId) throws Exception {
        EngineClient c = EngineClient.enrol(server, proxy.url(), dir.resolve(userId), userId);
        clients.add(c);
        return c;
    }

    @Test
    void everyMemberGetsEveryMessageOnceInEachSendersOrderWhileConnectionsAreCutAtRandom() throws Exception {
        String seed = "seed " + SEED + " (-Dvermerk.faults.seed=" + SEED + ")";
        Random random = new Random(SEED);
        EngineClient anna = client("anna@bmi.example");
        EngineClient ben = client("ben@bmi.example");
        EngineClient cara = client("cara@bmi.example");
        List<EngineClient> members = List.of(anna, ben, cara);
        String id = anna.engine().createGroup("Störungsübung", List.of(ben.userId, cara.userId));
        for (EngineClient c : List.of(ben, cara)) {
            EngineClient.await(() -> c.engine().conversation(id).isPresent(), c.userId + " joined");
        }

        int perSender = MESSAGES / members.size();
        Duration pace = MEAN_GAP.multipliedBy(CUTS).dividedBy(perSender);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (EngineClient sender : members) {
            senders.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < perSender; i++) {
                        sender.engine().sendText(id, sender.userId + " " + i);
                        Thread.sleep(pace.toMillis());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        AtomicInteger cuts = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (cuts.get() < CUTS) {
            Thread.sleep(random.nextLong(2 * MEAN_GAP.toMillis() + 1));
            // Each cut hits a live connection: wait for one to be open (clients reconnect within ~50 ms).
            while (!proxy.cutOne(random)) {
                assertThat(System.nanoTime()).as("a connection to cut; " + seed).isLessThan(deadline);
                Thread.sleep(5);
            }
            cuts.incrementAndGet();
        }
        boolean sendersStillBusy = senders.stream().anyMatch(f -> !f.isDone());
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).join();

        for (EngineClient reader : members) {
            EngineClient.await(
                    () -> texts(reader).size() >= (members.size() - 1) * perSender,
                    reader.userId + " receives everything; " + seed,
                    Duration.ofMinutes(2));
        }
        for (EngineClient c : members) {
            assertThat(c.engine().awaitOutboxEmpty(EngineClient.WAIT)).as(seed).isTrue();
            c.engine().awaitIdle(Duration.ofMillis(500), EngineClient.WAIT);
        }

        for (EngineClient reader : members) {
            assertThat(reader.received).extracting(Message::id).as(seed).doesNotHaveDuplicates();
            assertThat(texts(reader)).as(seed).hasSize((members.size() - 1) * perSender);
            for (EngineClient sender : members) {
                if (sender == reader) {
                    continue;
                }
                List<String> fromSender = texts(reader).stream()
                        .filter(m -> m.senderUserId().equals(sender.userId))
                        .map(Message::searchText)
                        .toList();
                assertThat(fromSender)
                        .as("%s reads %s; %s", reader.userId, sender.userId, seed)
                        .containsExactlyElementsOf(IntStream.range(0, perSender)
                                .mapToObj(i -> sender.userId + " " + i)
                                .toList());
            }
            assertThat(reader.account().keystore().messages().page(id, null, 10 * MESSAGES))
                    .as(seed)
                    .filteredOn(m -> m.searchText() != null)
                    .hasSize(members.size() * perSender);
        }
        assertThat(cuts.get()).isEqualTo(CUTS);
        assertThat(sendersStillBusy)
                .as("the cuts fell while messages were being sent")
                .isTrue();
    }

    /** The text messages (not the group's title notice) a member received, in arrival order. */
    private static List<Message> texts(EngineClient reader) {
        return reader.received.stream().filter(m -> m.searchText() != null).toList();
    }
}
