package org.vermerk.bench.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;

/**
 * A long 1:1 history as the client would have stored it: text messages in the app's own payload
 * format ({@link Payload.Text}, so the chat renders them like any received text), alternating
 * between the two people in runs, one every {@link #SPACING} (so about 288 a day, each day under
 * its own separator), with texts of one line to a short paragraph. Own messages are READ, the
 * other's RECEIVED; each has a server position above any the real server hands out during the
 * measurement ({@link #FIRST_SERVER_SEQ}), since the store keeps server positions unique per
 * conversation. Deterministic for a seed, so every run of the driver measures the same history.
 */
final class ConversationHistory {
    /** Time between two consecutive messages. */
    static final Duration SPACING = Duration.ofMinutes(5);

    /** The first server position used; the real server's log for the conversation stays far below. */
    static final long FIRST_SERVER_SEQ = 10_000_000L;

    private static final String[] SENTENCES = {
        "Guten Morgen!",
        "Danke, passt.",
        "Können wir die Vorlage für die Sitzung am Donnerstag noch einmal durchgehen?",
        "Die Stellungnahme des Referats liegt im Entwurf vor, ich schicke sie gleich.",
        "Bitte beachten Sie die Frist: Die Mitzeichnung muss bis Freitag, 12 Uhr, erfolgen.",
        "Termin ist verschoben auf 14:30 Uhr, Raum 2.114.",
        "Ich bin heute bis 16 Uhr im Haus, danach mobil erreichbar.",
        "Zur Änderung der Verordnung gibt es noch Rückfragen aus dem Ministerium; die Übersicht"
                + " mit allen offenen Punkten hängt an, die Zuständigkeit für Punkt 3 ist noch ungeklärt.",
        "Protokoll der Besprechung ist abgelegt.",
        "Ok.",
        "Haben Sie die Zahlen für den Haushalt 2027 schon bekommen?",
        "Der Bericht geht morgen früh an die Abteilungsleitung.",
    };

    private final String conversationId;
    private final String ownUserId;
    private final String ownDeviceId;
    private final String otherUserId;
    private final String otherDeviceId;
    private final Instant first;
    private final Random random;

    private int made;
    private boolean ownTurn;

    /**
     * @param first the time of the oldest message
     * @param seed makes the history (texts, IDs, who wrote what) the same on every run
     */
    ConversationHistory(
            String conversationId,
            String ownUserId,
            String ownDeviceId,
            String otherUserId,
            String otherDeviceId,
            Instant first,
            long seed) {
        this.conversationId = conversationId;
        this.ownUserId = ownUserId;
        this.ownDeviceId = ownDeviceId;
        this.otherUserId = otherUserId;
        this.otherDeviceId = otherDeviceId;
        this.first = first;
        this.random = new Random(seed);
    }

    /** When a history of {@code count} messages must end at {@code newest}, its oldest message's time. */
    static Instant firstFor(Instant newest, int count) {
        return newest.minus(SPACING.multipliedBy(Math.max(0, count - 1)));
    }

    /** How many messages were made so far. */
    int made() {
        return made;
    }

    /** The next {@code count} messages, oldest first. */
    List<Message> next(int count) {
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(nextMessage());
        }
        return out;
    }

    private Message nextMessage() {
        if (made == 0 || random.nextInt(3) == 0) {
            ownTurn = !ownTurn; // runs of about three messages by one person
        }
        Instant at = first.plus(SPACING.multipliedBy(made));
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        Payload.Text text = new Payload.Text(id, at, text(), Optional.empty());
        Message message = Message.of(
                id,
                conversationId,
                FIRST_SERVER_SEQ + made,
                ownTurn ? ownUserId : otherUserId,
                ownTurn ? ownDeviceId : otherDeviceId,
                at,
                at,
                text.json(),
                text.searchText().orElseThrow(),
                ownTurn ? DeliveryState.READ : DeliveryState.RECEIVED);
        made++;
        return message;
    }

    /** One to three sentences, so rows are one to several lines high, as in a real chat. */
    private String text() {
        int sentences = 1 + (random.nextInt(10) == 0 ? 2 : random.nextInt(2));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(i == 0 ? "" : " ").append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        return text.toString();
    }
}
