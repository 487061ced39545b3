package org.vermerk.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.keystore.MarkedMessage;

/**
 * How a stored, marked message becomes part of the record: which later change is noted, and how
 * the messaging layer's content is read (text, reply, anything else kept as text).
 */
class StoredMessagesTest {
    private static final Instant SENT = Instant.parse("2026-11-03T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-03T12:00:00Z");

    private static MarkedMessage marked(String current, Instant editedAt, Instant deletedAt) {
        return new MarkedMessage(
                "mark",
                0,
                "m1",
                1L,
                "anna",
                "d1",
                SENT,
                SENT,
                "{\"text\":\"vorher\"}",
                current,
                editedAt,
                deletedAt,
                List.of());
    }

    @Test
    void anUnchangedMessageHasNoLaterChange() {
        assertThat(StoredMessages.laterChange(marked("{\"text\":\"vorher\"}", null, null)))
                .isEmpty();
    }

    @Test
    void anEditAfterTheMarkIsNotedWithItsTimeAndNewText() {
        assertThat(StoredMessages.laterChange(marked("{\"text\":\"nachher\"}", LATER, null)))
                .contains(new LaterChange(LaterChange.Kind.EDITED, LATER, "nachher"));
    }

    @Test
    void aDeletionAfterTheMarkIsNotedWithoutText() {
        assertThat(StoredMessages.laterChange(marked("", null, LATER)))
                .contains(new LaterChange(LaterChange.Kind.DELETED, LATER, ""));
    }

    @Test
    void contentIsReadAsTheMessagingLayersJsonAndAnythingElseStaysText() {
        assertThat(StoredContent.parse("{\"type\":\"text\",\"text\":\"Grüße\",\"replyTo\":\"m0\",\"x\":1}"))
                .isEqualTo(new StoredContent("Grüße", Optional.of("m0")));
        assertThat(StoredContent.parse("{\"type\":\"reaction\",\"emoji\":\"👍\"}"))
                .isEqualTo(new StoredContent("", Optional.empty()));
        assertThat(StoredContent.parse("kein JSON {")).isEqualTo(new StoredContent("kein JSON {", Optional.empty()));
        assertThat(StoredContent.parse("[\"liste\"]")).isEqualTo(new StoredContent("[\"liste\"]", Optional.empty()));
        assertThat(StoredContent.parse("")).isEqualTo(new StoredContent("", Optional.empty()));
    }

    @Test
    void classificationLabelsOtherThanOpenCountAsVsNfd() {
        assertThat(RecordsMapping.classification(null)).isEqualTo(Classification.OPEN);
        assertThat(RecordsMapping.classification(" ")).isEqualTo(Classification.OPEN);
        assertThat(RecordsMapping.classification("offen")).isEqualTo(Classification.OPEN);
        assertThat(RecordsMapping.classification("VS – NUR FÜR DEN DIENSTGEBRAUCH"))
                .isEqualTo(Classification.VS_NFD);
        assertThat(RecordsMapping.classification("VS-NfD")).isEqualTo(Classification.VS_NFD);
        assertThat(RecordsMapping.classification("Unbekannt")).isEqualTo(Classification.VS_NFD);
    }
}
