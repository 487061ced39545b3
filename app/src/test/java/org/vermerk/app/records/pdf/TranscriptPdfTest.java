package org.vermerk.app.records.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.ExportedPackage;
import org.vermerk.app.records.MessageSource;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordFixtures;
import org.vermerk.app.records.RecordedMessage;
import org.vermerk.app.records.TestSigners;

/**
 * The transcript: PDF/A-2b by veraPDF; German text survives extraction; the VS-NfD marking is on
 * every page and absent when open; "Seite x von y" on every page; long words are broken, not cut;
 * characters the font lacks are named, not dropped; fonts are embedded.
 */
class TranscriptPdfTest {
    @TempDir
    Path dir;

    private byte[] transcript(RecordExportRequest request) throws Exception {
        Path zip = RecordFixtures.exporter(TestSigners.ed25519("CN=Test")).export(request, dir);
        return ExportedPackage.read(zip).endingWith("_transcript.pdf");
    }

    /** A classified request with enough messages to fill several pages. */
    private static RecordExportRequest longClassifiedRequest() {
        RecordExportRequest base = RecordFixtures.request(Classification.VS_NFD, true);
        List<RecordedMessage> messages = new ArrayList<>(RecordFixtures.messages());
        for (int i = 0; i < 120; i++) {
            messages.add(RecordedMessage.plain(
                    "m-1" + i,
                    i % 2 == 0 ? RecordFixtures.ANNA : RecordFixtures.CLARA,
                    RecordFixtures.START.plusSeconds(3600 + i * 60L),
                    RecordFixtures.START.plusSeconds(3601 + i * 60L),
                    "Nachtrag " + i + ": Prüfung der Maßnahmen läuft; Rückfrage zur Größenänderung folgt."));
        }
        return new RecordExportRequest(
                base.mark(),
                base.conversation(),
                base.participants(),
                MessageSource.of(messages),
                base.attachments(),
                base.exportingOfficial(),
                base.authority(),
                base.zone());
    }

    @Test
    void transcriptIsPdfA2bByVeraPdf() throws Exception {
        assertThat(PdfA2bValidator.failures(transcript(longClassifiedRequest())))
                .isEmpty();
        assertThat(PdfA2bValidator.failures(transcript(RecordFixtures.request(Classification.OPEN, false))))
                .isEmpty();
    }

    @Test
    void germanTextMarkingAndPageNumbersAreOnEveryPage() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(transcript(longClassifiedRequest()))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).as("page %d", page).contains("VS – NUR FÜR DEN DIENSTGEBRAUCH");
                assertThat(text).as("page %d", page).contains("Seite " + page + " von " + pages);
            }
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all)
                    .contains("Größenänderung")
                    .contains("Clara Özdemir – clara.oezdemir@bsi.example")
                    .contains("Schutzbedarf „hoch“")
                    .contains("240 m²")
                    .contains("Aktenzeichen")
                    .contains("CI 3 - 12345/6#7")
                    .contains("gesendet 03.11.2026 09:14:05 MEZ · Server 03.11.2026 09:14:06 MEZ")
                    .contains("Frühere Fassung")
                    .contains("Nach der Markierung bearbeitet")
                    .contains("Anhang: Entwurf Stellungnahme Größe.txt")
                    .contains("SHA-256 "
                            + RecordFixtures.attachment(RecordFixtures.attachmentBytes(), "x")
                                    .sha256()
                                    .hex())
                    .contains("nicht verifiziert")
                    .contains("[U+1F44D]");
            String body = all.lines()
                    .filter(line -> !line.equals("VS – NUR FÜR DEN DIENSTGEBRAUCH")
                            && !line.startsWith("Vermerk – Gesprächsprotokoll")
                            && !line.contains("· exportiert"))
                    .collect(java.util.stream.Collectors.joining());
            assertThat(body.replaceAll("\\s+", "").contains(RecordFixtures.LONG_WORD))
                    .as("the long word is broken across lines, not cut")
                    .isTrue();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void anOpenConversationCarriesNoMarking() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(transcript(RecordFixtures.request(Classification.OPEN, true)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).doesNotContain("NUR FÜR DEN DIENSTGEBRAUCH").contains("offen (nicht eingestuft)");
            assertThat(text).contains("Seite 1 von " + pdf.getNumberOfPages());
        }
    }

    @Test
    void anEmptyMarkStillGivesAValidTranscript() throws Exception {
        RecordExportRequest base = RecordFixtures.request(Classification.VS_NFD, true);
        RecordExportRequest empty = new RecordExportRequest(
                base.mark(),
                base.conversation(),
                base.participants(),
                MessageSource.of(List.of()),
                List.of(),
                base.exportingOfficial(),
                base.authority(),
                base.zone());
        byte[] pdf = transcript(empty);
        assertThat(PdfA2bValidator.failures(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("keine Nachrichten", "Seite 1 von 1");
        }
    }
}
