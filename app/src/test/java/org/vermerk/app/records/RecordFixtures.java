package org.vermerk.app.records;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.app.records.manifest.DeviceSigner;

/** A made-up, German, classified conversation to export, and exporters with fixed time and IDs. */
public final class RecordFixtures {
    public static final Instant EXPORTED_AT = Instant.parse("2026-11-03T16:45:00Z");
    public static final Instant START = Instant.parse("2026-11-03T08:14:05Z");
    public static final String ANNA = "anna.schmidt@bmi.example";
    public static final String BERND = "bernd.weber@bmi.example";
    public static final String CLARA = "clara.oezdemir@bsi.example";
    public static final String LONG_WORD =
            "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsrat".repeat(4);

    private RecordFixtures() {}

    public static byte[] attachmentBytes() {
        return ("Entwurf der Stellungnahme zur Größenänderung der Rechenzentrumsfläche.\n"
                        + "Stand: 03.11.2026, Referat CI 3.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static AttachmentFile attachment(byte[] bytes, String name) {
        return new AttachmentFile(
                "att-1",
                name,
                "text/plain",
                bytes.length,
                Sha256.digest(bytes),
                BERND,
                START.plusSeconds(600),
                () -> new ByteArrayInputStream(bytes));
    }

    public static List<RecordedMessage> messages() {
        List<RecordedMessage> messages = new ArrayList<>();
        messages.add(RecordedMessage.plain(
                "m-0001",
                ANNA,
                START,
                START.plusSeconds(1),
                "Guten Morgen! Zur Größenänderung der Rechenzentrumsfläche: Das BSI möchte bis Freitag eine"
                        + " Stellungnahme. Können wir uns heute abstimmen?"));
        messages.add(new RecordedMessage(
                "m-0002",
                BERND,
                START.plusSeconds(300),
                START.plusSeconds(301),
                "Ja. Ich schlage 14 Uhr vor; der Entwurf hängt an. Die Fläche wächst um 240 m² – Kostenschätzung"
                        + " folgt.",
                Optional.of(new ReplyReference("m-0001", ANNA, "Guten Morgen! Zur Größenänderung …")),
                List.of(new Revision("Ja. Ich schlage 13 Uhr vor.", START.plusSeconds(420))),
                Optional.empty(),
                List.of("att-1")));
        messages.add(RecordedMessage.plain(
                "m-0003",
                CLARA,
                START.plusSeconds(900),
                START.plusSeconds(902),
                "Aus Sicht des BSI passt das. Bitte Schutzbedarf „hoch“ für Verfügbarkeit übernehmen. 👍"));
        messages.add(new RecordedMessage(
                "m-0004",
                ANNA,
                START.plusSeconds(1200),
                START.plusSeconds(1200),
                "Entscheidung: Wir zeichnen die Stellungnahme mit und übernehmen den Schutzbedarf. Zur Einordnung"
                        + " des Vorgangs: " + LONG_WORD,
                Optional.empty(),
                List.of(),
                Optional.of(new LaterChange(
                        LaterChange.Kind.EDITED, START.plus(Duration.ofHours(5)), "Entscheidung: Wir zeichnen mit.")),
                List.of()));
        return messages;
    }

    public static RecordExportRequest request(Classification classification, boolean includeAttachments) {
        byte[] bytes = attachmentBytes();
        return request(classification, includeAttachments, attachment(bytes, "Entwurf Stellungnahme Größe.txt"));
    }

    public static RecordExportRequest request(
            Classification classification, boolean includeAttachments, AttachmentFile attachment) {
        Mark mark = new Mark(
                "mark-7f3a",
                "CI 3 - 12345/6#7",
                "Größenänderung der Rechenzentrumsfläche – Abstimmung mit dem BSI",
                "Entscheidung zur Mitzeichnung; Original im Gespräch „RZ-Planung“.",
                includeAttachments,
                ANNA,
                START.plus(Duration.ofHours(3)),
                List.of(
                        new MarkEvent(START.plus(Duration.ofHours(3)), ANNA, "markiert", "", "", ""),
                        new MarkEvent(
                                START.plus(Duration.ofHours(4)),
                                ANNA,
                                "geändert",
                                "Aktenzeichen",
                                "CI 3 - 12345/6",
                                "CI 3 - 12345/6#7")));
        return new RecordExportRequest(
                mark,
                new Conversation("9f2c4e1a0b7d", "RZ-Planung", classification),
                List.of(
                        new Participant(ANNA, "Anna Schmidt", VerificationState.VERIFIED),
                        new Participant(BERND, "Bernd Weber", VerificationState.UNVERIFIED),
                        new Participant(CLARA, "Clara Özdemir", VerificationState.KEY_CHANGED)),
                MessageSource.of(messages()),
                List.of(attachment),
                new Official(ANNA, "Anna", "Schmidt", "Referat CI 3"),
                new Authority("Bundesministerium des Innern und für Heimat", "BMI"),
                ZoneId.of("Europe/Berlin"));
    }

    /** UUIDs 00000000-0000-4000-8000-000000000001, …2, … in order. */
    public static Supplier<UUID> sequentialIds() {
        long[] next = {1};
        return () -> new UUID(0x0000000000004000L, 0x8000000000000000L | next[0]++);
    }

    public static RecordExporter exporter(DeviceSigner signer) {
        return new RecordExporter(signer, Clock.fixed(EXPORTED_AT, ZoneOffset.UTC), sequentialIds(), "0.1.0-test");
    }
}
