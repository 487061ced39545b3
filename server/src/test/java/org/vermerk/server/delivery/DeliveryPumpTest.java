package org.vermerk.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.server.storage.AppendResult;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.NewGroupMessage;
import org.vermerk.server.storage.QueuedDelivery;
import org.vermerk.server.storage.SqliteDeliveryStore;
import org.vermerk.server.storage.User;

/**
 * What one connection sends of its device's queue when entries are offered from memory, read
 * from the real SQLite store, acknowledged, or all three interleaved: every entry once, in
 * sequence order, nothing before the start, nothing beyond the window, and no queue read where
 * nothing can be waiting. The interleavings a multi-threaded server produces are played here in
 * a fixed order (the connection serialises them under its send lock).
 */
class DeliveryPumpTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Bytes GROUP = Bytes.of(new byte[] {1, 2, 3});

    @TempDir
    Path directory;

    private SqliteDeliveryStore real;
    /** The real store, counting the queue reads. */
    private DeliveryStore store;

    private final AtomicInteger reads = new AtomicInteger();
    private final List<Long> sent = new ArrayList<>();
    private int messages;

    @BeforeEach
    void open() {
        real = SqliteDeliveryStore.open(directory.resolve("server.db"), directory.resolve("native"));
        store = (DeliveryStore) Proxy.newProxyInstance(
                DeliveryStore.class.getClassLoader(), new Class<?>[] {DeliveryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("pending")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        real.addUser(new User("anna", "Anna"), NOW);
        real.addUser(new User("ben", "Ben"), NOW);
        for (String device : List.of("a1", "b1")) {
            Bytes code = Bytes.of(device.getBytes());
            String user = device.startsWith("a") ? "anna" : "ben";
            real.addEnrolmentCode(code, user, NOW.plusSeconds(60));
            real.enrol(code, new Device(device, user, device, "ed25519", Bytes.of(new byte[32])), NOW);
        }
        real.createGroup(GROUP, "a1", NOW);
        real.append(new NewGroupMessage(
                GROUP,
                DeliveryKind.COMMIT,
                0,
                "a1",
                "c0",
                Bytes.of(new byte[] {9}),
                Bytes.of(new byte[] {7}),
                List.of("b1"),
                List.of(),
                NOW));
        // b1's queue now holds the Welcome at seq 1; the device stored it.
        real.ack("b1", 1);
    }

    @AfterEach
    void close() {
        real.close();
    }

    /** Anna sends a message; returns what the store queued for Ben's device. */
    private QueuedDelivery appendForBen() {
        var accepted = (AppendResult.Accepted) real.append(new NewGroupMessage(
                GROUP,
                DeliveryKind.APPLICATION,
                1,
                "a1",
                "m" + ++messages,
                Bytes.of(new byte[] {5}),
                null,
                List.of(),
                List.of(),
                NOW));
        return accepted.queued().get("b1");
    }

    private DeliveryPump pump(int window) {
        return new DeliveryPump(store, "b1", store.ackedUpTo("b1"), window, 128, delivery -> sent.add(delivery.seq()));
    }

    @Test
    void theNextEntryOfferedIsSentFromMemoryWithoutReadingTheQueue() {
        DeliveryPump pump = pump(512);
        pump.start();
        int readsAfterStart = reads.get();

        pump.offer(appendForBen());
        pump.offer(appendForBen());

        assertThat(sent).containsExactly(2L, 3L);
        assertThat(reads.get()).isEqualTo(readsAfterStart);
    }

    @Test
    void anAckWithNothingHeldBackReadsNothingButOneWithAFullWindowReadsTheRest() {
        DeliveryPump pump = pump(2);
        pump.start();
        pump.offer(appendForBen());
        int before = reads.get();
        pump.acknowledged(real.ack("b1", 2));
        assertThat(reads.get()).isEqualTo(before);

        pump.offer(appendForBen());
        pump.offer(appendForBen());
        QueuedDelivery heldBack = appendForBen();
        pump.offer(heldBack);
        assertThat(sent).containsExactly(2L, 3L, 4L);

        pump.acknowledged(real.ack("b1", 4));
        assertThat(sent).containsExactly(2L, 3L, 4L, 5L);
        assertThat(reads.get()).isGreaterThan(before);
    }

    @Test
    void offersArrivingOutOfOrderAreSentInSequenceOrderAndEachOnce() {
        DeliveryPump pump = pump(512);
        pump.start();
        QueuedDelivery first = appendForBen();
        QueuedDelivery second = appendForBen();
        QueuedDelivery third = appendForBen();

        // The appending threads of the second and third entry overtook the first one's.
        pump.offer(third);
        pump.offer(second);
        pump.offer(first);

        assertThat(sent).containsExactly(2L, 3L, 4L);
        pump.offer(appendForBen());
        assertThat(sent).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void nothingIsSentBeforeTheStartAndWhatWasOfferedMeanwhileComesWithTheFirstRead() {
        DeliveryPump pump = pump(512);
        pump.offer(appendForBen());
        pump.offer(appendForBen());
        assertThat(sent).isEmpty();

        pump.start();

        assertThat(sent).containsExactly(2L, 3L);
    }

    @Test
    void aReconnectDuringAPushResumesAfterTheLastAckWithoutGapsOrRepeats() {
        DeliveryPump old = pump(512);
        old.start();
        old.offer(appendForBen());
        old.acknowledged(real.ack("b1", 2));
        QueuedDelivery unacknowledged = appendForBen();
        old.offer(unacknowledged);
        // The connection drops here; 3 was sent on it but never acknowledged. Meanwhile Anna sends
        // on: 4 is committed before the new connection registers and offered to nobody, 5 is
        // committed after it registered and offered before its authentication reply is out.
        QueuedDelivery missed = appendForBen();
        sent.clear();
        DeliveryPump resumed = pump(512);
        QueuedDelivery early = appendForBen();
        resumed.offer(early);

        resumed.start();
        // The appending threads of 3 and 4 come late with their offers.
        resumed.offer(unacknowledged);
        resumed.offer(missed);
        resumed.offer(appendForBen());

        assertThat(sent).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void anAckFromTheDevicesOtherConnectionOvertakingAPushSkipsWhatItCovers() {
        DeliveryPump slow = pump(512);
        slow.start();
        QueuedDelivery second = appendForBen();
        QueuedDelivery third = appendForBen();
        // The device got 2 and 3 on its other connection and acknowledged them there first.
        slow.acknowledged(real.ack("b1", 3));

        slow.offer(second);
        slow.offer(third);
        slow.offer(appendForBen());

        assertThat(sent).containsExactly(4L);
    }
}
