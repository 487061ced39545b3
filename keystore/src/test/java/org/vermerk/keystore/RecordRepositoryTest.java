package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record marks over ranges: the marked versions are kept, changes are audited field by field,
 * exported marks are kept as filed, and marked messages cannot be deleted locally.
 */
class RecordRepositoryTest {
    @TempDir
    Path dir;

    private final KeystoreTest.MutableClock clock = new KeystoreTest.MutableClock();

    private Keystore create() throws KeystoreException {
        return Keystore.create(
                dir, TestStores.passphrase(), TestStores.options().withClock(clock));
    }

    private static void seed(Keystore store) throws KeystoreException {
        Transition.Builder t = Transition.forConversation("c1")
                .createConversation(TestStores.conversation("c1", "Haushalt 2027"))
                .groupState(0, 0, 1, TestStores.state("epoch-0"));
        for (int i = 1; i <= 5; i++) {
            t.addMessage(TestStores.message("c1", "m" + i, i, "Nachricht " + i));
        }
        store.apply(t.build());
        store.apply(Transition.forConversation("c2")
                .createConversation(TestStores.conversation("c2", "Andere"))
                .groupState(0, 0, 1, TestStores.state("epoch-0"))
                .addMessage(TestStores.message("c2", "x1", 1, "anderswo"))
                .build());
    }

    private static RecordMark.New range(String id, String first, String last) {
        return new RecordMark.New(id, "c1", first, last, "12-345/2026", "Haushalt", "Notiz", true, "VS-NfD", "anna");
    }

    @Test
    void aRangeKeepsItsMessagesAsMarkedWhileTheyChangeLater() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.apply(Transition.forConversation("c1")
                    .editMessage("m2", "{\"text\":\"vorher\"}", "vorher", clock.instant())
                    .build());
            clock.advance(Duration.ofMinutes(1));
            RecordMark mark = store.records().mark(range("r1", "m2", "m4"));
            assertThat(mark.messageCount()).isEqualTo(3);
            assertThat(mark.classification()).isEqualTo("VS-NfD");
            clock.advance(Duration.ofMinutes(1));
            store.apply(Transition.forConversation("c1")
                    .editMessage("m3", "{\"text\":\"nachher\"}", "nachher", clock.instant())
                    .build());

            List<MarkedMessage> messages = store.records().markedMessages("r1", 0, 10);
            assertThat(messages).extracting(MarkedMessage::messageId).containsExactly("m2", "m3", "m4");
            assertThat(messages.get(0).markedContent()).contains("vorher");
            assertThat(messages.get(0).revisionsBeforeMark())
                    .singleElement()
                    .extracting(MessageRevision::content)
                    .asString()
                    .contains("Nachricht 2");
            assertThat(messages.get(0).changedAfterMark()).isFalse();
            assertThat(messages.get(1).markedContent()).contains("Nachricht 3");
            assertThat(messages.get(1).currentContent()).contains("nachher");
            assertThat(messages.get(1).revisionsBeforeMark()).isEmpty();
            assertThat(messages.get(1).changedAfterMark()).isTrue();
            // An edit that arrives after the mark but carries an earlier time (the sender's clock)
            // is still a later change, not an earlier version.
            store.apply(Transition.forConversation("c1")
                    .editMessage(
                            "m4",
                            "{\"text\":\"spaet\"}",
                            "spaet",
                            clock.instant().minus(Duration.ofHours(1)))
                    .build());
            MarkedMessage m4 = store.records().markedMessages("r1", 2, 1).getFirst();
            assertThat(m4.revisionsBeforeMark()).isEmpty();
            assertThat(m4.markedContent()).contains("Nachricht 4");
            assertThat(m4.changedAfterMark()).isTrue();
            assertThat(store.records().markedMessages("r1", 1, 1))
                    .extracting(MarkedMessage::messageId)
                    .containsExactly("m3");
            assertThat(store.records().marksOf("m3")).extracting(RecordMark::id).containsExactly("r1");
            assertThat(store.records().marksOf("m5")).isEmpty();
            assertThatThrownBy(() -> store.messages().deleteLocally("m3", clock.instant()))
                    .isInstanceOf(KeystoreException.class);
        }
    }

    @Test
    void rangesThatCannotBeMarkedAreRefusedAndLeaveNothing() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            assertThatThrownBy(() -> store.records().mark(range("r1", "m4", "m2")))
                    .isInstanceOf(RecordMarkRangeException.class);
            assertThatThrownBy(() -> store.records().mark(range("r1", "m1", "x1")))
                    .isInstanceOf(RecordMarkRangeException.class);
            assertThatThrownBy(() -> store.records().mark(range("r1", "m1", "nope")))
                    .isInstanceOf(RecordMarkRangeException.class);
            store.messages().deleteLocally("m5", clock.instant());
            assertThatThrownBy(() -> store.records().mark(range("r1", "m5", "m5")))
                    .isInstanceOf(RecordMarkRangeException.class);
            assertThat(store.records().list(RecordMark.Query.all())).isEmpty();
            assertThat(store.records().auditLog("r1")).isEmpty();
        }
    }

    @Test
    void changesAreAuditedPerFieldUntilExportThenRefused() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.records().mark(range("r1", "m1", "m1"));
            clock.advance(Duration.ofMinutes(5));
            RecordMark changed = store.records()
                    .change("r1", new RecordMark.Fields("12-346/2026", "Haushalt", null, false), "bernd");
            assertThat(changed.fileReference()).isEqualTo("12-346/2026");
            assertThat(changed.note()).isNull();
            assertThat(changed.includeAttachments()).isFalse();
            store.records().change("r1", new RecordMark.Fields("12-346/2026", "Haushalt", null, false), "bernd");
            store.records().markExported("r1", "export-1.zip", "anna");

            assertThat(store.records().auditLog("r1"))
                    .extracting(
                            AuditEntry::action,
                            AuditEntry::actor,
                            AuditEntry::field,
                            AuditEntry::oldValue,
                            AuditEntry::newValue)
                    .containsExactly(
                            tuple(AuditEntry.Action.MARKED, "anna", null, null, null),
                            tuple(AuditEntry.Action.CHANGED, "bernd", "fileReference", "12-345/2026", "12-346/2026"),
                            tuple(AuditEntry.Action.CHANGED, "bernd", "note", "Notiz", null),
                            tuple(AuditEntry.Action.CHANGED, "bernd", "includeAttachments", "true", "false"),
                            tuple(AuditEntry.Action.EXPORTED, "anna", null, null, null));
            assertThat(store.records().auditLog("r1").get(1).at()).isEqualTo(clock.instant());
            assertThatThrownBy(() -> store.records().change("r1", new RecordMark.Fields("x", "y", null, true), "anna"))
                    .isInstanceOf(RecordMarkExportedException.class);
            assertThatThrownBy(() -> store.records().revoke("r1", "anna"))
                    .isInstanceOf(RecordMarkExportedException.class);
            assertThat(store.records().find("r1").orElseThrow().fileReference()).isEqualTo("12-346/2026");
        }
    }

    @Test
    void listFiltersByStateConversationFileReferenceAndTime() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            Instant start = clock.instant();
            store.records().mark(range("r1", "m1", "m2"));
            clock.advance(Duration.ofHours(1));
            store.records()
                    .mark(new RecordMark.New("r2", "c2", "x1", "x1", "99-1/2026", "Anders", null, false, null, "anna"));
            clock.advance(Duration.ofHours(1));
            store.records().mark(range("r3", "m3", "m3"));
            store.records().markExported("r3", "e.zip", "anna");
            store.records().revoke("r1", "anna");

            assertThat(store.records().list(RecordMark.Query.all()))
                    .extracting(RecordMark::id)
                    .containsExactly("r3", "r2");
            assertThat(store.records().list(new RecordMark.Query(null, null, true, null, null, null)))
                    .extracting(RecordMark::id)
                    .containsExactly("r3", "r2", "r1");
            assertThat(store.records().list(new RecordMark.Query(null, false, false, null, null, null)))
                    .extracting(RecordMark::id)
                    .containsExactly("r2");
            assertThat(store.records().list(new RecordMark.Query(null, true, false, null, null, null)))
                    .extracting(RecordMark::id)
                    .containsExactly("r3");
            assertThat(store.records().list(new RecordMark.Query("c1", null, true, null, null, null)))
                    .extracting(RecordMark::id)
                    .containsExactly("r3", "r1");
            assertThat(store.records().list(new RecordMark.Query(null, null, true, "99-", null, null)))
                    .extracting(RecordMark::id)
                    .containsExactly("r2");
            assertThat(store.records()
                            .list(new RecordMark.Query(
                                    null, null, true, null, start.plusSeconds(60), start.plus(Duration.ofHours(2)))))
                    .extracting(RecordMark::id)
                    .containsExactly("r2");
        }
    }
}
