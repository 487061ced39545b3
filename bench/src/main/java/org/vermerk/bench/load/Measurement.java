package org.vermerk.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * What the clients observe, counted from their listener threads. The measured window is a span
 * of intended send times: a copy's latency is recorded when the message it copies was due to be
 * sent inside the window (so a late copy of an in-window message still counts, however late), and
 * is measured from that intended time, not from when the scheduler got round to sending it —
 * open-loop measurement without coordinated omission.
 */
final class Measurement implements SimulatedClient.Events {
    private final LatencyRecorder latencies;
    private final CountDownLatch welcomes;

    /** Intended-send-time window, set by the scheduler before the first message of the window is due. */
    private volatile long windowStartNanos = Long.MAX_VALUE;

    private volatile long windowEndNanos = Long.MAX_VALUE;
    private volatile boolean stopping;

    final LongAdder copies = new LongAdder();
    final LongAdder copiesOfWindow = new LongAdder();
    final LongAdder copiesReceivedInWindow = new LongAdder();
    final LongAdder repeatedCopies = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder acceptedDuplicates = new LongAdder();
    final LongAdder unexpectedCloses = new LongAdder();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();

    Measurement(int latencyCapacity, int welcomesExpected) {
        this.latencies = new LatencyRecorder(latencyCapacity);
        this.welcomes = new CountDownLatch(welcomesExpected);
    }

    void window(long startNanos, long endNanos) {
        windowStartNanos = startNanos;
        windowEndNanos = endNanos;
    }

    void stopping() {
        stopping = true;
    }

    CountDownLatch welcomes() {
        return welcomes;
    }

    LatencyRecorder latencies() {
        return latencies;
    }

    Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((code, count) -> sorted.put(code, count.sum()));
        return sorted;
    }

    void error(String what) {
        errors.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    @Override
    public void delivered(SimulatedClient client, ServerFrame.Deliver delivery, long receivedNanos) {
        if (delivery.kind() == DeliveryKind.WELCOME) {
            welcomes.countDown();
            return;
        }
        if (delivery.kind() != DeliveryKind.APPLICATION) {
            return;
        }
        if (!client.firstTime(delivery.seq())) {
            repeatedCopies.increment();
            return;
        }
        copies.increment();
        long intended = OpaqueMessage.intendedNanos(delivery.message().toByteArray());
        if (intended >= windowStartNanos && intended < windowEndNanos) {
            copiesOfWindow.increment();
            latencies.record(receivedNanos - intended);
        }
        if (receivedNanos >= windowStartNanos && receivedNanos < windowEndNanos) {
            copiesReceivedInWindow.increment();
        }
    }

    @Override
    public void answered(SimulatedClient client, ServerFrame frame) {
        switch (frame) {
            case ServerFrame.Accepted a -> {
                accepted.increment();
                if (a.duplicate()) {
                    acceptedDuplicates.increment();
                }
            }
            case ServerFrame.Error e -> error(e.code().wireName());
            default -> error("unexpected " + frame.getClass().getSimpleName());
        }
    }

    @Override
    public void closed(SimulatedClient client, int statusCode) {
        if (!stopping) {
            unexpectedCloses.increment();
            error("closed " + statusCode);
        }
    }
}
