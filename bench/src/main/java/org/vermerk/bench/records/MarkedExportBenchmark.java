package org.vermerk.bench.records;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.vermerk.app.records.AttachmentContents;
import org.vermerk.app.records.Authority;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.Official;
import org.vermerk.app.records.RecordsContext;
import org.vermerk.app.records.RecordsService;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.app.records.verify.ExportVerifier;
import org.vermerk.app.records.verify.Verdict;
import org.vermerk.keystore.Argon2Params;
import org.vermerk.keystore.Attachment;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.Passphrase;
import org.vermerk.keystore.Transition;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * The issue's load along the client's real path: 10,000 messages (every tenth a reply) and 100
 * attachment files in an encrypted keystore, the whole range marked through {@link
 * RecordsService}, then exported (messages read from the store page by page) and verified. Prints
 * the load average, the time to mark, to export and to verify, the export's CPU time (its own
 * thread and the whole process, GC separately) and its peak heap. Run it with {@code
 * -XX:StartFlightRecording=filename=export.jfr} and {@code jfr summary}/{@code jfr print --events
 * jdk.FileForce,jdk.FileWrite} to see the time spent waiting for the disk.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * "$(.mvn/find-jdk)/bin/java" -Xmx128m --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     org.vermerk.bench.records.MarkedExportBenchmark [messages] [attachments] [attachment KiB] [runs]
 * </pre>
 */
public final class MarkedExportBenchmark {
    private static final Instant START = Instant.parse("2026-11-03T07:00:00Z");
    private static final String CONVERSATION = "c-bench";
    private static final String[] USERS = {
        "anna.schmidt@bmi.example", "bernd.weber@bmi.example", "clara.oezdemir@bsi.example", "dieter.krause@bmi.example"
    };

    private MarkedExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int attachments = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int attachmentKiB = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path directory = Files.createTempDirectory("vermerk-marked-bench");
        try (Keystore store = Keystore.create(
                directory.resolve("store"),
                Passphrase.of("korrekt Pferd Batterie Heftklammer".toCharArray()),
                KeystoreOptions.defaults().withKdf(new Argon2Params(1024, 1, 1)))) {
            fill(store, directory, messages, attachments, attachmentKiB * 1024);
            RecordsService records = new RecordsService(
                    store,
                    RecordExporter.create(RecordExportBenchmark.signer()),
                    AttachmentContents.localFiles(),
                    new RecordsContext(
                            new Official(USERS[0], "Anna", "Schmidt", "Referat CI 3"),
                            new Authority("Bundesministerium des Innern und für Heimat", "BMI"),
                            ZoneId.of("Europe/Berlin"),
                            true),
                    UUID::randomUUID);
            System.out.printf(
                    "marked export from the keystore: %,d messages, %d attachments of %d KiB, max heap %d MiB, %s%n",
                    messages,
                    attachments,
                    attachmentKiB,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    Runtime.version());
            for (int run = 1; run <= runs; run++) {
                long t0 = System.nanoTime();
                String markId = records.mark(new MarkRequest(
                                CONVERSATION,
                                "m-0",
                                "m-" + (messages - 1),
                                "CI 3 - 12345/6#" + run,
                                "Lasttest",
                                "",
                                true))
                        .mark()
                        .id();
                long t1 = System.nanoTime();
                System.gc();
                RecordExportBenchmark.resetPeaks();
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long gc0 = gcMillis();
                long process0 = processCpuNanos();
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                Path zip = records.export(markId, directory.resolve("out"));
                long t3 = System.nanoTime();
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
                long processCpu = processCpuNanos() - process0;
                long gc = gcMillis() - gc0;
                long peak = RecordExportBenchmark.peakHeapBytes();
                Verdict verdict = new ExportVerifier().verify(zip);
                long t4 = System.nanoTime();
                System.out.printf(
                        "run %d: load %.1f, mark %.2f s, export %.2f s (CPU of the exporting thread %.2f s, of the"
                                + " process %.2f s, GC %.2f s; wall / process CPU %.1f; peak heap %d MiB), verify %.2f s"
                                + " (%s, %d files), ZIP %.1f MiB%n",
                        run,
                        load,
                        (t1 - t0) / 1e9,
                        (t3 - t2) / 1e9,
                        cpu / 1e9,
                        processCpu / 1e9,
                        gc / 1e3,
                        (double) (t3 - t2) / processCpu,
                        peak / (1024 * 1024),
                        (t4 - t3) / 1e9,
                        verdict.intact() ? "intact" : "NOT INTACT " + verdict.problems(),
                        verdict.filesChecked(),
                        Files.size(zip) / (1024.0 * 1024));
                Files.delete(zip);
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * CPU time of the whole process: the exporting thread plus GC, JIT and the JVM's other
     * threads. With the thread's own CPU and the wall time it tells waiting for a core (a loaded
     * machine) from work done elsewhere in the process.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static void fill(Keystore store, Path directory, int messages, int attachments, int attachmentBytes)
            throws Exception {
        Transition.Builder first = Transition.forConversation(CONVERSATION)
                .createConversation(new Conversation(
                        CONVERSATION,
                        Bytes.of(new byte[] {7}),
                        Conversation.Kind.GROUP,
                        "RZ-Planung",
                        "VS – NUR FÜR DEN DIENSTGEBRAUCH",
                        START,
                        false))
                .members(Stream.of(USERS)
                        .map(u -> new Member(u, Member.Role.MEMBER, START))
                        .toList())
                .groupState(0, 0, 1, Secret.of(new byte[] {1}));
        store.apply(first.build());
        Random random = new Random(7);
        for (int from = 0; from < messages; from += 1000) {
            Transition.Builder t = Transition.forConversation(CONVERSATION);
            for (int i = from; i < Math.min(messages, from + 1000); i++) {
                String reply = i % 10 == 9 ? ",\"replyTo\":\"m-" + (i - 1) + "\"" : "";
                String text = "Nachricht " + i + ": Prüfung der Größenänderung, Abstimmung mit Referat ÖS I 2 läuft.";
                t.addMessage(Message.of(
                        "m-" + i,
                        CONVERSATION,
                        (long) i + 1,
                        USERS[i % USERS.length],
                        "device",
                        START.plusSeconds(i),
                        START.plusSeconds(i + 1),
                        "{\"type\":\"text\",\"text\":\"" + text + "\"" + reply + "}",
                        text,
                        DeliveryState.RECEIVED));
            }
            store.apply(t.build());
        }
        for (int a = 0; a < attachments; a++) {
            byte[] content = new byte[attachmentBytes];
            random.nextBytes(content);
            Path file = directory.resolve("Anlage " + a + ".pdf");
            Files.write(file, content);
            int message = (int) ((long) a * messages / attachments);
            store.messages()
                    .saveAttachment(new Attachment(
                            "att-" + a,
                            "m-" + message,
                            "Anlage " + a + ".pdf",
                            "application/pdf",
                            content.length,
                            Bytes.of(MessageDigest.getInstance("SHA-256").digest(content)),
                            Secret.of(new byte[32]),
                            "blob-" + a,
                            file.toString(),
                            Attachment.State.DOWNLOADED));
        }
        System.out.printf("store filled: %,d messages, %d attachments%n", messages, attachments);
    }
}
