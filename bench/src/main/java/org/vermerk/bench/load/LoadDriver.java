package org.vermerk.bench.load;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireCodec;

/**
 * The load driver for the delivery server (issue 5): starts the real server in its own JVM on
 * loopback with a fresh data directory, enrols and authenticates {@code --clients} simulated
 * devices over TLS, forms groups of {@code --group-size} (2 = the 1:1 scenario) with a commit and
 * Welcome each, then sends application messages open-loop at {@code --rate} per second in total,
 * round-robin over all clients, each to its own group. Reports the achieved send and delivery
 * rates, send-to-receive latency per delivered copy, errors, and the server's CPU and memory.
 *
 * <p>What is simulated: the clients run no MLS — their messages are opaque bytes behind a correct
 * MLS header ({@link OpaqueMessage}), which is all the server ever reads. Everything the server
 * does is real: TLS, challenge signatures, storage, ordering, fan-out, queues and acks.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests}, then {@code "$(.mvn/find-jdk)/bin/java"
 * -cp bench/target/benchmarks.jar org.vermerk.bench.load.LoadDriver --clients 1000 --rate 1000}.
 */
public final class LoadDriver {
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);

    private final LoadOptions options;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final Random random = new Random();

    private LoadDriver(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new LoadDriver(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path work = Files.createTempDirectory("vermerk-load");
        Path log = work.resolve("server-stderr.log");
        out.printf(
                "scenario: %d clients in %d groups of %d, %.0f msg/s, warm-up %d s, window %d s, payload %d B%n",
                options.clients(),
                options.groups(),
                options.groupSize(),
                options.rate(),
                options.warmupSeconds(),
                options.durationSeconds(),
                options.payloadBytes());
        out.printf(
                "machine: %d cores, java %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        long setupStart = System.nanoTime();
        try (ServerProcess server =
                ServerProcess.start(work.resolve("data"), options.clients(), options.serverJvmOptions(), log)) {
            out.printf(
                    "server: pid %d, %s, %d users created in %.1f s (server log: %s)%n",
                    server.pid(), server.webSocketUri(), server.codes().size(), seconds(setupStart), log);
            ExecutorService io = Executors.newFixedThreadPool(
                    options.ioThreads(),
                    Thread.ofPlatform().name("load-io-", 0).daemon().factory());
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("load-acks").daemon().factory());
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(trusting(server.caCertificate()))
                    .executor(io)
                    .connectTimeout(Duration.ofSeconds(60))
                    .build();
            long expectedCopies =
                    (long) Math.ceil(options.rate() * options.durationSeconds() * (options.groupSize() - 1));
            Measurement measurement = new Measurement(
                    (int) Math.min(Integer.MAX_VALUE - 8, expectedCopies * 5 / 4 + 1000),
                    options.groups() * (options.groupSize() - 1));
            WireCodec codec = new WireCodec();
            List<SimulatedClient> clients = new ArrayList<>();
            for (String userId : server.codes().keySet()) {
                clients.add(new SimulatedClient(codec, measurement, timers, userId));
            }

            long connectStart = System.nanoTime();
            connectAll(clients, server.codes(), http, server.webSocketUri());
            out.printf(
                    "connected: %d devices enrolled, reconnected and authenticated in %.1f s%n",
                    clients.size(), seconds(connectStart));
            long groupStart = System.nanoTime();
            Bytes[] groupOf = new Bytes[clients.size()];
            byte[][] templateOf = new byte[clients.size()][];
            formGroups(clients, groupOf, templateOf);
            if (!measurement.welcomes().await(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every Welcome arrived");
            }
            out.printf(
                    "groups: %d formed, every Welcome delivered, in %.1f s%n", options.groups(), seconds(groupStart));

            Scheduled result = sendOpenLoop(clients, groupOf, templateOf, measurement, server);
            boolean complete = drain(result, measurement);
            report(result, measurement, complete);

            measurement.stopping();
            clients.forEach(SimulatedClient::close);
            boolean graceful = server.stop();
            out.printf("server stopped gracefully: %s%n", graceful ? "yes" : "NO");
            io.shutdown();
            timers.shutdownNow();
            return complete && graceful;
        }
    }

    /** Enrols each device on a first connection, then connects again and authenticates. */
    private void connectAll(List<SimulatedClient> clients, Map<String, String> codes, HttpClient http, URI uri)
            throws Exception {
        Semaphore permits = new Semaphore(options.connectParallelism());
        List<CompletableFuture<ServerFrame>> done = new ArrayList<>();
        for (SimulatedClient client : clients) {
            permits.acquire();
            CompletableFuture<ServerFrame> authenticated = client.connect(http, uri)
                    .thenCompose(nonce -> client.enrol(nonce, codes.get(client.userId())))
                    .thenCompose(expect(ServerFrame.Enrolled.class, enrolled -> {
                        client.close();
                        return client.connect(http, uri).thenCompose(client::authenticate);
                    }))
                    .thenCompose(expect(ServerFrame.Authenticated.class, CompletableFuture::completedFuture))
                    .whenComplete((answer, failure) -> permits.release());
            done.add(authenticated);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                .get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Per group: the first member creates it and adds all others with one commit and Welcome. */
    private void formGroups(List<SimulatedClient> clients, Bytes[] groupOf, byte[][] templateOf) throws Exception {
        Semaphore permits = new Semaphore(options.connectParallelism());
        List<CompletableFuture<ServerFrame>> done = new ArrayList<>();
        int size = options.groupSize();
        for (int first = 0; first < clients.size(); first += size) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            Bytes groupId = Bytes.of(id);
            byte[] template = OpaqueMessage.applicationTemplate(groupId, 1, options.payloadBytes(), random);
            List<String> others = new ArrayList<>();
            for (int i = first; i < first + size; i++) {
                groupOf[i] = groupId;
                templateOf[i] = template;
                if (i > first) {
                    others.add(clients.get(i).deviceId());
                }
            }
            SimulatedClient creator = clients.get(first);
            ClientRequest.SendCommit commit = new ClientRequest.SendCommit(
                    creator.nextId(),
                    groupId,
                    0,
                    UUID.randomUUID().toString(),
                    OpaqueMessage.commit(groupId, 0, random),
                    OpaqueMessage.welcome(random),
                    others,
                    List.of());
            permits.acquire();
            done.add(creator.call(new ClientRequest.CreateGroup(creator.nextId(), groupId))
                    .thenCompose(expect(ServerFrame.GroupCreated.class, created -> creator.call(commit)))
                    .thenCompose(expect(ServerFrame.Accepted.class, CompletableFuture::completedFuture))
                    .whenComplete((answer, failure) -> permits.release()));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                .get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static <T extends ServerFrame> Function<ServerFrame, CompletableFuture<ServerFrame>> expect(
            Class<T> type, Function<T, CompletableFuture<ServerFrame>> next) {
        return frame -> {
            if (!type.isInstance(frame)) {
                throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + frame);
            }
            return next.apply(type.cast(frame));
        };
    }

    /** What the scheduler did. */
    private record Scheduled(
            long sent,
            long sentInWindow,
            double windowSeconds,
            long maxLagMicros,
            double serverCpuSeconds,
            double driverCpuSeconds,
            double serverRssMiB,
            String loadAtEnd) {}

    /**
     * Open loop: message k is due at start + k / rate, whatever happened to earlier messages; a
     * late scheduler sends at once and the lateness shows in the latency, which is measured from
     * the due time.
     */
    private Scheduled sendOpenLoop(
            List<SimulatedClient> clients,
            Bytes[] groupOf,
            byte[][] templateOf,
            Measurement measurement,
            ServerProcess server) {
        double rate = options.rate();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long windowStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.durationSeconds());
        measurement.window(windowStart, windowEnd);
        long sent = 0;
        long sentInWindow = 0;
        long maxLag = 0;
        boolean inWindow = false;
        double serverCpuAtStart = 0;
        double driverCpuAtStart = 0;
        long windowOpenedAt = 0;
        for (long k = 0; ; k++) {
            long due = start + (long) (k * 1e9 / rate);
            if (due >= windowEnd) {
                break;
            }
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            if (!inWindow && due >= windowStart) {
                inWindow = true;
                serverCpuAtStart = server.cpuSeconds();
                driverCpuAtStart = ownCpuSeconds();
                windowOpenedAt = System.nanoTime();
            }
            if (inWindow) {
                sentInWindow++;
                maxLag = Math.max(maxLag, now - due);
            }
            int sender = (int) (k % clients.size());
            clients.get(sender)
                    .sendMessage(
                            groupOf[sender],
                            1,
                            new UUID(random.nextLong(), random.nextLong()).toString(),
                            OpaqueMessage.stamped(templateOf[sender], due, k));
            sent++;
        }
        double windowSeconds = (System.nanoTime() - windowOpenedAt) / 1e9;
        return new Scheduled(
                sent,
                sentInWindow,
                windowSeconds,
                maxLag / 1000,
                server.cpuSeconds() - serverCpuAtStart,
                ownCpuSeconds() - driverCpuAtStart,
                server.residentMiB(),
                loadAverage());
    }

    /** Waits until every sent message was answered and every copy arrived, or the drain time is up. */
    private boolean drain(Scheduled scheduled, Measurement measurement) throws InterruptedException {
        long copiesExpected = scheduled.sent() * (options.groupSize() - 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        while (System.nanoTime() < deadline) {
            long answered = measurement.accepted.sum()
                    + measurement.errors().values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
            if (measurement.copies.sum() >= copiesExpected && answered >= scheduled.sent()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void report(Scheduled s, Measurement m, boolean complete) {
        int fanOut = options.groupSize() - 1;
        LatencyRecorder.Summary latency = m.latencies().summary();
        out.printf("sent: %d in total, %d due in the window%n", s.sent(), s.sentInWindow());
        out.printf(
                "answers: %d accepted (%d as duplicates), errors %s, unexpected closes %d%n",
                m.accepted.sum(), m.acceptedDuplicates.sum(), m.errors(), m.unexpectedCloses.sum());
        out.printf(
                "copies: %d of %d delivered (%s), %d repeated deliveries; of the window's messages %d of %d%n",
                m.copies.sum(),
                s.sent() * fanOut,
                complete ? "all" : "INCOMPLETE after the drain time",
                m.repeatedCopies.sum(),
                m.copiesOfWindow.sum(),
                s.sentInWindow() * fanOut);
        out.printf(
                "rates in the window (%.1f s): %.0f msg/s sent, %.0f copies/s delivered%n",
                s.windowSeconds(),
                s.sentInWindow() / s.windowSeconds(),
                m.copiesReceivedInWindow.sum() / s.windowSeconds());
        out.printf(
                "latency send-to-receive per copy (ms, %d samples): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                latency.samples(), latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max());
        out.printf("scheduler: largest lateness in the window %.2f ms%n", s.maxLagMicros() / 1000.0);
        out.printf(
                "cpu in the window: server %.2f cores, driver %.2f cores; server RSS %.0f MiB; load average at end %s%n",
                s.serverCpuSeconds() / s.windowSeconds(),
                s.driverCpuSeconds() / s.windowSeconds(),
                s.serverRssMiB(),
                s.loadAtEnd());
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static String loadAverage() {
        return ProcStats.loadAverage();
    }

    private static double ownCpuSeconds() {
        return ProcStats.cpuSeconds(ProcessHandle.current().pid());
    }

    private static SSLContext trusting(Path caCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }
}
