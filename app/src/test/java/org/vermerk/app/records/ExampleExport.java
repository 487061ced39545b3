package org.vermerk.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.app.records.manifest.DeviceSigner;
import org.vermerk.app.records.verify.ExportVerifier;
import org.vermerk.app.records.verify.Verdict;

/**
 * Writes the example export of docs/examples/ the way the client makes one: a made-up VS-NfD
 * conversation in a real keystore ({@link StoreFixture}), four messages marked as a range, the
 * file reference corrected before export, the last message edited after marking, exported by the
 * {@link RecordsService}. Skipped in the normal build:
 *
 * <pre>
 * ./mvnw -q -pl app test -Dtest=ExampleExport -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspotless.check.skip=true -Dvermerk.records.example="$PWD/docs/examples"
 * </pre>
 */
class ExampleExport {
    @TempDir
    Path dir;

    @Test
    @EnabledIfSystemProperty(named = "vermerk.records.example", matches = ".+")
    void writeTheExample() throws Exception {
        Path directory = Path.of(System.getProperty("vermerk.records.example"));
        Files.createDirectories(directory);
        DeviceSigner device = TestSigners.ed25519("CN=Vermerk device anna.schmidt@bmi.example/ARBEITSPLATZ-0815");
        Supplier<UUID> ids = seeded(new Random(20261103));
        StoreFixture fixture = new StoreFixture(dir);
        try {
            RecordsService records = new RecordsService(
                    fixture.store,
                    new RecordExporter(
                            device, Clock.fixed(RecordFixtures.EXPORTED_AT, ZoneOffset.UTC), ids, "0.1.0-SNAPSHOT"),
                    AttachmentContents.localFiles(),
                    fixture.context(true),
                    ids);
            fixture.clock.advance(Duration.ofHours(3));
            MarkResult marked = records.mark(new MarkRequest(
                    StoreFixture.CONVERSATION,
                    "m1",
                    "m4",
                    "CI 3 - 12345/6",
                    "Größenänderung der Rechenzentrumsfläche – Abstimmung mit dem BSI",
                    "Entscheidung zur Mitzeichnung.",
                    true));
            fixture.clock.advance(Duration.ofMinutes(20));
            records.change(
                    marked.mark().id(),
                    new MarkChange(
                            "CI 3 - 12345/6#7",
                            "Größenänderung der Rechenzentrumsfläche – Abstimmung mit dem BSI",
                            "Entscheidung zur Mitzeichnung; Schutzbedarf „hoch“ übernommen.",
                            true));
            fixture.clock.advance(Duration.ofHours(2));
            fixture.edit(
                    "m4",
                    "Entscheidung: Wir zeichnen mit, vorbehaltlich der Kostenschätzung.",
                    fixture.clock.instant());

            Path zip = records.export(marked.mark().id(), directory);
            Verdict verdict = new ExportVerifier().verify(zip);

            assertThat(verdict.intact()).isTrue();
            Files.writeString(directory.resolve("verify-report.txt"), verdict.report());
            Files.writeString(
                    directory.resolve("notice.txt"),
                    marked.notice().orElseThrow().german() + "\n"
                            + marked.notice().orElseThrow().english() + "\n");
            System.out.println(zip);
        } finally {
            fixture.close();
        }
    }

    private static Supplier<UUID> seeded(Random random) {
        return () -> {
            long most = (random.nextLong() & ~0xf000L) | 0x4000L;
            long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(most, least);
        };
    }
}
