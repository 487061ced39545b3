package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Message;

/**
 * Crashes (issue 5, "Proof"): a client process — a child JVM with its own encrypted store — is
 * killed ({@code destroyForcibly}, SIGKILL on Linux) at random moments while it sends and receives,
 * 50 times. After each restart it goes on from its store; at the end nothing it stored as sent is
 * lost or arrives twice at the other side (client message IDs de-duplicate resends), and nothing
 * the other side sent is lost or shown twice by it — checked in both stores and in what the
 * listeners reported.
 *
 * <p>Kills and seed are system properties ({@code vermerk.crashes.kills}, {@code
 * vermerk.crashes.seed}); one kill in five falls within 1 s after the process started its engine
 * (unlocking, connecting, authenticating), the others within 1.5 s after it is online (joining,
 * catching up with the backlog, receiving and sending).
 */
class CrashRecoveryTest {
    private static final int KILLS = Integer.getInteger("vermerk.crashes.kills", 50);
    private static final long SEED = Long.getLong("vermerk.crashes.seed", System.nanoTime());
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    /** For the last run to send and receive what the killed ones left (long on a loaded machine). */
    private static final Duration DRAIN_WAIT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private LoopbackServer server;
    private EngineClient ben;
    private Process running;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.destroyForcibly().waitFor();
        }
        if (ben != null) {
            ben.close();
        }
        server.close();
    }

    @Test
    void aClientKilledAtRandomWhileSendingAndReceivingLosesNothingAndShowsNothingTwice() throws Exception {
        String seed = "seed " + SEED + " (-Dvermerk.crashes.seed=" + SEED + ")";
        Random random = new Random(SEED);
        String kai = "kai@bmi.example";
        Path kaiHome = dir.resolve("kai");
        TestAccounts.enrol(server, kaiHome, kai, server.addUser(kai)).close();
        ben = EngineClient.enrol(server, dir.resolve("ben"), "ben@bmi.example");
        String id = ben.engine().direct(kai);

        List<String> benSent = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Path stderr = dir.resolve("kai.stderr");
        // One run that ends normally: kai joins the conversation from ben's Welcome.
        running = startKai(kaiHome, id, List.of("drain", "0"), stderr, lines);
        awaitLine(lines, "DONE", 0, stderr, START_WAIT);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        running = null;
        for (int kill = 0; kill < KILLS; kill++) {
            long onlineBefore = lines.stream().filter("ONLINE"::equals).count();
            running = startKai(kaiHome, id, List.of("send"), stderr, lines);
            awaitLine(lines, "READY", kill + 1, stderr, START_WAIT);
            // Ben writes while kai runs, so that kai is killed while receiving too.
            CompletableFuture<Void> benWrites = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        String text = "ben " + benSent.size();
                        ben.engine().sendText(id, text);
                        benSent.add(text);
                        Thread.sleep(60);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if (random.nextInt(5) == 0) {
                Thread.sleep(random.nextLong(1000)); // while unlocking, connecting, authenticating
            } else {
                awaitLine(lines, "ONLINE", onlineBefore, stderr, START_WAIT);
                Thread.sleep(random.nextLong(1500)); // while catching up, receiving and sending
            }
            running.destroyForcibly();
            assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
            running = null;
            benWrites.join();
            Thread.sleep(30); // the reader thread takes the last lines from the pipe
        }
        assertThat(ben.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();

        running = startKai(kaiHome, id, List.of("drain", Integer.toString(benSent.size())), stderr, lines);
        awaitLine(lines, "DONE", 1, stderr, DRAIN_WAIT);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        running = null;

        // What kai stored: its own numbered texts 0..n-1 and each of ben's once.
        List<Message> kaiStore;
        try (Account account = Account.unlock(
                new ClientHome(kaiHome), TestAccounts.passphrase(), TestAccounts.noPolicy(), TestAccounts.options())) {
            kaiStore = account.keystore().messages().page(id, null, 1_000_000);
        }
        List<String> kaiOwn = texts(kaiStore, kai, true);
        List<String> kaiFromBen = texts(kaiStore, kai, false);
        int sentByKai = kaiOwn.size();
        assertThat(sentByKai).as("kai sent something; " + seed).isGreaterThan(KILLS / 2);
        assertThat(kaiOwn).as(seed).containsExactlyInAnyOrderElementsOf(numbered(kai, sentByKai));
        assertThat(kaiFromBen).as(seed).containsExactlyInAnyOrderElementsOf(benSent);

        // Every message kai reported as stored for sending, and only those, reached ben: once, in order.
        List<String> reportedSent = lines.stream()
                .filter(l -> l.startsWith("SENT "))
                .map(l -> kai + " " + l.split(" ")[1])
                .toList();
        assertThat(reportedSent).as(seed).doesNotHaveDuplicates();
        ben.awaitTexts(id, sentByKai);
        ben.engine().awaitIdle(Duration.ofMillis(500), EngineClient.WAIT);
        assertThat(ben.texts(id)).as(seed).containsExactlyElementsOf(numbered(kai, sentByKai));
        assertThat(ben.texts(id)).as(seed).containsAll(reportedSent);
        assertThat(ben.received).extracting(Message::id).doesNotHaveDuplicates();

        // Nothing of ben's was shown twice by kai's listener across all runs, and all shown were stored.
        List<String> shownIds = lines.stream()
                .filter(l -> l.startsWith("SHOWN "))
                .map(l -> l.split(" ")[1])
                .toList();
        assertThat(shownIds).as(seed).doesNotHaveDuplicates();
        assertThat(kaiStore.stream().map(Message::id).toList()).containsAll(shownIds);
        assertThat(shownIds.size()).as("most of ben's messages were shown live").isGreaterThan(benSent.size() / 2);
    }

    private Process startKai(Path home, String conversationId, List<String> mode, Path stderr, List<String> lines)
            throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.log.org.vermerk=debug",
                "-cp",
                classPath,
                CrashingClient.class.getName(),
                home.toString(),
                conversationId));
        command.addAll(mode);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // killed
            }
        });
        return process;
    }

    /** Waits until {@code wanted} was printed more than {@code before} times in all runs together. */
    private void awaitLine(List<String> lines, String wanted, long before, Path stderr, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        boolean ended = false;
        while (lines.stream().filter(wanted::equals).count() <= before) {
            if (System.nanoTime() > deadline || ended) {
                throw new AssertionError("kai did not print " + wanted + " (again, after " + before
                        + " times); stderr:\n" + tail(stderr));
            }
            ended = !running.isAlive(); // one more look: the reader may not have taken the last line yet
            Thread.sleep(ended ? 300 : 10);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }

    private static List<String> texts(List<Message> messages, String self, boolean own) {
        return messages.stream()
                .filter(m -> m.searchText() != null && m.senderUserId().equals(self) == own)
                .map(Message::searchText)
                .toList();
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + " " + i).toList();
    }
}
