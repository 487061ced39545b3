package org.vermerk.app.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.vermerk.keystore.Argon2Params;
import org.vermerk.keystore.Attachment;
import org.vermerk.keystore.Contact;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.Passphrase;
import org.vermerk.keystore.Transition;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * A real keystore in a temporary directory holding a made-up, classified conversation "RZ-Planung"
 * (c-rz) with five messages m1..m5 from Anna, Bernd and Clara, m2 with an attachment saved on disk,
 * m3 answering m1, and a second conversation; the clock is moved by hand.
 */
final class StoreFixture {
    static final String CONVERSATION = "c-rz";
    static final String OTHER = "c-other";
    static final Instant START = Instant.parse("2026-11-03T08:14:05Z");
    static final Official ANNA = new Official(RecordFixtures.ANNA, "Anna", "Schmidt", "Referat CI 3");

    final HandClock clock = new HandClock(START.plus(Duration.ofHours(1)));
    final Keystore store;
    final byte[] attachment = RecordFixtures.attachmentBytes();

    StoreFixture(Path dir) throws Exception {
        store = Keystore.create(
                dir.resolve("store"),
                Passphrase.of("korrekt Pferd Batterie Heftklammer".toCharArray()),
                KeystoreOptions.defaults().withKdf(new Argon2Params(1024, 1, 1)).withClock(clock));
        Transition.Builder t = Transition.forConversation(CONVERSATION)
                .createConversation(new org.vermerk.keystore.Conversation(
                        CONVERSATION,
                        Bytes.of(new byte[] {1, 2, 3}),
                        org.vermerk.keystore.Conversation.Kind.GROUP,
                        "RZ-Planung",
                        "VS – NUR FÜR DEN DIENSTGEBRAUCH",
                        START,
                        false))
                .members(List.of(
                        new Member(RecordFixtures.ANNA, Member.Role.ADMIN, START),
                        new Member(RecordFixtures.BERND, Member.Role.MEMBER, START),
                        new Member(RecordFixtures.CLARA, Member.Role.MEMBER, START)))
                .groupState(0, 0, 1, Secret.of(new byte[] {1}));
        t.addMessage(message(
                1,
                RecordFixtures.ANNA,
                "{\"type\":\"text\",\"text\":\"Guten Morgen! Zur Größenänderung"
                        + " der Rechenzentrumsfläche: Das BSI möchte bis Freitag eine Stellungnahme.\"}"));
        t.addMessage(message(2, RecordFixtures.BERND, "{\"type\":\"text\",\"text\":\"Ich schlage 13 Uhr vor.\"}"));
        t.addMessage(
                message(
                        3,
                        RecordFixtures.CLARA,
                        "{\"type\":\"text\",\"text\":\"Aus Sicht des BSI passt das. Schutzbedarf „hoch“.\",\"replyTo\":\"m1\"}"));
        t.addMessage(
                message(4, RecordFixtures.ANNA, "{\"type\":\"text\",\"text\":\"Entscheidung: Wir zeichnen mit.\"}"));
        t.addMessage(message(5, RecordFixtures.BERND, "{\"type\":\"text\",\"text\":\"Danke, erledigt.\"}"));
        store.apply(t.build());
        // Bernd corrects m2 before anyone marks it: the earlier version belongs to the record.
        store.apply(Transition.forConversation(CONVERSATION)
                .editMessage(
                        "m2",
                        "{\"type\":\"text\",\"text\":\"Ich schlage 14 Uhr vor; der Entwurf hängt an.\"}",
                        "Ich schlage 14 Uhr vor; der Entwurf hängt an.",
                        START.plusSeconds(420))
                .build());
        store.apply(Transition.forConversation(OTHER)
                .createConversation(new org.vermerk.keystore.Conversation(
                        OTHER,
                        Bytes.of(new byte[] {9}),
                        org.vermerk.keystore.Conversation.Kind.DIRECT,
                        "Bernd",
                        null,
                        START,
                        false))
                .groupState(0, 0, 1, Secret.of(new byte[] {1}))
                .addMessage(Message.of(
                        "x1",
                        OTHER,
                        1L,
                        RecordFixtures.BERND,
                        "d",
                        START,
                        START,
                        "{\"text\":\"Mittag?\"}",
                        "Mittag?",
                        DeliveryState.RECEIVED))
                .build());
        Path file = dir.resolve("Entwurf Stellungnahme Größe.txt");
        Files.write(file, attachment);
        store.messages()
                .saveAttachment(new Attachment(
                        "att-1",
                        "m2",
                        "Entwurf Stellungnahme Größe.txt",
                        "text/plain",
                        attachment.length,
                        Bytes.of(Sha256.digest(attachment).toByteArray()),
                        Secret.of(new byte[32]),
                        "blob-1",
                        file.toString(),
                        Attachment.State.DOWNLOADED));
        store.conversations()
                .saveContact(new Contact(RecordFixtures.BERND, "Bernd Weber", Contact.Trust.VERIFIED, null, START));
        store.conversations()
                .saveContact(new Contact(
                        RecordFixtures.CLARA, "Clara Özdemir", Contact.Trust.TRUSTED_ON_FIRST_USE, null, START));
    }

    private static Message message(int n, String sender, String content) {
        return Message.of(
                "m" + n,
                CONVERSATION,
                (long) n,
                sender,
                "device-" + n,
                START.plusSeconds(300L * n),
                START.plusSeconds(300L * n + 1),
                content,
                content,
                DeliveryState.RECEIVED);
    }

    RecordsContext context(boolean notice) {
        return new RecordsContext(
                ANNA,
                new Authority("Bundesministerium des Innern und für Heimat", "BMI"),
                ZoneId.of("Europe/Berlin"),
                notice);
    }

    RecordsService service(boolean notice) {
        return new RecordsService(
                store,
                RecordFixtures.exporter(TestSigners.p256("CN=Vermerk device anna.schmidt@bmi.example")),
                AttachmentContents.localFiles(),
                context(notice),
                RecordFixtures.sequentialIds());
    }

    void close() {
        store.close();
    }

    void edit(String messageId, String text, Instant at) throws KeystoreException {
        store.apply(Transition.forConversation(CONVERSATION)
                .editMessage(messageId, "{\"type\":\"text\",\"text\":\"" + text + "\"}", text, at)
                .build());
    }

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
