package org.vermerk.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;

/**
 * Group commit (ADR 0018): calls from many threads share transactions, yet each succeeds or
 * fails alone, in a serial order, and everything that returned is there after reopening.
 */
class SqliteGroupCommitTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Bytes GROUP = Bytes.of(new byte[] {4, 5, 6});
    private static final int THREADS = 8;
    private static final int PER_THREAD = 60;

    @TempDir
    Path directory;

    private SqliteDeliveryStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        store = reopen();
        pool = Executors.newFixedThreadPool(THREADS);
        store.addUser(new User("anna", "Anna"), NOW);
        store.addUser(new User("ben", "Ben"), NOW);
    }

    private SqliteDeliveryStore reopen() {
        return SqliteDeliveryStore.open(directory.resolve("server.db"), directory.resolve("native"));
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        store.close();
    }

    private List<Future<Integer>> onEveryThread(java.util.function.IntFunction<Callable<Integer>> task) {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            futures.add(pool.submit(task.apply(thread)));
        }
        return futures;
    }

    @Test
    void aFailingCallFailsAloneWhileTheConcurrentOnesAreCommittedAndSurviveReopening() throws Exception {
        List<Future<Integer>> futures = onEveryThread(thread -> () -> {
            int failures = 0;
            for (int i = 0; i < PER_THREAD; i++) {
                store.addEnrolmentCode(code(thread, i), "anna", NOW.plusSeconds(60));
                // The same code hash again violates the primary key: this call alone must fail.
                try {
                    store.addEnrolmentCode(code(thread, i), "anna", NOW.plusSeconds(60));
                } catch (StorageException expected) {
                    failures++;
                }
            }
            return failures;
        });
        for (Future<Integer> future : futures) {
            assertThat(future.get()).isEqualTo(PER_THREAD);
        }
        store.close();
        store = reopen();

        assertThat(store.deleteExpiredCodes(NOW.plus(Duration.ofDays(1)))).isEqualTo(THREADS * PER_THREAD);
    }

    @Test
    void concurrentAppendsGetDistinctConsecutiveLogIndexesAndAreQueuedInLogOrder() throws Exception {
        for (String device : List.of("a1", "b1")) {
            Bytes code = Bytes.of(device.getBytes());
            store.addEnrolmentCode(code, device.startsWith("a") ? "anna" : "ben", NOW.plusSeconds(60));
            store.enrol(code, new Device(device, null, device, "ed25519", Bytes.of(new byte[32])), NOW);
        }
        store.createGroup(GROUP, "a1", NOW);
        store.append(message(DeliveryKind.COMMIT, "add", List.of("b1")));

        List<Future<Integer>> futures = onEveryThread(thread -> () -> {
            for (int i = 0; i < PER_THREAD; i++) {
                AppendResult result = store.append(message(DeliveryKind.APPLICATION, thread + "-" + i, List.of()));
                assertThat(result).isInstanceOf(AppendResult.Accepted.class);
            }
            return 0;
        });
        for (Future<Integer> future : futures) {
            future.get();
        }
        store.close();
        store = reopen();

        List<QueuedDelivery> queued = store.pending("b1", 0, 10_000);
        // The Welcome has no log index; then every application message once, in log order.
        assertThat(queued).hasSize(1 + THREADS * PER_THREAD);
        List<Long> logIndexes = queued.stream()
                .filter(delivery -> delivery.kind() == DeliveryKind.APPLICATION)
                .map(QueuedDelivery::logIndex)
                .toList();
        List<Long> expected = new ArrayList<>();
        for (long index = 1; index <= THREADS * PER_THREAD; index++) {
            expected.add(index);
        }
        assertThat(logIndexes).isEqualTo(expected);
    }

    @Test
    void closingWhileCallsRunCompletesEveryCallItTookAndRefusesLaterOnesWithAStorageException() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(THREADS);
        List<Future<Integer>> futures = onEveryThread(thread -> () -> {
            int succeeded = 0;
            for (int i = 0; ; i++) {
                try {
                    store.addEnrolmentCode(code(thread, i), "anna", NOW.plusSeconds(60));
                } catch (StorageException refused) {
                    return succeeded;
                }
                succeeded++;
                if (i == 10) {
                    running.countDown();
                }
            }
        });
        running.await();

        store.close();

        int succeeded = 0;
        for (Future<Integer> future : futures) {
            // Every caller got an answer: none waits for ever on a closed store.
            succeeded += future.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        store = reopen();
        // Exactly the calls that returned are there: none lost, none half-done.
        assertThat(store.deleteExpiredCodes(NOW.plus(Duration.ofDays(1)))).isEqualTo(succeeded);
    }

    private static Bytes code(int thread, int i) {
        return Bytes.of((thread + ":" + i).getBytes());
    }

    private static NewGroupMessage message(DeliveryKind kind, String clientId, List<String> add) {
        return new NewGroupMessage(
                GROUP,
                kind,
                kind == DeliveryKind.COMMIT ? 0 : 1,
                "a1",
                clientId,
                Bytes.of(new byte[] {9}),
                add.isEmpty() ? null : Bytes.of(new byte[] {7}),
                add,
                List.of(),
                NOW);
    }
}
