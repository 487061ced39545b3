package org.vermerk.app.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.Requests;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.OutboxEntry;
import org.vermerk.keystore.Transition;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireException;

/**
 * Sends the keystore's outbox (see {@link OutboxRequests}) in order, one request at a time, and
 * removes each entry — marking its message {@link DeliveryState#SENT} in the same transaction — when
 * the server answers {@code accepted} (a {@code duplicate} answer counts as accepted: the first send
 * got through); the message takes the server's log index and time of receipt from the answer.
 * Woken after each authentication and whenever something was enqueued ({@link #wake()}).
 *
 * <p>Failures: a lost connection or timeout ends the round (the next authentication wakes it);
 * {@code rate_limited} waits as told; {@code internal} retries with backoff; any other refusal
 * ({@code stale_epoch}, {@code not_member}, …) goes to {@link Rejections} — the conversation logic
 * re-encrypts or drops the entry — and the entry is retried later with backoff. Entries after a
 * failed one in the same conversation wait for the next round, so a conversation's order holds.
 *
 * <p>Threading: rounds run on the pump's own thread, never two at once; {@link #wake()} may be
 * called from any thread. No rounds start after {@link #close()}.
 */
public final class OutboxPump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPump.class);
    private static final int PAGE = 100;
    private static final Duration MIN_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(10);

    /** Told about entries the server refused (and accepted); called on the pump's thread. */
    @FunctionalInterface
    public interface Rejections {
        Rejections LOG_ONLY = (entry, error) -> LOG.warn(
                "event=outbox_refused outbox={} code={}",
                entry.id(),
                error.code().wireName());

        void rejected(OutboxEntry entry, ServerErrorException error);

        /** The server accepted the entry and it left the outbox (its message is SENT now). */
        default void accepted(OutboxEntry entry) {}
    }

    private final Keystore keystore;
    private final Requests server;
    private final Clock clock;
    private final Rejections rejections;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vermerk-outbox").daemon().factory());

    /** Whether a round is queued and not started yet (coalesces wakes). */
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxPump(Keystore keystore, Requests server, Clock clock, Rejections rejections) {
        this.keystore = keystore;
        this.server = server;
        this.clock = clock;
        this.rejections = rejections;
    }

    /** Runs a round soon. */
    public void wake() {
        schedule(Duration.ZERO);
    }

    private void schedule(Duration delay) {
        if (delay.isZero() && !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.schedule(
                    () -> {
                        if (delay.isZero()) {
                            queued.set(false);
                        }
                        round();
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    /** Sends what is due; returns how many entries were accepted. Runs on the pump's thread (tests call it directly). */
    int round() {
        int accepted = 0;
        try {
            Set<String> held = new HashSet<>();
            while (true) {
                List<OutboxEntry> due = keystore.outbox().due(clock.instant(), PAGE);
                int sentThisPage = 0;
                for (OutboxEntry entry : due) {
                    if (held.contains(entry.conversationId())) {
                        continue;
                    }
                    switch (send(entry)) {
                        case ACCEPTED -> {
                            accepted++;
                            sentThisPage++;
                        }
                        case HOLD_CONVERSATION -> held.add(entry.conversationId());
                        case STOP -> {
                            return accepted;
                        }
                    }
                }
                if (due.size() < PAGE || sentThisPage == 0) {
                    return accepted;
                }
            }
        } catch (KeystoreException | RuntimeException e) {
            LOG.warn("event=outbox_store_failed error={}", e.getClass().getSimpleName());
            return accepted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return accepted;
        }
    }

    private enum Outcome {
        ACCEPTED,
        HOLD_CONVERSATION,
        STOP
    }

    private Outcome send(OutboxEntry entry) throws KeystoreException, InterruptedException {
        ClientRequest template;
        try {
            template = OutboxRequests.request(entry, "probe");
        } catch (WireException | IllegalArgumentException e) {
            LOG.error("event=outbox_unreadable outbox={}", entry.id());
            keystore.outbox().recordAttempt(entry.id(), clock.instant().plus(MAX_RETRY));
            return Outcome.HOLD_CONVERSATION;
        }
        try {
            ServerFrame.Accepted answer = server.await(
                    id -> {
                        try {
                            return OutboxRequests.request(entry, id);
                        } catch (WireException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    ServerFrame.Accepted.class);
            Transition.Builder done =
                    Transition.forConversation(entry.conversationId()).dequeue(entry.id());
            if (entry.messageId() != null) {
                // A recipient's receipt can be processed before this answer (another thread):
                // "sent" must not take back "delivered" or "read".
                boolean confirmed = keystore.messages()
                        .find(entry.messageId())
                        .map(m ->
                                m.deliveryState() == DeliveryState.DELIVERED || m.deliveryState() == DeliveryState.READ)
                        .orElse(false);
                if (!confirmed) {
                    done.deliveryState(entry.messageId(), DeliveryState.SENT);
                }
                if (answer.receivedAtMillis() != null) {
                    // The server's time of receipt, as the recipients store it (records need it).
                    done.serverSeq(
                            entry.messageId(), answer.logIndex(), Instant.ofEpochMilli(answer.receivedAtMillis()));
                } else {
                    done.serverSeq(entry.messageId(), answer.logIndex());
                }
            }
            keystore.apply(done.build());
            rejections.accepted(entry);
            LOG.debug(
                    "event=outbox_accepted outbox={} logIndex={} duplicate={}",
                    entry.id(),
                    answer.logIndex(),
                    answer.duplicate());
            return Outcome.ACCEPTED;
        } catch (ServerErrorException e) {
            Instant now = clock.instant();
            switch (e.code()) {
                case RATE_LIMITED -> {
                    Duration wait = Duration.ofMillis(e.retryAfterMillis().orElse(1000L));
                    schedule(wait);
                    return Outcome.STOP;
                }
                case INTERNAL -> {}
                default -> rejections.rejected(entry, e);
            }
            Duration wait = retryDelay(entry.attempts() + 1);
            keystore.outbox().recordAttempt(entry.id(), now.plus(wait));
            schedule(wait);
            return Outcome.HOLD_CONVERSATION;
        } catch (ConnectionException e) {
            LOG.debug(
                    "event=outbox_paused reason={} type={}",
                    e.getClass().getSimpleName(),
                    template.getClass().getSimpleName());
            return Outcome.STOP;
        }
    }

    /** 2 s doubling per attempt, at most 10 min. */
    static Duration retryDelay(int attempts) {
        Duration delay = MIN_RETRY;
        for (int i = 1; i < attempts && delay.compareTo(MAX_RETRY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    /** Stops the pump and waits (up to 5 s) for a running round to end. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
