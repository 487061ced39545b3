package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;
import org.vermerk.keystore.internal.KeyFile;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/** Behaviour of the store through its public API; cheap Argon2id unless a test says otherwise. */
class KeystoreTest {
    @TempDir
    Path dir;

    private Keystore create() throws KeystoreException {
        return Keystore.create(dir, TestStores.passphrase(), TestStores.options());
    }

    private Keystore open() throws KeystoreException {
        return Keystore.open(dir, TestStores.passphrase(), TestStores.options());
    }

    private static void seed(Keystore store) throws KeystoreException {
        store.apply(Transition.forConversation("c1")
                .createConversation(TestStores.conversation("c1", "Haushalt 2027"))
                .members(List.of(new Member("anna.schmidt@bmi.example", Member.Role.ADMIN, Instant.EPOCH)))
                .groupState(0, 0, 1, TestStores.state("epoch-0"))
                .addMessage(TestStores.message("c1", "m1", 1, "Die Straße nach Köln ist gesperrt"))
                .build());
    }

    @Test
    void createdStoreReopensWithItsData() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.settings().put("ui.language", "de");
        }
        try (Keystore store = open()) {
            assertThat(store.conversations().find("c1").orElseThrow().title()).isEqualTo("Haushalt 2027");
            assertThat(store.conversations().members("c1")).hasSize(1);
            assertThat(TestStores.text(
                            store.conversations().groupState("c1").orElseThrow().state()))
                    .isEqualTo("epoch-0");
            assertThat(store.messages().find("m1").orElseThrow().searchText()).contains("Köln");
            assertThat(store.settings().get("ui.language")).contains("de");
        }
    }

    @Test
    void createRefusesADirectoryWithAStore() throws Exception {
        create().close();
        assertThatThrownBy(this::create).isInstanceOf(StoreAlreadyExistsException.class);
    }

    @Test
    void openOfAnEmptyDirectoryIsNotFoundAndCreatesNothing() throws Exception {
        assertThatThrownBy(this::open).isInstanceOf(StoreNotFoundException.class);
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void sameMessageIdTwiceIsStoredOnce() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            TransitionResult result = store.apply(Transition.forConversation("c1")
                    .addMessage(TestStores.message("c1", "m1", 1, "Die Straße nach Köln ist gesperrt"))
                    .addMessage(TestStores.message("c1", "m2", 2, "Danke"))
                    .build());
            assertThat(result.duplicateMessageIds()).containsExactly("m1");
            assertThat(result.storedMessageIds()).containsExactly("m2");
            assertThat(store.messages().count()).isEqualTo(2);
        }
    }

    @Test
    void staleTransitionWritesNothingAtAll() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            Transition stale = Transition.forConversation("c1")
                    .groupState(0, 1, 1, TestStores.state("epoch-1"))
                    .addMessage(TestStores.message("c1", "m9", 9, "verloren"))
                    .syncCursor("group:c1", 9)
                    .build();
            assertThatThrownBy(() -> store.apply(stale)).isInstanceOf(StaleGroupStateException.class);
            assertThat(store.messages().find("m9")).isEmpty();
            assertThat(store.sync().cursor("group:c1")).isEmpty();
            assertThat(store.conversations().groupState("c1").orElseThrow().revision())
                    .isEqualTo(1);
        }
    }

    @Test
    void batchOfTransitionsIsAllOrNothing() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            Transition good = Transition.forConversation("c1")
                    .groupState(1, 1, 1, TestStores.state("epoch-1"))
                    .addMessage(TestStores.message("c1", "m2", 2, "zwei"))
                    .build();
            Transition stale = Transition.forConversation("c1")
                    .groupState(1, 2, 1, TestStores.state("epoch-2"))
                    .build();
            assertThatThrownBy(() -> store.applyAll(List.of(good, stale))).isInstanceOf(StaleGroupStateException.class);
            assertThat(store.messages().find("m2")).isEmpty();
            assertThat(store.conversations().groupState("c1").orElseThrow().revision())
                    .isEqualTo(1);
            assertThat(store.applyAll(List.of(good))).hasSize(1);
            assertThat(store.conversations().groupState("c1").orElseThrow().revision())
                    .isEqualTo(2);
        }
    }

    @Test
    void outboxKeepsSendOrderAndAttemptsUntilAcknowledged() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            TransitionResult sent = store.apply(Transition.forConversation("c1")
                    .enqueue(new OutboxEntry.New("c1", "m1", 1, Bytes.of(new byte[] {1})))
                    .enqueue(new OutboxEntry.New("c1", null, 2, Bytes.of(new byte[] {2})))
                    .build());
            long first = sent.outboxIds().get(0);
            long second = sent.outboxIds().get(1);
            Instant later = Instant.now().plusSeconds(3600);
            store.outbox().recordAttempt(first, later);
            assertThat(store.outbox().due(Instant.now(), 10))
                    .extracting(OutboxEntry::id)
                    .containsExactly(second);
            assertThat(store.outbox().due(later, 10))
                    .extracting(OutboxEntry::id)
                    .containsExactly(first, second);
            assertThat(store.outbox().due(later, 10).getFirst().attempts()).isEqualTo(1);
            store.apply(Transition.forConversation("c1")
                    .dequeue(first)
                    .deliveryState("m1", DeliveryState.SENT)
                    .build());
            assertThat(store.outbox().size()).isEqualTo(1);
            assertThat(store.messages().find("m1").orElseThrow().deliveryState())
                    .isEqualTo(DeliveryState.SENT);
        }
    }

    @Test
    void theQueuedCountLeavesOutEntriesOfTheGivenContentTypeButNotCommitsOrUnreadableContent() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            Message receipt = Message.of(
                    "r1",
                    "c1",
                    null,
                    "anna.schmidt@bmi.example",
                    "device-1",
                    Instant.parse("2026-11-01T10:00:00Z"),
                    Instant.parse("2026-11-01T10:00:00Z"),
                    "{\"v\":1,\"type\":\"receipt\",\"status\":\"delivered\",\"targets\":[\"m1\"]}",
                    "",
                    DeliveryState.PENDING);
            Message text = TestStores.message("c1", "t1", 3, "receipt");
            Message unreadable = Message.of(
                    "u1",
                    "c1",
                    null,
                    "anna.schmidt@bmi.example",
                    "device-1",
                    Instant.parse("2026-11-01T10:00:04Z"),
                    Instant.parse("2026-11-01T10:00:04Z"),
                    "not json",
                    "",
                    DeliveryState.PENDING);
            store.apply(Transition.forConversation("c1")
                    .addMessage(receipt)
                    .addMessage(text)
                    .addMessage(unreadable)
                    .enqueue(new OutboxEntry.New("c1", "r1", 1, Bytes.of(new byte[] {1})))
                    .enqueue(new OutboxEntry.New("c1", "t1", 1, Bytes.of(new byte[] {2})))
                    .enqueue(new OutboxEntry.New("c1", "u1", 1, Bytes.of(new byte[] {3})))
                    .enqueue(new OutboxEntry.New("c1", null, 2, Bytes.of(new byte[] {4})))
                    .build());
            assertThat(store.outbox().size()).isEqualTo(4);
            assertThat(store.outbox().sizeWithout("receipt"))
                    .as("the text (whose words say receipt), the unreadable one and the commit")
                    .isEqualTo(3);
        }
    }

    @Test
    void anOwnMessageGetsItsServerPositionOnceWhenAccepted() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            Message pending = Message.of(
                    "own-1",
                    "c1",
                    null,
                    "anna.schmidt@bmi.example",
                    "device-1",
                    Instant.parse("2026-11-01T10:00:00Z"),
                    Instant.parse("2026-11-01T10:00:00Z"),
                    "{\"type\":\"text\",\"text\":\"eigene\"}",
                    "eigene",
                    DeliveryState.PENDING);
            store.apply(Transition.forConversation("c1").addMessage(pending).build());
            assertThat(store.messages().find("own-1").orElseThrow().serverSeq()).isNull();
            store.apply(Transition.forConversation("c1")
                    .deliveryState("own-1", DeliveryState.SENT)
                    .serverSeq("own-1", 7)
                    .build());
            assertThat(store.messages().find("own-1").orElseThrow().serverSeq()).isEqualTo(7L);
            // a resend answered as a duplicate does not move it
            store.apply(Transition.forConversation("c1").serverSeq("own-1", 9).build());
            assertThat(store.messages().find("own-1").orElseThrow().serverSeq()).isEqualTo(7L);
        }
    }

    @Test
    void lastResortKeyPackageSurvivesUseAndIdentityIsStoredOnce() throws Exception {
        try (Keystore store = create()) {
            Bytes ref = Bytes.of(new byte[] {9});
            store.identity()
                    .addKeyPackage(new KeyPackageEntry(ref, Bytes.of(new byte[] {2}), Secret.of(new byte[] {3}), true));
            store.apply(Transition.forConversation("c9")
                    .createConversation(TestStores.conversation("c9", "Neu"))
                    .consumeKeyPackage(ref)
                    .build());
            assertThat(store.identity().keyPackage(ref)).isPresent();
            DeviceIdentity identity = new DeviceIdentity(
                    "anna.schmidt@bmi.example",
                    "device-1",
                    1,
                    Bytes.of(new byte[] {1}),
                    Bytes.of(new byte[] {2}),
                    Secret.of(new byte[] {3, 4}),
                    Instant.EPOCH);
            store.identity().saveDeviceIdentity(identity);
            assertThatThrownBy(() -> store.identity().saveDeviceIdentity(identity))
                    .isInstanceOf(KeystoreException.class);
            assertThat(store.identity().deviceIdentity().orElseThrow().signaturePrivateKey())
                    .isEqualTo(Secret.of(new byte[] {3, 4}));
            assertThat(identity.toString()).doesNotContain("3, 4").contains("Secret[***]");
        }
    }

    @Test
    void contactsAndSettingsRoundTrip() throws Exception {
        try (Keystore store = create()) {
            Contact bernd = new Contact(
                    "bernd@bmi.example",
                    "Bernd Beispiel",
                    Contact.Trust.VERIFIED,
                    Bytes.of(new byte[] {7}),
                    Instant.EPOCH);
            store.conversations().saveContact(bernd);
            assertThat(store.conversations().contact("bernd@bmi.example")).contains(bernd);
            assertThat(bernd.toString()).doesNotContain("Bernd Beispiel");
            store.settings().put("ui.language", "en");
            store.settings().remove("ui.language");
            assertThat(store.settings().get("ui.language")).isEmpty();
        }
    }

    @Test
    void oldEpochSecretsAndUsedKeyPackagesAreDeleted() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.identity()
                    .addKeyPackage(new KeyPackageEntry(
                            Bytes.of(new byte[] {1}), Bytes.of(new byte[] {2}), Secret.of(new byte[] {3}), false));
            for (int epoch = 1; epoch <= 5; epoch++) {
                store.apply(Transition.forConversation("c1")
                        .epochSecrets(epoch, TestStores.state("secrets-" + epoch))
                        .groupState(epoch, epoch, 1, TestStores.state("epoch-" + epoch))
                        .consumeKeyPackage(Bytes.of(new byte[] {1}))
                        .build());
            }
            // window 2: epochs 3, 4, 5 stay
            assertThat(store.conversations().epochSecrets("c1", 2)).isEmpty();
            assertThat(store.conversations().epochSecrets("c1", 3)).isPresent();
            assertThat(store.identity().keyPackage(Bytes.of(new byte[] {1}))).isEmpty();
        }
    }

    @Test
    void searchFoldsCaseAndGermanDiacriticsAndMatchesPrefixes() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.apply(Transition.forConversation("c1")
                    .addMessage(TestStores.message("c1", "m2", 2, "Übermorgen Sitzung im Ministerium"))
                    .build());
            assertThat(store.messages().search("koln", null, 10))
                    .singleElement()
                    .satisfies(hit -> {
                        assertThat(hit.messageId()).isEqualTo("m1");
                        assertThat(hit.conversationId()).isEqualTo("c1");
                        SearchHit.Highlight h = hit.highlights().getFirst();
                        assertThat(hit.snippet().substring(h.start(), h.end())).isEqualTo("Köln");
                    });
            assertThat(store.messages().search("ubermorgen minis", null, 10))
                    .extracting(SearchHit::messageId)
                    .containsExactly("m2");
            assertThat(store.messages().search("uberm ministerium", null, 10))
                    .isEmpty(); // only the last word is a prefix
            assertThat(store.messages().search("STRASSE", null, 10)).isEmpty(); // ß is not folded to ss
            assertThat(store.messages().search("straße", "c1", 10)).hasSize(1);
            assertThat(store.messages().search("\" OR * NEAR(", null, 10)).isEmpty(); // no FTS syntax
            store.messages().optimizeSearchIndex();
            assertThat(store.messages().search("koln", null, 10)).hasSize(1);
        }
    }

    @Test
    void pagesGoBothWaysAndTextsAfterTheLastShownAreCounted() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            Transition.Builder more = Transition.forConversation("c1");
            for (int i = 2; i <= 5; i++) {
                more.addMessage(TestStores.message("c1", "m" + i, i, "Nachricht " + i));
            }
            store.apply(more.build());
            assertThat(store.messages().page("c1", "m4", 2))
                    .extracting(Message::id)
                    .containsExactly("m2", "m3");
            assertThat(store.messages().pageAfter("c1", "m2", 2))
                    .extracting(Message::id)
                    .containsExactly("m3", "m4");
            assertThat(store.messages().pageAfter("c1", "m5", 2)).isEmpty();
            assertThat(store.messages().countTextsAfter("c1", null, "ben.weber@bmi.example"))
                    .isEqualTo(5);
            assertThat(store.messages().countTextsAfter("c1", "m3", "ben.weber@bmi.example"))
                    .isEqualTo(2);
            assertThat(store.messages().countTextsAfter("c1", null, "anna.schmidt@bmi.example"))
                    .as("own messages are never unread")
                    .isZero();
        }
    }

    @Test
    void editKeepsTheOldTextAndUpdatesSearch() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.apply(Transition.forConversation("c1")
                    .editMessage(
                            "m1", "{\"text\":\"Die Brücke ist gesperrt\"}", "Die Brücke ist gesperrt", Instant.EPOCH)
                    .build());
            assertThat(store.messages().revisions("m1"))
                    .singleElement()
                    .asString()
                    .contains("Köln");
            assertThat(store.messages().search("koln", null, 10)).isEmpty();
            assertThat(store.messages().search("brucke", null, 10)).hasSize(1);
        }
    }

    /**
     * New messages enter the index once per transition, not by a trigger (schema migration 5). A
     * batch with duplicates and a message edited in the next transition of the same batch: FTS5's
     * integrity check against the messages table passes (it fails on a row indexed twice, missing or
     * with stale text; it requires every row to be indexed, so it runs before any message without
     * search text exists). Then a message without search text and a local deletion: the index
     * equals the one FTS5 rebuilds from the messages table.
     */
    @Test
    void searchIndexMatchesTheMessagesAfterBatchesDuplicatesEditsAndDeletions() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.applyAll(List.of(
                    Transition.forConversation("c1")
                            .addMessage(TestStores.message("c1", "m1", 1, "Die Straße nach Köln ist gesperrt"))
                            .addMessage(TestStores.message("c1", "m2", 2, "Grüße aus Bonn"))
                            .build(),
                    Transition.forConversation("c1")
                            .addMessage(TestStores.message("c1", "m4", 4, "Haushalt Entwurf"))
                            .editMessage("m2", "{\"text\":\"Grüße aus Berlin\"}", "Grüße aus Berlin", Instant.EPOCH)
                            .build()));
            store.apply(Transition.forConversation("c1")
                    .addMessage(TestStores.message("c1", "m4", 4, "Haushalt Entwurf"))
                    .addMessage(TestStores.message("c1", "m5", 5, "Entwurf zur Sitzung"))
                    .build());
            store.database()
                    .write(c -> c.createStatement()
                            .executeUpdate(
                                    "INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)"));

            Message reaction = Message.of(
                    "m3",
                    "c1",
                    3L,
                    "anna.schmidt@bmi.example",
                    "device-1",
                    Instant.EPOCH,
                    Instant.EPOCH,
                    "{\"type\":\"reaction\"}",
                    null,
                    DeliveryState.RECEIVED);
            store.apply(Transition.forConversation("c1").addMessage(reaction).build());
            store.messages().deleteLocally("m5", Instant.EPOCH);

            assertThat(store.messages().search("bonn", null, 10)).isEmpty();
            assertThat(store.messages().search("berlin", null, 10))
                    .extracting(SearchHit::messageId)
                    .containsExactly("m2");
            assertThat(store.messages().search("entwurf", null, 10))
                    .extracting(SearchHit::messageId)
                    .containsExactly("m4");
            assertThat(store.messages().search("koln", null, 10))
                    .extracting(SearchHit::messageId)
                    .containsExactly("m1");
            List<String> written = searchVocabulary(store);
            assertThat(written).contains("berlin 1 1", "entwurf 1 1").noneMatch(row -> row.startsWith("bonn "));
            store.database()
                    .write(c -> c.createStatement()
                            .executeUpdate("INSERT INTO message_search (message_search) VALUES ('rebuild')"));
            assertThat(searchVocabulary(store)).isEqualTo(written);
        }
    }

    /** Each indexed term with the number of messages and of occurrences (FTS5 {@code fts5vocab}). */
    private static List<String> searchVocabulary(Keystore store) throws KeystoreException {
        return store.database().write(c -> {
            try (var s = c.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary"
                        + " USING fts5vocab(main, message_search, 'row')");
                List<String> rows = new java.util.ArrayList<>();
                try (var r = s.executeQuery("SELECT term, doc, cnt FROM temp.search_vocabulary ORDER BY term")) {
                    while (r.next()) {
                        rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getLong(3));
                    }
                }
                return rows;
            }
        });
    }

    @Test
    void recordAuditLogIsAppendOnlyAndMarkedMessagesCannotBeDeleted() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            store.records()
                    .mark(new RecordMark.New(
                            "r1", "c1", "m1", "m1", "AZ 12-345", "Sperrung", null, true, null, "anna"));
            store.records().markExported("r1", "xdomea-1", "anna");
            assertThat(store.records().auditLog("r1"))
                    .extracting(AuditEntry::action)
                    .containsExactly(AuditEntry.Action.MARKED, AuditEntry.Action.EXPORTED);
            assertThatThrownBy(() -> store.messages().deleteLocally("m1", Instant.EPOCH))
                    .isInstanceOf(KeystoreException.class);
            assertThatThrownBy(() ->
                            store.database().write(c -> c.createStatement().executeUpdate("DELETE FROM record_audit")))
                    .isInstanceOf(KeystoreException.class);
            assertThat(store.records().auditLog("r1")).hasSize(2);
        }
    }

    @Test
    void wrongPassphraseIsTypedCountedAndThrottledAcrossRestarts() throws Exception {
        MutableClock clock = new MutableClock();
        KeystoreOptions options = TestStores.options().withClock(clock);
        Keystore.create(dir, TestStores.passphrase(), options).close();
        for (int i = 1; i <= 3; i++) {
            int attempt = i;
            assertThatThrownBy(() -> Keystore.open(dir, TestStores.passphrase("falsch"), options))
                    .isInstanceOfSatisfying(
                            WrongPassphraseException.class,
                            e -> assertThat(e.failedAttempts()).isEqualTo(attempt));
        }
        // the fourth attempt is refused outright until the delay has passed, even with the right one
        assertThatThrownBy(() -> Keystore.open(dir, TestStores.passphrase(), options))
                .isInstanceOfSatisfying(
                        UnlockThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> Keystore.open(dir, TestStores.passphrase("falsch"), options))
                .isInstanceOfSatisfying(
                        WrongPassphraseException.class,
                        e -> assertThat(e.nextAttemptDelay()).isEqualTo(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        try (Keystore store = Keystore.open(dir, TestStores.passphrase(), options)) {
            assertThat(store.storeId().size()).isEqualTo(16);
        }
        assertThat(Files.exists(dir.resolve(Keystore.THROTTLE_FILE))).isFalse();
    }

    @Test
    void changedPassphraseRewrapsOnlyTheKey() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            byte[] before = Files.readAllBytes(dir.resolve(Keystore.DATABASE_FILE));
            store.changePassphrase(TestStores.passphrase(), TestStores.passphrase("neues Passwort 2027"));
            assertThat(Files.readAllBytes(dir.resolve(Keystore.DATABASE_FILE))).isEqualTo(before);
            assertThatThrownBy(
                            () -> store.changePassphrase(TestStores.passphrase("falsch"), TestStores.passphrase("x")))
                    .isInstanceOf(WrongPassphraseException.class);
        }
        assertThatThrownBy(this::open).isInstanceOf(WrongPassphraseException.class);
        Keystore.open(dir, TestStores.passphrase("neues Passwort 2027"), TestStores.options())
                .close();
    }

    @Test
    void weakerStoredKdfParametersAreUpgradedAtUnlock() throws Exception {
        Keystore.create(dir, TestStores.passphrase(), TestStores.options().withKdf(new Argon2Params(512, 1, 1)))
                .close();
        open().close();
        KeyFile keyFile = KeyFile.read(dir.resolve(Keystore.KEY_FILE));
        assertThat(PassphraseProtector.parametersOf(keyFile.slots().getFirst())).isEqualTo(TestStores.CHEAP_KDF);
        open().close();
    }

    @Test
    void defaultKdfIsArgon2id64MiB3Passes1Lane() throws Exception {
        // This test is about the KDF: it runs the real default parameters.
        Keystore.create(dir, TestStores.passphrase(), KeystoreOptions.defaults())
                .close();
        KeyFile keyFile = KeyFile.read(dir.resolve(Keystore.KEY_FILE));
        assertThat(PassphraseProtector.parametersOf(keyFile.slots().getFirst()))
                .isEqualTo(new Argon2Params(65536, 3, 1));
        Keystore.open(dir, TestStores.passphrase(), KeystoreOptions.defaults()).close();
    }

    @Test
    void damagedKeyFileIsAClearErrorAndNothingIsRewritten() throws Exception {
        create().close();
        Path keyFile = dir.resolve(Keystore.KEY_FILE);
        byte[] original = Files.readAllBytes(keyFile);
        Files.write(keyFile, java.util.Arrays.copyOf(original, original.length - 10));
        assertThatThrownBy(this::open).isInstanceOf(StoreCorruptedException.class);
        assertThat(Files.size(keyFile)).isEqualTo(original.length - 10);
        Files.write(keyFile, original);
        open().close();
    }

    @Test
    void truncatedDatabaseIsAClearErrorAndIsNotRepaired() throws Exception {
        try (Keystore store = create()) {
            seed(store);
            for (int i = 0; i < 50; i++) {
                store.apply(Transition.forConversation("c1")
                        .addMessage(TestStores.message("c1", "x" + i, 100 + i, "Fülltext ".repeat(200)))
                        .build());
            }
        }
        Path db = dir.resolve(Keystore.DATABASE_FILE);
        long size = Files.size(db);
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.setLength(size / 2);
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreCorruptedException.class);
        assertThat(Files.size(db)).isEqualTo(size / 2);
    }

    @Test
    void overwrittenDatabasePageIsAClearError() throws Exception {
        try (Keystore store = create()) {
            seed(store);
        }
        Path db = dir.resolve(Keystore.DATABASE_FILE);
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.seek(100);
            file.write(new byte[64]);
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreCorruptedException.class);
    }

    @Test
    void fullStoreRollsBackTheTransitionAndStaysReadable() throws Exception {
        // SQLite's max_page_count gives a genuine SQLITE_FULL through the real write path.
        KeystoreOptions capped = TestStores.options().withMaxDatabaseBytes(48 * 4096);
        try (Keystore store = Keystore.create(dir, TestStores.passphrase(), capped)) {
            seed(store);
            Transition.Builder big = Transition.forConversation("c1").syncCursor("group:c1", 99);
            for (int i = 0; i < 100; i++) {
                big.addMessage(TestStores.message("c1", "big" + i, 1000 + i, "Langer Text ".repeat(300)));
            }
            assertThatThrownBy(() -> store.apply(big.build())).isInstanceOf(StoreFullException.class);
            assertThat(store.messages().count()).isEqualTo(1);
            assertThat(store.sync().cursor("group:c1")).isEmpty();
            store.apply(Transition.forConversation("c1")
                    .addMessage(TestStores.message("c1", "small", 2, "kurz"))
                    .build());
        }
        try (Keystore store = open()) {
            assertThat(store.messages().count()).isEqualTo(2);
            store.checkIntegrity();
        }
    }

    @Test
    void storeOpenInAnotherProcessIsReportedAsLocked() throws Exception {
        create().close();
        Process holder = TestStores.startChild("hold", dir.toString());
        try {
            var lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("OPEN");
            assertThatThrownBy(this::open).isInstanceOf(StoreLockedException.class);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        open().close();
    }

    @Test
    void secondOpenInTheSameProcessIsLocked() throws Exception {
        try (Keystore store = create()) {
            assertThatThrownBy(this::open).isInstanceOf(StoreLockedException.class);
        }
    }

    @Test
    void fileIsSqlCipher4ReadableWithTheRawKeyAlone() throws Exception {
        try (Keystore store = create()) {
            seed(store);
        }
        KeyFile keyFile = KeyFile.read(dir.resolve(Keystore.KEY_FILE));
        Secret key = new PassphraseProtector(
                        TestStores.passphrase(), TestStores.CHEAP_KDF, new java.security.SecureRandom())
                .unwrap(keyFile.slots().getFirst(), keyFile.header())
                .orElseThrow();
        String url = "jdbc:sqlite:" + dir.resolve(Keystore.DATABASE_FILE);
        // Only the driver, the SQLCipher 4 defaults and the raw key: none of the store's code.
        try (Connection c = SQLiteMCSqlCipherConfig.getV4Defaults()
                        .withRawUnsaltedKey(key.expose())
                        .build()
                        .createConnection(url);
                var rows = c.createStatement().executeQuery("SELECT title FROM conversations")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("Haushalt 2027");
        }
        byte[] wrong = key.expose();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> {
                    try (Connection c = SQLiteMCSqlCipherConfig.getV4Defaults()
                            .withRawUnsaltedKey(wrong)
                            .build()
                            .createConnection(url)) {
                        c.createStatement().executeQuery("SELECT title FROM conversations");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SQLITE_NOTADB");
    }

    @Test
    void backupRestoresOnAnotherMachineWithTheSamePassphrase(@TempDir Path elsewhere) throws Exception {
        Path backup = elsewhere.resolve("umzug.vmbak");
        try (Keystore store = create()) {
            seed(store);
            store.backup(backup);
        }
        Path newMachine = elsewhere.resolve("new-device");
        assertThatThrownBy(() ->
                        Keystore.restore(backup, newMachine, TestStores.passphrase("falsch"), TestStores.options()))
                .isInstanceOf(WrongPassphraseException.class);
        try (Keystore restored = Keystore.restore(backup, newMachine, TestStores.passphrase(), TestStores.options())) {
            assertThat(restored.messages().find("m1")).isPresent();
            assertThat(restored.messages().search("koln", null, 5)).hasSize(1);
        }
    }

    @Test
    void tamperedBackupIsRefusedBeforeAnythingIsWritten(@TempDir Path elsewhere) throws Exception {
        Path backup = elsewhere.resolve("umzug.vmbak");
        try (Keystore store = create()) {
            seed(store);
            store.backup(backup);
        }
        try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
            file.seek(file.length() - 100);
            file.write(0x55);
        }
        Path newMachine = elsewhere.resolve("new-device");
        assertThatThrownBy(() -> Keystore.restore(backup, newMachine, TestStores.passphrase(), TestStores.options()))
                .isInstanceOf(StoreCorruptedException.class);
        assertThat(Files.exists(newMachine.resolve(Keystore.DATABASE_FILE))).isFalse();
    }

    @Test
    void forwardSecrecyAndNoTempFilePragmasAreOn() throws Exception {
        try (Keystore store = create()) {
            assertThat(pragma(store, "secure_delete")).isEqualTo("1");
            assertThat(pragma(store, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(store, "temp_store")).isEqualTo("2"); // memory
            assertThat(pragma(store, "synchronous")).isEqualTo("2"); // full
            assertThat(pragma(store, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(store, "locking_mode")).isEqualTo("exclusive");
        }
    }

    private static String pragma(Keystore store, String name) throws KeystoreException {
        return store.database().read(c -> {
            try (var rows = c.createStatement().executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    @Test
    void missingKeyFileBesideADatabaseIsCorruptionNotAnEmptyStore() throws Exception {
        create().close();
        Files.delete(dir.resolve(Keystore.KEY_FILE));
        assertThatThrownBy(this::open).isInstanceOf(StoreCorruptedException.class);
        assertThatThrownBy(this::create).isInstanceOf(StoreAlreadyExistsException.class);
    }

    @Test
    void keyFileOfANewerFormatIsRefusedAsNewer() throws Exception {
        create().close();
        Path keyFile = dir.resolve(Keystore.KEY_FILE);
        byte[] content = Files.readAllBytes(keyFile);
        content[17] = 2; // format version (u16 after the 16-byte magic)
        Files.write(keyFile, content);
        assertThatThrownBy(this::open).isInstanceOf(StoreVersionException.class);
    }

    @Test
    void changedKdfParametersInTheKeyFileFailAuthentication() throws Exception {
        create().close();
        Path keyFile = dir.resolve(Keystore.KEY_FILE);
        byte[] content = Files.readAllBytes(keyFile);
        // slot parameters start after header (34) + slot count (1) + kind (1) + length (2)
        content[38 + 2] ^= 1; // memoryKiB (u32): any change breaks the AES-GCM tag
        Files.write(keyFile, content);
        assertThatThrownBy(this::open).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void storeFilesAreUserOnly() throws Exception {
        create().close();
        assertThat(Files.getPosixFilePermissions(dir)).hasSize(3);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(Keystore.DATABASE_FILE))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(Keystore.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
