package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.testing.CuttingProxy;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Message;

/**
 * Our own commit's crash window (ADR 0010, closed by ADR 0029): kai, a client in a child JVM
 * ({@link CommitCrashClient}), adds carl to a group with ben and is killed (SIGKILL) exactly between
 * the server accepting that commit and kai storing its merge — or, in the second case, after the
 * server committed but before its answer reached kai (the network fails with the answer, {@link
 * CuttingProxy#swallowNextAnswer()}). Restarted, kai must continue in the group: read what ben sends
 * in the commit's epoch and the next, send into both, with nothing lost or shown twice; carl, whom
 * the lost commit added, learns the group's title once. The first two fail when a restart forgets
 * the pending commit (kai then rejects the next epoch). The third shows the other outcome: kai is
 * killed with its commit kept but unsent while ben's commit takes the epoch; the restarted kai
 * drops its own and goes on.
 */
class CommitWindowCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TITLE = "Haushalt 2027";

    @TempDir
    Path dir;

    private LoopbackServer server;
    private CuttingProxy proxy;
    private EngineClient ben;
    private EngineClient carl;
    private Process running;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
        proxy = new CuttingProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.destroyForcibly().waitFor();
        }
        if (ben != null) {
            ben.close();
        }
        if (carl != null) {
            carl.close();
        }
        proxy.close();
        server.close();
    }

    @Test
    void killedAfterTheServerAcceptedItsCommitTheClientContinuesInTheGroup() throws Exception {
        String id = groupWithKai();
        running = startKai(id, "add", "carl@bmi.example", "accepted");
        awaitLine("ACCEPTED", 0);
        kill();
        continuesInTheGroup(id);
    }

    @Test
    void killedAfterTheAcceptWasLostOnTheWayTheClientContinuesInTheGroup() throws Exception {
        String id = groupWithKai();
        running = startKai(id, "add", "carl@bmi.example", "sending");
        awaitLine("SENDING", 0);
        CountDownLatch lost = proxy.swallowNextAnswer();
        tell("GO");
        assertThat(lost.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the server answered the commit")
                .isTrue();
        kill(); // before kai could reach the server again (the proxy refuses it until now)
        proxy.acceptAgain();
        continuesInTheGroup(id);
    }

    @Test
    void killedBeforeSendingWhileAnotherCommitTookTheEpochTheClientDropsItsOwnAndContinues() throws Exception {
        String id = groupWithKai();
        running = startKai(id, "add", "carl@bmi.example", "sending");
        awaitLine("SENDING", 0); // kai's commit is kept as pending, and never sent
        kill();
        ben.engine().addMembers(id, List.of("carl@bmi.example")); // ben's commit takes the epoch
        continuesInTheGroup(id);
    }

    /**
     * Restarted after the server accepted its commit, kai meets a server that lets one frame a
     * second through per device (a burst of one): at login the device check and the resend race for
     * it, and the one that loses is answered {@code rate_limited} (the server discarded it unread).
     * That decides nothing: kai must keep the pending commit, ask again after {@code retryAfterMs}
     * and merge it. Dropping the record on any error (the reviewed bug) leaves kai behind its group
     * for good. (Should the resend win the race, the test fails on the missing retry, not silently.)
     */
    @Test
    void aResendAnsweredRateLimitedKeepsThePendingCommitAndAsksAgain() throws Exception {
        String id = groupWithKai();
        running = startKai(id, "add", "carl@bmi.example", "accepted");
        awaitLine("ACCEPTED", 0);
        kill();
        server.restart(c -> limited(c, 1.0, 1));
        running = startKai(id, "go");
        awaitLog("event=pending_commit_retry conversation=" + id + " code=rate_limited");
        awaitLog("event=commit_merged conversation=" + id);
        tell("QUIT");
        awaitLine("BYE", 0);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        running = null;
        server.restart(LoopbackServer::generousLimits);
        continuesInTheGroup(id);
    }

    /**
     * Kai's accepted commit ages out of the server's message retention before kai comes back (a
     * laptop offline for longer than {@code retention.messages}): its resend is answered {@code
     * stale_epoch}, as the server no longer knows the client message ID. That proves nothing, so
     * kai keeps the record (a first restart, with nothing new in the log, leaves it undecided); the
     * next epoch's message that ben sends then decides it, as the merged state reads it. Dropping
     * the record on that answer (the reviewed bug) leaves kai behind for good.
     */
    @Test
    void aResendTheServerNoLongerKnowsIsDecidedByTheLog() throws Exception {
        String id = groupWithKai();
        running = startKai(id, "add", "carl@bmi.example", "accepted");
        awaitLine("ACCEPTED", 0);
        kill();
        EngineClient.await(() -> carl.engine().conversation(id).isPresent(), "carl joins", WAIT);
        EngineClient.await(() -> ben.engine().devices(id).size() == 3, "ben is in the epoch with carl", WAIT);
        ben.engine().awaitIdle(Duration.ofMillis(300), WAIT);
        carl.engine().awaitIdle(Duration.ofMillis(300), WAIT);
        server.restart(c -> forgetful(LoopbackServer.generousLimits(c)));
        Thread.sleep(1500); // several sweeps: every message of the group, kai's commit too, is gone
        server.restart(LoopbackServer::generousLimits);

        running = startKai(id, "go");
        awaitLog("event=pending_commit_unknown_to_server conversation=" + id);
        awaitLog("event=pending_commit_undecided conversation=" + id);
        tell("QUIT");
        awaitLine("BYE", 0);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        running = null;
        continuesInTheGroup(id);
        assertThat(Files.readString(dir.resolve("kai.stderr")))
                .as("the log decided it: ben's message of the next epoch read with the merged state")
                .containsPattern("event=commit_merged conversation=" + id + " epoch=\\d+ by=log");
    }

    /** Messages kept for a millisecond, swept every 100 ms. */
    private static org.vermerk.server.ServerConfig forgetful(org.vermerk.server.ServerConfig c) {
        return new org.vermerk.server.ServerConfig(
                c.dataDirectory(),
                c.host(),
                c.port(),
                c.tlsCertificate(),
                c.tlsPrivateKey(),
                c.limits(),
                new org.vermerk.server.ServerConfig.Retention(
                        Duration.ofMillis(1), c.retention().attachments(), Duration.ofMillis(100)),
                c.keyPackageLowWatermark(),
                c.enrolmentCodeValidity(),
                c.attachmentTicketValidity());
    }

    private static org.vermerk.server.ServerConfig limited(
            org.vermerk.server.ServerConfig config, double perSecond, int burst) {
        org.vermerk.server.ServerConfig.Limits l = config.limits();
        return config.withLimits(new org.vermerk.server.ServerConfig.Limits(
                l.maxFrameBytes(),
                perSecond,
                burst,
                l.connectionsPerDevice(),
                l.authTimeout(),
                l.idleTimeout(),
                l.attachmentMaxBytes()));
    }

    /** Waits until kai's log (all its runs) has a line containing {@code wanted}. */
    private void awaitLog(String wanted) throws Exception {
        Path log = dir.resolve("kai.stderr");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains(wanted)) {
            if (System.nanoTime() > deadline || !running.isAlive()) {
                throw new AssertionError("kai did not log " + wanted + "; stderr:\n" + tail(log));
            }
            Thread.sleep(50);
        }
    }

    /** Ben's group with kai (enrolled through the proxy), joined by kai in a first run. */
    private String groupWithKai() throws Exception {
        TestAccounts.enrolVia(
                        server, proxy.url(), dir.resolve("kai"), "kai@bmi.example", server.addUser("kai@bmi.example"))
                .close();
        ben = EngineClient.enrol(server, dir.resolve("ben"), "ben@bmi.example");
        carl = EngineClient.enrol(server, dir.resolve("carl"), "carl@bmi.example");
        String id = ben.engine().createGroup(TITLE, List.of("kai@bmi.example"));
        running = startKai(id, "join");
        awaitLine("JOINED", 0);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        running = null;
        return id;
    }

    private void continuesInTheGroup(String id) throws Exception {
        // A commit that adds carl is in the log (kai's, or ben's that beat it): ben is in its epoch.
        EngineClient.await(() -> carl.engine().conversation(id).isPresent(), "carl joins", WAIT);
        EngineClient.await(() -> ben.engine().devices(id).size() == 3, "ben is in the epoch with carl", WAIT);
        ben.engine().sendText(id, "ben 1");

        running = startKai(id, "go");
        tell("EXPECT 1 ben@bmi.example");
        awaitLine("HAVE 1", 0);
        tell("SEND kai 1");
        awaitLine("SENT kai 1", 0);
        EngineClient.await(() -> fromKai(ben).size() == 1 && fromKai(carl).size() == 1, "kai 1 arrives", WAIT);

        // The next epoch, made by someone else: kai processes it and goes on.
        ben.engine().removeMembers(id, List.of("carl@bmi.example"));
        ben.engine().sendText(id, "ben 2");
        tell("EXPECT 2 ben@bmi.example");
        awaitLine("HAVE 2", 0);
        tell("SEND kai 2");
        awaitLine("SENT kai 2", 0);
        tell("QUIT");
        awaitLine("BYE", 0);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        running = null;
        EngineClient.await(() -> fromKai(ben).size() == 2, "kai 2 arrives at ben", WAIT);
        ben.engine().awaitIdle(Duration.ofMillis(300), WAIT);

        assertThat(fromKai(ben)).containsExactly("kai 1", "kai 2");
        assertThat(ben.rejected).as("ben could read everything kai sent").isEmpty();
        assertThat(carl.rejected).isEmpty();
        // carl learnt the title once: from the merge kai stored after the restart, or from ben's add
        assertThat(carl.engine().conversation(id).orElseThrow().title()).isEqualTo(TITLE);
        assertThat(carl.received.stream().filter(m -> m.content().contains("\"type\":\"info\"")))
                .hasSize(1);

        List<Message> kaiStore;
        try (Account kai = Account.unlock(
                new ClientHome(dir.resolve("kai")),
                TestAccounts.passphrase(),
                TestAccounts.noPolicy(),
                TestAccounts.options())) {
            kaiStore = kai.keystore().messages().page(id, null, 1_000_000);
            assertThat(kai.keystore().conversations().pendingCommit(id)).isEmpty();
            assertThat(kai.keystore()
                            .conversations()
                            .groupState(id)
                            .orElseThrow()
                            .epoch())
                    .as("kai is where ben is")
                    .isEqualTo(benEpoch(id));
        }
        assertThat(texts(kaiStore, "ben@bmi.example")).containsExactly("ben 1", "ben 2");
        assertThat(texts(kaiStore, "kai@bmi.example")).containsExactly("kai 1", "kai 2");
        List<String> shown = lines.stream()
                .filter(l -> l.startsWith("SHOWN "))
                .map(l -> l.split(" ")[1])
                .toList();
        assertThat(shown).doesNotHaveDuplicates().hasSize(2);
    }

    private long benEpoch(String id) throws Exception {
        return ben.account()
                .keystore()
                .conversations()
                .groupState(id)
                .orElseThrow()
                .epoch();
    }

    private static List<String> fromKai(EngineClient client) {
        return client.received.stream()
                .filter(m -> m.senderUserId().equals("kai@bmi.example") && m.searchText() != null)
                .map(Message::searchText)
                .toList();
    }

    private static List<String> texts(List<Message> messages, String sender) {
        return messages.stream()
                .filter(m -> m.senderUserId().equals(sender) && m.searchText() != null)
                .map(Message::searchText)
                .toList();
    }

    private void kill() throws InterruptedException {
        running.destroyForcibly();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        running = null;
        Thread.sleep(30); // the reader thread takes the last lines from the pipe
        assertThat(lines).doesNotContain("RETURNED");
    }

    private void tell(String line) throws IOException {
        OutputStream in = running.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private Process startKai(String conversationId, String... mode) throws IOException {
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
                CommitCrashClient.class.getName(),
                dir.resolve("kai").toString(),
                conversationId));
        command.addAll(List.of(mode));
        lines.removeIf(l -> !l.startsWith("SHOWN "));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("kai.stderr").toFile()))
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

    /** Waits until {@code wanted} was printed more than {@code before} times by the running process. */
    private void awaitLine(String wanted, long before) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean ended = false;
        while (lines.stream().filter(wanted::equals).count() <= before) {
            if (System.nanoTime() > deadline || ended) {
                throw new AssertionError(
                        "kai did not print " + wanted + "; stderr:\n" + tail(dir.resolve("kai.stderr")));
            }
            ended = !running.isAlive();
            Thread.sleep(ended ? 300 : 10);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
    }
}
