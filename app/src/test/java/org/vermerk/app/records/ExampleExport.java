package org.vermerk.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.app.records.manifest.DeviceSigner;
import org.vermerk.app.records.verify.ExportVerifier;
import org.vermerk.app.records.verify.Verdict;

/**
 * Writes the example export of docs/examples/ (made-up German conversation, VS-NfD, one
 * attachment) when asked to; skipped in the normal build:
 *
 * <pre>
 * ./mvnw -q -pl app -am test -Dtest=ExampleExport -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspotless.check.skip=true -Dvermerk.records.example="$PWD/docs/examples"
 * </pre>
 */
class ExampleExport {
    @Test
    @EnabledIfSystemProperty(named = "vermerk.records.example", matches = ".+")
    void writeTheExample() throws Exception {
        Path directory = Path.of(System.getProperty("vermerk.records.example"));
        Files.createDirectories(directory);
        DeviceSigner device = TestSigners.ed25519("CN=Vermerk device anna.schmidt@bmi.example/ARBEITSPLATZ-0815");
        Random seeded = new Random(20261103);
        RecordExporter exporter = new RecordExporter(
                device,
                Clock.fixed(RecordFixtures.EXPORTED_AT, ZoneOffset.UTC),
                () -> randomUuid(seeded),
                "0.1.0-SNAPSHOT");

        Path zip = exporter.export(RecordFixtures.request(Classification.VS_NFD, true), directory);
        Verdict verdict = new ExportVerifier().verify(zip);

        assertThat(verdict.intact()).isTrue();
        Files.writeString(directory.resolve("verify-report.txt"), verdict.report());
        System.out.println(zip);
    }

    private static UUID randomUuid(Random random) {
        long most = (random.nextLong() & ~0xf000L) | 0x4000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
