package org.vermerk.app.records.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.ExportedPackage;
import org.vermerk.app.records.MessageSource;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordFixtures;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.TestSigners;
import org.vermerk.app.records.manifest.DeviceSigner;
import org.vermerk.app.records.manifest.Manifest;
import org.vermerk.app.records.manifest.ManifestEntry;

/**
 * The exporter: the package is named and laid out after xdomea, the manifest covers every file,
 * messages.json holds the structured record, attachments arrive as sent, and every failure leaves
 * the export directory as it was with an error that says why.
 */
class RecordExporterTest {
    private static final DeviceSigner DEVICE = TestSigners.ed25519("CN=Test device");

    @TempDir
    Path dir;

    private ExportedPackage export(RecordExportRequest request) throws Exception {
        return ExportedPackage.read(RecordFixtures.exporter(DEVICE).export(request, dir));
    }

    @Test
    void packageIsNamedAfterXdomeaAndTheManifestCoversEveryFile() throws Exception {
        Path zip = RecordFixtures.exporter(DEVICE).export(RecordFixtures.request(Classification.VS_NFD, true), dir);
        ExportedPackage pkg = ExportedPackage.read(zip);

        String process = "00000000-0000-4000-8000-000000000002";
        assertThat(zip.getFileName().toString()).isEqualTo(process + "_FVDaten.SGOAblegen.0605.zip");
        assertThat(pkg.entries().keySet())
                .containsExactly(
                        process + "_FVDaten.SGOAblegen.0605.xml",
                        "00000000-0000-4000-8000-000000000004_transcript.pdf",
                        "00000000-0000-4000-8000-000000000005_messages.json",
                        "00000000-0000-4000-8000-000000000001_Entwurf Stellungnahme Groesse.txt",
                        "manifest.json",
                        "manifest.json.p7s");
        Manifest manifest = Manifest.parse(pkg.entries().get("manifest.json"));
        assertThat(manifest.packageName()).isEqualTo(process + "_FVDaten.SGOAblegen.0605");
        assertThat(manifest.entries()).hasSize(4);
        for (ManifestEntry entry : manifest.entries()) {
            byte[] content = pkg.entries().get(entry.name());
            assertThat(entry.size()).isEqualTo(content.length);
            assertThat(entry.sha256()).isEqualTo(Sha256.digest(content));
        }
        assertThat(pkg.endingWith("Groesse.txt")).isEqualTo(RecordFixtures.attachmentBytes());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(zip);
        }
    }

    @Test
    void messagesJsonHoldsTheStructuredRecord() throws Exception {
        JsonNode json = new ObjectMapper()
                .readTree(export(RecordFixtures.request(Classification.VS_NFD, true))
                        .endingWith("_messages.json"));

        assertThat(json.path("format").asText()).isEqualTo("vermerk-record/1");
        assertThat(json.path("mark").path("fileReference").asText()).isEqualTo("CI 3 - 12345/6#7");
        assertThat(json.path("mark").path("history")).hasSize(2);
        assertThat(json.path("conversation").path("classification").asText()).isEqualTo("VS-NfD");
        assertThat(json.path("participants").get(2).path("verification").asText())
                .isEqualTo("key-changed");
        assertThat(json.path("period").path("first").asText()).isEqualTo("2026-11-03T08:14:06Z");
        assertThat(json.path("period").path("messageCount").asInt()).isEqualTo(4);
        JsonNode messages = json.path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).path("text").asText())
                .isEqualTo(RecordFixtures.messages().get(0).text());
        assertThat(messages.get(1).path("replyTo").path("messageId").asText()).isEqualTo("m-0001");
        assertThat(messages.get(1).path("earlierVersions").get(0).path("text").asText())
                .isEqualTo("Ja. Ich schlage 13 Uhr vor.");
        assertThat(messages.get(2).path("text").asText()).endsWith("übernehmen. 👍");
        assertThat(messages.get(3).path("changedAfterMark").path("kind").asText())
                .isEqualTo("edited");
        JsonNode attachment = json.path("attachments").get(0);
        assertThat(attachment.path("sha256").asText())
                .isEqualTo(Sha256.digest(RecordFixtures.attachmentBytes()).hex());
        assertThat(attachment.path("included").asBoolean()).isTrue();
    }

    @Test
    void attachmentsLeftOutAreListedButNotPacked() throws Exception {
        ExportedPackage pkg = export(RecordFixtures.request(Classification.OPEN, false));

        assertThat(pkg.entries()).hasSize(5);
        assertThat(pkg.entries().keySet()).noneMatch(name -> name.endsWith(".txt"));
        JsonNode attachment = new ObjectMapper()
                .readTree(pkg.endingWith("_messages.json"))
                .path("attachments")
                .get(0);
        assertThat(attachment.path("included").asBoolean()).isFalse();
        assertThat(attachment.path("fileInPackage").isNull()).isTrue();
    }

    @Test
    void equalInputGivesEqualBytes() throws Exception {
        Path first = Files.createDirectory(dir.resolve("a"));
        Path second = Files.createDirectory(dir.resolve("b"));
        Path a = RecordFixtures.exporter(DEVICE).export(RecordFixtures.request(Classification.VS_NFD, true), first);
        Path b = RecordFixtures.exporter(DEVICE).export(RecordFixtures.request(Classification.VS_NFD, true), second);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void hostileAttachmentNamesStayInsideThePackage() throws Exception {
        byte[] bytes = RecordFixtures.attachmentBytes();
        ExportedPackage pkg = export(RecordFixtures.request(
                Classification.OPEN, true, RecordFixtures.attachment(bytes, "../../home/anna/.bashrc")));

        assertThat(pkg.entries().keySet()).contains("00000000-0000-4000-8000-000000000001_bashrc");
        assertThat(pkg.entries().keySet()).allMatch(name -> !name.contains("/") && !name.contains(".."));
    }

    @Test
    void anAttachmentThatIsNotTheFileSentFailsAndLeavesNothing() throws Exception {
        byte[] bytes = RecordFixtures.attachmentBytes();
        AttachmentFile sent = RecordFixtures.attachment(bytes, "Entwurf.txt");
        byte[] other = bytes.clone();
        other[3] ^= 1;
        AttachmentFile changed = new AttachmentFile(
                sent.id(),
                sent.fileName(),
                sent.mediaType(),
                sent.size(),
                sent.sha256(),
                sent.senderUserId(),
                sent.sentAt(),
                () -> new java.io.ByteArrayInputStream(other));

        assertThatThrownBy(() -> RecordFixtures.exporter(DEVICE)
                        .export(RecordFixtures.request(Classification.OPEN, true, changed), dir))
                .isInstanceOf(RecordExportException.class)
                .hasMessageContaining("is not the file that was sent");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFullDiskGivesAClearErrorAndLeavesNothing() throws Exception {
        byte[] bytes = RecordFixtures.attachmentBytes();
        AttachmentFile sent = RecordFixtures.attachment(bytes, "Entwurf.txt");
        AttachmentFile failing = new AttachmentFile(
                sent.id(),
                sent.fileName(),
                sent.mediaType(),
                sent.size(),
                sent.sha256(),
                sent.senderUserId(),
                sent.sentAt(),
                () -> new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("No space left on device");
                    }
                });

        assertThatThrownBy(() -> RecordFixtures.exporter(DEVICE)
                        .export(RecordFixtures.request(Classification.OPEN, true, failing), dir))
                .isInstanceOf(RecordExportException.class)
                .hasMessageContaining("is full")
                .hasMessageContaining("marked messages are unchanged");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMessageReferringToAnUnknownAttachmentIsRefused() {
        RecordExportRequest base = RecordFixtures.request(Classification.OPEN, true);
        RecordExportRequest broken = new RecordExportRequest(
                base.mark(),
                base.conversation(),
                base.participants(),
                MessageSource.of(RecordFixtures.messages()),
                List.of(),
                base.exportingOfficial(),
                base.authority(),
                base.zone());

        assertThatThrownBy(() -> RecordFixtures.exporter(DEVICE).export(broken, dir))
                .isInstanceOf(RecordExportException.class)
                .hasMessageContaining("att-1");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void messagesAreReadOnePassAtATimeAndEveryPassIsClosed() throws Exception {
        int[] opened = {0};
        int[] closed = {0};
        RecordExportRequest base = RecordFixtures.request(Classification.OPEN, true);
        MessageSource counting = () -> {
            opened[0]++;
            return RecordFixtures.messages().stream().onClose(() -> closed[0]++);
        };
        RecordExportRequest request = new RecordExportRequest(
                base.mark(),
                base.conversation(),
                base.participants(),
                counting,
                base.attachments(),
                base.exportingOfficial(),
                base.authority(),
                base.zone());

        RecordFixtures.exporter(DEVICE).export(request, dir);

        assertThat(opened[0]).isEqualTo(3);
        assertThat(closed[0]).isEqualTo(3);
    }
}
