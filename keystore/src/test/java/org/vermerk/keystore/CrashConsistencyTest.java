package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Crash consistency: a child JVM applies transitions (group state + two messages + outbox change +
 * sync cursor, one transaction each) and dies at a random moment, 50 times: half of the runs halt
 * themselves ({@code Runtime.halt}), half are killed from outside ({@code SIGKILL}). After every
 * death the store is reopened and must hold exactly the transitions 1..r for some r, each once,
 * with group state, messages, outbox and cursor all from transition r, and r must include every
 * transition the child reported as committed. Uses cheap Argon2id (this test is not about the KDF).
 */
class CrashConsistencyTest {
    static final String CONVERSATION = "crash-conversation";
    private static final java.time.Instant FAR_FUTURE = java.time.Instant.parse("9999-01-01T00:00:00Z");
    private static final int KILLS = 50;
    private static final int TRANSITIONS_PER_RUN = 200;

    @TempDir
    Path dir;

    @Test
    void everyKillLeavesWholeTransitionsOnly() throws Exception {
        try (Keystore store = Keystore.create(dir, TestStores.passphrase(), TestStores.options())) {
            store.apply(Transition.forConversation(CONVERSATION)
                    .createConversation(TestStores.conversation(CONVERSATION, "Krisenstab"))
                    .build());
        }
        Random random = new Random(20261127L);
        int lastReported = 0;
        int finishedRuns = 0;
        for (int run = 0; run < KILLS; run++) {
            boolean selfHalt = run % 2 == 0;
            Process child = TestStores.startChild(
                    "transitions",
                    dir.toString(),
                    String.valueOf(lastReported + TRANSITIONS_PER_RUN),
                    String.valueOf(selfHalt ? random.nextInt(1_000_000) : -1));
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("OPEN");
            if (!selfHalt) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5 + random.nextInt(400));
                Thread killer = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    child.toHandle().destroyForcibly(); // SIGKILL; Process.destroy* would close our pipes
                });
                killer.join(0);
            }
            String line;
            boolean done = false;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    lastReported = Integer.parseInt(line.substring(10));
                } else if (line.equals("DONE")) {
                    done = true;
                }
            }
            child.waitFor(30, TimeUnit.SECONDS);
            if (done) {
                finishedRuns++;
            }
            int stored = checkInvariants();
            assertThat(stored).as("every reported commit is durable").isGreaterThanOrEqualTo(lastReported);
            assertThat(stored).as("at most the one unreported transition").isLessThanOrEqualTo(lastReported + 1);
            lastReported = stored;
        }
        assertThat(finishedRuns).as("most runs die mid-way").isLessThan(KILLS / 2);
    }

    /** Reopens the store, checks that it holds exactly transitions 1..r, and returns r. */
    private int checkInvariants() throws KeystoreException {
        try (Keystore store = Keystore.open(dir, TestStores.passphrase(), TestStores.options())) {
            var state = store.conversations().groupState(CONVERSATION);
            int r = state.map(s -> (int) s.revision()).orElse(0);
            if (r > 0) {
                assertThat(TestStores.text(state.get().state())).isEqualTo("state-" + r);
                assertThat(state.get().epoch()).isEqualTo(r / 10);
            }
            assertThat(store.sync().cursor("group:" + CONVERSATION).orElse(0)).isEqualTo(r);
            assertThat(store.messages().count())
                    .as("no message lost, none twice")
                    .isEqualTo(2L * r);
            if (r > 0) {
                List<Message> last = store.messages().page(CONVERSATION, null, 2);
                assertThat(last).extracting(Message::id).containsExactly("m-" + r + "-a", "m-" + r + "-b");
                assertThat(store.messages().find("m-1-a")).isPresent();
            }
            assertThat(store.outbox().size()).isEqualTo(r > 0 ? 1 : 0);
            if (r > 0) {
                assertThat(store.outbox().due(FAR_FUTURE, 10).getFirst().messageId())
                        .isEqualTo("m-" + r + "-a");
            }
            return r;
        }
    }

    /** The transitions the child applies; transition i depends on the stored state i-1. */
    static final class Workload {
        private final Keystore store;
        private int applied;

        Workload(Keystore store) throws KeystoreException {
            this.store = store;
            this.applied = store.conversations()
                    .groupState(CONVERSATION)
                    .map(s -> (int) s.revision())
                    .orElse(0);
        }

        int applied() {
            return applied;
        }

        int applyNext() throws KeystoreException {
            int i = applied + 1;
            Transition.Builder t = Transition.forConversation(CONVERSATION)
                    .groupState(applied, i / 10, 1, Secret.of(("state-" + i).getBytes(StandardCharsets.UTF_8)))
                    .addMessage(TestStores.message(CONVERSATION, "m-" + i + "-a", 2L * i - 1, "Nachricht " + i))
                    .addMessage(TestStores.message(CONVERSATION, "m-" + i + "-b", 2L * i, "Antwort " + i))
                    .enqueue(new OutboxEntry.New(CONVERSATION, "m-" + i + "-a", 1, Bytes.of(new byte[] {(byte) i})))
                    .syncCursor("group:" + CONVERSATION, i);
            if (i > 1) {
                long previous = store.outbox().due(FAR_FUTURE, 1).getFirst().id();
                t.dequeue(previous);
            }
            store.apply(t.build());
            applied = i;
            return i;
        }
    }
}
