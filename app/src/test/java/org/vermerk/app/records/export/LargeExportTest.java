package org.vermerk.app.records.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.ExportedPackage;
import org.vermerk.app.records.MessageSource;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordFixtures;
import org.vermerk.app.records.RecordedMessage;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.TestSigners;
import org.vermerk.app.records.verify.ExportVerifier;

/**
 * A larger export in the normal build (1,000 messages streamed from a generating source, 10
 * attachments): every message reaches messages.json, the transcript has dozens of pages and the
 * package verifies. The full load (10,000 messages, 100 attachments) and its timing and
 * heap are measured by bench's RecordExportBenchmark (docs/benchmarks.md).
 */
class LargeExportTest {
    private static final int MESSAGES = 1_000;
    private static final int ATTACHMENTS = 10;

    @TempDir
    Path dir;

    @Test
    void aThousandMessagesAllArriveAndVerify() throws Exception {
        RecordExportRequest base = RecordFixtures.request(Classification.VS_NFD, true);
        List<AttachmentFile> attachments = new ArrayList<>();
        for (int i = 0; i < ATTACHMENTS; i++) {
            byte[] content = new byte[64 * 1024];
            new Random(i).nextBytes(content);
            attachments.add(new AttachmentFile(
                    "att-" + i,
                    "Anlage " + i + ".pdf",
                    "application/pdf",
                    content.length,
                    Sha256.digest(content),
                    RecordFixtures.BERND,
                    RecordFixtures.START,
                    () -> new ByteArrayInputStream(content)));
        }
        MessageSource generated = () -> LongStream.range(0, MESSAGES)
                .mapToObj(i -> new RecordedMessage(
                        "m-" + i,
                        i % 2 == 0 ? RecordFixtures.ANNA : RecordFixtures.BERND,
                        RecordFixtures.START.plusSeconds(i),
                        RecordFixtures.START.plusSeconds(i + 1),
                        "Nachricht " + i + ": Prüfung der Größenänderung, Abstimmung mit Referat ÖS I 2 läuft.",
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        i % 100 == 0 ? List.of("att-" + i / 100) : List.of()));
        RecordExportRequest request = new RecordExportRequest(
                base.mark(),
                base.conversation(),
                base.participants(),
                generated,
                attachments,
                base.exportingOfficial(),
                base.authority(),
                base.zone());

        long start = System.nanoTime();
        Path zip = RecordFixtures.exporter(TestSigners.p256("CN=Test")).export(request, dir);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(new ExportVerifier().verify(zip).intact()).isTrue();
        ExportedPackage pkg = ExportedPackage.read(zip);
        assertThat(pkg.entries()).hasSize(3 + ATTACHMENTS + 2);
        try (JsonParser json = new ObjectMapper().createParser(pkg.endingWith("_messages.json"))) {
            int depth = 0;
            int messages = 0;
            boolean inMessages = false;
            for (JsonToken token; (token = json.nextToken()) != null; ) {
                if (token == JsonToken.FIELD_NAME
                        && depth == 1
                        && json.currentName().equals("messages")) {
                    inMessages = true;
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (inMessages && depth == 3 && token == JsonToken.START_OBJECT) {
                        messages++;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
            assertThat(messages).isEqualTo(MESSAGES);
        }
        try (PDDocument pdf = Loader.loadPDF(pkg.endingWith("_transcript.pdf"))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(50);
        }
        System.out.printf("LargeExportTest: %,d messages exported in %d ms%n", MESSAGES, millis);
    }
}
