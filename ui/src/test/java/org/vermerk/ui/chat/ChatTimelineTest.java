package org.vermerk.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;

/** Rows as the chat shows them, from messages as the engine stores them. */
class ChatTimelineTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";
    private static final String CARL = "carl@bmi.example";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final List<Message> stored = new ArrayList<>();

    private Message store(String id, String sender, String at, String json, String searchText, DeliveryState state) {
        Instant sent = Instant.parse(at);
        Message m = Message.of(id, "c1", null, sender, "d", sent, sent, json, searchText, state);
        stored.add(m);
        return m;
    }

    private Message text(String id, String sender, String at, String text) {
        return store(
                id,
                sender,
                at,
                "{\"v\":1,\"id\":\"" + id + "\",\"sentAt\":0,\"type\":\"text\",\"text\":\"" + text + "\"}",
                text,
                sender.equals(ANNA) ? DeliveryState.SENT : DeliveryState.RECEIVED);
    }

    private List<ChatRow.MessageRow> messageRows(List<ChatRow> rows) {
        return rows.stream()
                .filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> (ChatRow.MessageRow) r)
                .toList();
    }

    @Test
    void aDaySeparatorGoesAboveTheFirstMessageOfEachDayInTheLocalZone() {
        text("a", BEN, "2026-11-25T22:30:00Z", "spät");
        text("b", BEN, "2026-11-25T23:30:00Z", "nach Mitternacht in Berlin");
        text("c", ANNA, "2026-11-26T08:00:00Z", "Guten Morgen");
        List<ChatRow> rows = ChatTimeline.rows(stored, ANNA, false, BERLIN);
        assertThat(rows).extracting(ChatRow::key).containsExactly("day:2026-11-25", "a", "day:2026-11-26", "b", "c");
        assertThat(rows.get(2)).isEqualTo(new ChatRow.Day(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void inGroupsTheSenderIsNamedAboveTheFirstOfARunAndOwnMessagesAreMarked() {
        text("a", BEN, "2026-11-26T08:00:00Z", "eins");
        text("b", BEN, "2026-11-26T08:01:00Z", "zwei");
        text("c", CARL, "2026-11-26T08:02:00Z", "drei");
        text("d", ANNA, "2026-11-26T08:03:00Z", "vier");
        text("e", BEN, "2026-11-26T08:04:00Z", "fünf");
        List<ChatRow.MessageRow> rows = messageRows(ChatTimeline.rows(stored, ANNA, true, BERLIN));
        assertThat(rows).extracting(ChatRow.MessageRow::senderLabel).containsExactly(BEN, null, CARL, null, BEN);
        assertThat(rows).extracting(ChatRow.MessageRow::own).containsExactly(false, false, false, true, false);
        assertThat(messageRows(ChatTimeline.rows(stored, ANNA, false, BERLIN)))
                .as("1:1 names nobody")
                .extracting(ChatRow.MessageRow::senderLabel)
                .containsOnlyNulls();
    }

    @Test
    void editsDeletionsReactionsAndRepliesAreShownOnTheirTargetAndReceiptsNotAtAll() {
        text("a", ANNA, "2026-11-26T08:00:00Z", "Sitzung um 9");
        store(
                "b",
                ANNA,
                "2026-11-26T08:01:00Z",
                "{\"v\":1,\"id\":\"b\",\"sentAt\":0,\"type\":\"edit\",\"target\":\"a\",\"text\":\"Sitzung um 10\"}",
                "Sitzung um 10",
                DeliveryState.SENT);
        // A received edit has replaced its target's content (the engine stores it so).
        Instant at = Instant.parse("2026-11-26T08:02:00Z");
        stored.add(new Message(
                "c",
                "c1",
                3L,
                BEN,
                "d",
                at,
                at,
                "{\"v\":1,\"id\":\"x\",\"sentAt\":0,\"type\":\"edit\",\"target\":\"c\",\"text\":\"Raum 3.114\"}",
                "Raum 3.114",
                DeliveryState.RECEIVED,
                at));
        store(
                "d",
                BEN,
                "2026-11-26T08:03:00Z",
                "{\"v\":1,\"id\":\"y\",\"sentAt\":0,\"type\":\"delete\",\"target\":\"d\"}",
                null,
                DeliveryState.RECEIVED);
        store(
                "e",
                BEN,
                "2026-11-26T08:04:00Z",
                "{\"v\":1,\"id\":\"e\",\"sentAt\":0,\"type\":\"reaction\",\"target\":\"a\",\"emoji\":\"👍\"}",
                null,
                DeliveryState.RECEIVED);
        store(
                "f",
                ANNA,
                "2026-11-26T08:05:00Z",
                "{\"v\":1,\"id\":\"f\",\"sentAt\":0,\"type\":\"receipt\",\"status\":\"read\",\"targets\":[\"c\"]}",
                null,
                DeliveryState.SENT);
        store(
                "g",
                BEN,
                "2026-11-26T08:06:00Z",
                "{\"v\":1,\"id\":\"g\",\"sentAt\":0,\"type\":\"text\",\"text\":\"Passt\",\"replyTo\":\"a\"}",
                "Passt",
                DeliveryState.RECEIVED);

        List<ChatRow.MessageRow> rows = messageRows(ChatTimeline.rows(stored, ANNA, false, BERLIN));
        assertThat(rows).extracting(ChatRow.MessageRow::id).containsExactly("a", "c", "d", "g");
        assertThat(rows.get(0).text()).isEqualTo("Sitzung um 10");
        assertThat(rows.get(0).edited()).isTrue();
        assertThat(rows.get(0).reactions()).isEqualTo("👍");
        assertThat(rows.get(0).state()).isEqualTo(DeliveryState.SENT);
        assertThat(rows.get(1).text()).isEqualTo("Raum 3.114");
        assertThat(rows.get(1).edited()).isTrue();
        assertThat(rows.get(2).deleted()).isTrue();
        assertThat(rows.get(3).replyTo()).isEqualTo("Sitzung um 10");
    }

    @Test
    void theListDiffReplacesOnlyWhatChanged() {
        List<String> shown = new ArrayList<>(List.of("a", "b", "c"));
        List<String> calls = new ArrayList<>();
        javafx.collections.ObservableList<String> list = javafx.collections.FXCollections.observableList(shown);
        list.addListener((javafx.collections.ListChangeListener<String>) c -> {
            while (c.next()) {
                calls.add(c.getFrom() + ":" + c.getRemovedSize() + "->" + c.getAddedSize());
            }
        });
        RowDiff.apply(list, List.of("a", "b", "c", "d"));
        RowDiff.apply(list, List.of("x", "y", "a", "b", "c", "d"));
        RowDiff.apply(list, List.of("x", "y", "a", "B", "c", "d"));
        assertThat(list).containsExactly("x", "y", "a", "B", "c", "d");
        assertThat(calls).containsExactly("3:0->1", "0:0->2", "3:1->1");
    }

    @Test
    void aDeviceThatJoinedLaterShowsTheNoteThatEarlierMessagesAreMissingAsANoticeRow() {
        store(
                "n",
                ANNA,
                "2026-11-26T08:00:00Z",
                "{\"v\":1,\"id\":\"n\",\"sentAt\":0,\"type\":\"history-note\"}",
                null,
                DeliveryState.RECEIVED);
        text("a", BEN, "2026-11-26T08:01:00Z", "neu");
        List<ChatRow.MessageRow> rows = messageRows(ChatTimeline.rows(stored, ANNA, false, BERLIN));
        assertThat(rows)
                .extracting(ChatRow.MessageRow::kind)
                .containsExactly(ChatRow.Kind.HISTORY_NOTE, ChatRow.Kind.TEXT);
    }

    private void reaction(String id, String sender, String target, String emoji) {
        store(
                id,
                sender,
                "2026-11-26T09:00:00Z",
                "{\"v\":1,\"id\":\"" + id + "\",\"sentAt\":0,\"type\":\"reaction\",\"target\":\"" + target
                        + "\",\"emoji\":\"" + emoji + "\"}",
                null,
                sender.equals(ANNA) ? DeliveryState.SENT : DeliveryState.RECEIVED);
    }

    @Test
    void aReactionCountsThePeopleWhoGaveItNotHowOftenTheyPressedIt() {
        text("a", BEN, "2026-11-26T08:00:00Z", "Vorlage fertig");
        reaction("r1", ANNA, "a", "👍");
        reaction("r2", ANNA, "a", "👍");
        reaction("r3", CARL, "a", "👍");
        reaction("r4", CARL, "a", "❓");
        List<ChatRow.MessageRow> rows = messageRows(ChatTimeline.rows(stored, ANNA, true, BERLIN));
        assertThat(rows)
                .singleElement()
                .extracting(ChatRow.MessageRow::reactions)
                .isEqualTo("👍 2  ❓");
    }
}
