package org.vermerk.bench.records;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.zip.ZipFile;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.Authority;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.Conversation;
import org.vermerk.app.records.Mark;
import org.vermerk.app.records.MessageSource;
import org.vermerk.app.records.Official;
import org.vermerk.app.records.Participant;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordedMessage;
import org.vermerk.app.records.ReplyReference;
import org.vermerk.app.records.Revision;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.VerificationState;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.app.records.manifest.DeviceSigner;
import org.vermerk.app.records.verify.ExportVerifier;
import org.vermerk.app.records.verify.Verdict;

/**
 * The load: one export of 10,000 marked messages with 100 attachments, then its
 * verification; prints wall time, ZIP size, transcript pages and the peak heap in use. Messages
 * are generated on the fly by a {@link MessageSource} (as a database cursor would feed them), so
 * the heap holds only what the exporter itself keeps. Run with a small heap to show the bound:
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * "$(.mvn/find-jdk)/bin/java" -Xmx128m -cp bench/target/benchmarks.jar \
 *     org.vermerk.bench.records.RecordExportBenchmark [messages] [attachments] [attachment KiB] [runs]
 * </pre>
 */
public final class RecordExportBenchmark {
    private static final Instant START = Instant.parse("2026-11-03T07:00:00Z");
    private static final String[] USERS = {
        "anna.schmidt@bmi.example", "bernd.weber@bmi.example", "clara.oezdemir@bsi.example", "dieter.krause@bmi.example"
    };
    private static final String[] PHRASES = {
        "Zur Größenänderung der Rechenzentrumsfläche liegt die Stellungnahme des BSI vor.",
        "Bitte prüfen Sie die Maßnahmen bis Freitag; Rückfragen gern über diesen Kanal.",
        "Die Kostenschätzung für 240 m² zusätzliche Fläche folgt mit dem überarbeiteten Entwurf.",
        "Einverstanden – wir übernehmen den Schutzbedarf „hoch“ für Verfügbarkeit und Integrität.",
        "Termin verschoben auf 14 Uhr; Teilnahme der Referate CI 3 und ÖS I 2 ist bestätigt.",
    };

    private RecordExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int attachments = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int attachmentKiB = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        DeviceSigner signer = signer();
        RecordExportRequest request = request(messages, attachments, attachmentKiB * 1024);
        Path directory = Files.createTempDirectory("vermerk-records-bench");
        System.out.printf(
                "records export: %,d messages, %d attachments of %d KiB, max heap %d MiB, %s%n",
                messages,
                attachments,
                attachmentKiB,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.version());
        for (int run = 1; run <= runs; run++) {
            System.gc();
            resetPeaks();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Path zip = RecordExporter.create(signer).export(request, directory);
            long t1 = System.nanoTime();
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            long exportPeak = peakHeapBytes();
            resetPeaks();
            Verdict verdict = new ExportVerifier().verify(zip);
            long t2 = System.nanoTime();
            System.out.printf(
                    "run %d: export %.2f s (CPU of the exporting thread %.2f s, peak heap %d MiB), verify %.2f s (%s, %d files), ZIP %.1f MiB, transcript %.1f MiB%n",
                    run,
                    (t1 - t0) / 1e9,
                    cpu / 1e9,
                    exportPeak / (1024 * 1024),
                    (t2 - t1) / 1e9,
                    verdict.intact() ? "intact" : "NOT INTACT " + verdict.problems(),
                    verdict.filesChecked(),
                    Files.size(zip) / (1024.0 * 1024),
                    transcriptSize(zip) / (1024.0 * 1024));
            Files.delete(zip);
        }
        Files.delete(directory);
    }

    static long transcriptSize(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream()
                    .filter(e -> e.getName().endsWith("_transcript.pdf"))
                    .mapToLong(e -> e.getSize())
                    .sum();
        }
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the live peak). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static RecordExportRequest request(int messageCount, int attachmentCount, int attachmentBytes) {
        List<AttachmentFile> attachments = new ArrayList<>();
        for (int i = 0; i < attachmentCount; i++) {
            byte[] content = new byte[attachmentBytes];
            new Random(i).nextBytes(content);
            Sha256 sha256 = Sha256.digest(content);
            int seed = i;
            attachments.add(new AttachmentFile(
                    "att-" + i,
                    "Anlage " + i + " Prüfbericht.pdf",
                    "application/pdf",
                    attachmentBytes,
                    sha256,
                    USERS[i % USERS.length],
                    START.plusSeconds(i * 60L),
                    () -> {
                        byte[] again = new byte[attachmentBytes];
                        new Random(seed).nextBytes(again);
                        return new ByteArrayInputStream(again);
                    }));
        }
        int every = attachmentCount == 0 ? Integer.MAX_VALUE : Math.max(1, messageCount / attachmentCount);
        MessageSource source =
                () -> LongStream.range(0, messageCount).mapToObj(i -> message(i, every, attachmentCount));
        Mark mark = new Mark(
                "mark-bench",
                "CI 3 - 12345/6#7",
                "Lasttest: Abstimmung zur Größenänderung der Rechenzentrumsfläche",
                "Synthetischer Gesprächsverlauf für die Leistungsmessung.",
                true,
                USERS[0],
                START.plus(2, ChronoUnit.DAYS),
                List.of());
        List<Participant> participants = new ArrayList<>();
        for (String user : USERS) {
            participants.add(new Participant(user, user.substring(0, user.indexOf('@')), VerificationState.VERIFIED));
        }
        return new RecordExportRequest(
                mark,
                new Conversation("bench-conversation", "RZ-Planung (Last)", Classification.VS_NFD),
                participants,
                source,
                attachments,
                new Official(USERS[0], "Anna", "Schmidt", "Referat CI 3"),
                new Authority("Bundesministerium des Innern und für Heimat", "BMI"),
                ZoneId.of("Europe/Berlin"));
    }

    private static RecordedMessage message(long i, int every, int attachmentCount) {
        Instant sent = START.plusSeconds(i * 7);
        String text = PHRASES[(int) (i % PHRASES.length)]
                + (i % 3 == 0 ? " " + PHRASES[(int) ((i + 2) % PHRASES.length)] : "");
        List<String> attachmentIds =
                i % every == 0 && i / every < attachmentCount ? List.of("att-" + i / every) : List.of();
        return new RecordedMessage(
                "m-" + i,
                USERS[(int) (i % USERS.length)],
                sent,
                sent.plusMillis(350),
                text,
                i > 0 && i % 10 == 0
                        ? Optional.of(new ReplyReference("m-" + (i - 1), USERS[(int) ((i - 1) % USERS.length)], "…"))
                        : Optional.empty(),
                i % 50 == 0 ? List.of(new Revision("Erste Fassung " + i, sent.plusSeconds(30))) : List.of(),
                Optional.empty(),
                attachmentIds);
    }

    static DeviceSigner signer() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X500Name name = new X500Name("CN=Vermerk benchmark device");
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(START),
                                Date.from(START.plus(365, ChronoUnit.DAYS)),
                                name,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("Ed25519").build(keys.getPrivate())));
        return new DeviceSigner(keys.getPrivate(), certificate);
    }
}
