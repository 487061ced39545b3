package org.vermerk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.keystore.Conversation;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.FakeChatService;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.RecordingDialogs;
import org.vermerk.ui.testing.SameThreadExecutor;

/** The connection indicator, the conversation list with its filter and unread counts, without the toolkit. */
class MainViewModelTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    private final FakeChatService service = new FakeChatService(ANNA);
    private final InMemoryUserSettings store = new InMemoryUserSettings();
    private final ClientSettings settings = attached(store);
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final MainViewModel model =
            new MainViewModel(ANNA, service::listening, executor, ZoneOffset.UTC, new RecordingDialogs(), settings);

    private static ClientSettings attached(InMemoryUserSettings store) {
        ClientSettings s = new ClientSettings(Policies.none());
        s.attach(store);
        return s;
    }

    @Test
    void aPinnedConversationStaysOnTopWhateverArrivesAndThePinIsKeptForTheNextStart() {
        service.addConversation("c1", Conversation.Kind.GROUP, "Haushalt", null, BEN);
        service.addConversation("c2", Conversation.Kind.GROUP, "Kantine", null, BEN);
        service.receive("c1", BEN, Instant.parse("2026-11-27T08:00:00Z"), "alt");
        service.receive("c2", BEN, Instant.parse("2026-11-27T09:00:00Z"), "neu");
        model.start();
        assertThat(model.conversations()).extracting(ConversationItem::id).containsExactly("c2", "c1");

        model.togglePin(model.item("c1").orElseThrow());
        assertThat(model.conversations()).extracting(ConversationItem::id).containsExactly("c1", "c2");
        assertThat(model.conversations().getFirst().pinned()).isTrue();

        service.listener.onMessage(service.receive("c2", BEN, Instant.parse("2026-11-27T10:00:00Z"), "neuer"));
        assertThat(model.conversations()).extracting(ConversationItem::id).containsExactly("c1", "c2");
        assertThat(store.preference(ClientSettings.PINNED)).contains("c1");

        // The next start reads the same store.
        MainViewModel next = new MainViewModel(
                ANNA,
                service::listening,
                new SameThreadExecutor(),
                ZoneOffset.UTC,
                new RecordingDialogs(),
                attached(store));
        next.start();
        assertThat(next.conversations()).extracting(ConversationItem::id).containsExactly("c1", "c2");

        next.togglePin(next.item("c1").orElseThrow());
        assertThat(next.conversations()).extracting(ConversationItem::id).containsExactly("c2", "c1");
        assertThat(store.preference(ClientSettings.PINNED)).isEmpty();
    }

    @Test
    void statesAppearAsTheEngineReportsThemWithTheQueueWhileNotOnlineAndStopClosesTheEngine() {
        assertThat(model.statusProperty().get()).isEqualTo(MainViewModel.Status.CONNECTING);
        service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        model.start();
        service.listener.onConnectionState(new ConnectionState.Online(ANNA, "d1", 6));
        assertThat(model.statusProperty().get()).isEqualTo(MainViewModel.Status.ONLINE);
        assertThat(model.statusTextProperty().get()).isEqualTo(UiText.of("connection.online"));

        service.listener.onConnectionState(new ConnectionState.Reconnecting(
                2, Instant.parse("2026-11-27T08:15:30Z"), new ServerUnreachableException("gone", null)));
        assertThat(model.statusProperty().get()).isEqualTo(MainViewModel.Status.RECONNECTING);
        assertThat(model.statusTextProperty().get()).isEqualTo(UiText.of("connection.reconnecting", 2, "08:15:30"));
        assertThat(model.queuedTextProperty().get()).as("nothing queued").isNull();

        model.open(model.conversations().getFirst());
        model.chatProperty().get().draftProperty().set("Guten Morgen");
        model.chatProperty().get().send();
        model.chatProperty().get().draftProperty().set("Noch da?");
        model.chatProperty().get().send();
        assertThat(model.queuedTextProperty().get()).isEqualTo(UiText.of("connection.queued", 2));

        service.queued = 0;
        service.listener.onConnectionState(new ConnectionState.Online(ANNA, "d1", 6));
        assertThat(model.queuedTextProperty().get()).isNull();

        service.listener.onConnectionState(
                new ConnectionState.Offline(Optional.of(new ServerUnreachableException("x", null))));
        assertThat(model.statusTextProperty().get()).isEqualTo(UiText.of("connection.refused"));

        model.stop();
        assertThat(service.closed).isTrue();
        model.stop();
    }

    @Test
    void beforeTheConnectionIsUpTheListNamesPeopleAsStoredAndOnlineAsTheDirectoryDoes() {
        service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        service.addConversation("c2", Conversation.Kind.DIRECT, "", null, "carl@bmi.example");
        service.storedNames.put(BEN, "Ben Weber");
        service.directory.put(BEN, "Ben Weber-Krüger");
        service.directory.put("carl@bmi.example", "Carl Ohm");
        model.start();

        // Connecting: the list is there at once, from the store; nobody waited for the directory.
        assertThat(model.conversations())
                .extracting(ConversationItem::title)
                .containsExactlyInAnyOrder("Ben Weber", "carl@bmi.example");
        assertThat(service.directoryAsked).isZero();

        service.state = new ConnectionState.Online(ANNA, "d1", 6);
        service.listener.onConnectionState(service.state);

        assertThat(model.conversations())
                .extracting(ConversationItem::title)
                .containsExactlyInAnyOrder("Ben Weber-Krüger", "Carl Ohm");
    }

    @Test
    void anEntryReadBeforeTheConnectionCameUpButShownAfterItIsReadAgainWithTheDirectorysName() {
        service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        service.directory.put(BEN, "Ben Weber");
        service.directory.put("carl@bmi.example", "Carl Ohm");
        model.start();

        // A new conversation's entry is read while connecting; its result reaches the UI thread
        // only after the connection is up.
        executor.holdCallbacks = true;
        service.addConversation("c2", Conversation.Kind.DIRECT, "", null, "carl@bmi.example");
        service.listener.onMessage(
                service.receive("c2", "carl@bmi.example", Instant.parse("2026-11-27T08:00:00Z"), "Hallo"));
        service.state = new ConnectionState.Online(ANNA, "d1", 6);
        service.listener.onConnectionState(service.state);
        executor.holdCallbacks = false;
        executor.releaseCallbacks();

        assertThat(model.item("c2").orElseThrow().title()).isEqualTo("Carl Ohm");
    }

    @Test
    void theListShowsTitlesNewestFirstFiltersAsTheUserTypesAndCountsUnread() {
        service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        service.addConversation("c2", Conversation.Kind.GROUP, "Referat Z 3", "VS-NfD", BEN);
        service.receive("c1", BEN, Instant.parse("2026-11-27T08:00:00Z"), "Guten Morgen");
        service.receive("c1", BEN, Instant.parse("2026-11-27T08:01:00Z"), "Haben Sie kurz Zeit?");
        service.receive("c2", BEN, Instant.parse("2026-11-27T08:30:00Z"), "Sitzung um zehn");
        model.start();

        assertThat(model.conversations()).extracting(ConversationItem::title).containsExactly("Referat Z 3", BEN);
        ConversationItem direct = model.item("c1").orElseThrow();
        assertThat(direct.last().text()).isEqualTo("Haben Sie kurz Zeit?");
        assertThat(direct.unread()).isEqualTo(2);
        assertThat(model.totalUnreadProperty().get()).isEqualTo(3);

        model.filterProperty().set("refer");
        assertThat(model.conversations()).extracting(ConversationItem::id).containsExactly("c2");
        model.filterProperty().set("ZEIT");
        assertThat(model.conversations())
                .as("the last message's text matches too")
                .extracting(ConversationItem::id)
                .containsExactly("c1");
        model.filterProperty().set("");
        assertThat(model.conversations()).hasSize(2);

        model.open(direct);
        assertThat(service.receipts).singleElement().satisfies(r -> {
            assertThat(r.conversationId()).isEqualTo("c1");
            assertThat(r.messageIds()).hasSize(2);
        });
        assertThat(model.item("c1").orElseThrow().unread()).isZero();
        assertThat(model.totalUnreadProperty().get()).isEqualTo(1);

        var arriving = service.receive("c2", BEN, Instant.parse("2026-11-27T09:00:00Z"), "Raum 3.114");
        service.listener.onMessage(arriving);
        assertThat(model.totalUnreadProperty().get()).as("c2 is not open").isEqualTo(2);
        var inOpen = service.receive("c1", BEN, Instant.parse("2026-11-27T09:01:00Z"), "Danke!");
        service.listener.onMessage(inOpen);
        assertThat(model.totalUnreadProperty().get())
                .as("c1 is open: read at once")
                .isEqualTo(2);
        assertThat(service.receipts.getLast().messageIds()).containsExactly(inOpen.id());
        assertThat(model.conversations()).extracting(ConversationItem::id).containsExactly("c1", "c2");
    }

    @Test
    void searchFindsMessagesAsTheUserTypesAndAJumpOpensTheConversationAtTheHit() {
        service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        service.addConversation("c2", Conversation.Kind.GROUP, "Referat Z 3", null, BEN);
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        for (int i = 0; i < 500; i++) {
            service.receive(
                    "c1", BEN, start.plusSeconds(60L * i), i == 42 ? "Haushaltsvermerk fertig" : "Nachricht " + i);
        }
        service.receive("c2", BEN, start.plusSeconds(90_000), "Der Haushalt ist beschlossen");
        model.start();

        model.searchQueryProperty().set("haushalt");
        assertThat(model.searchResults())
                .extracting(r -> r.hit().messageId(), MainViewModel.SearchResult::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m501", "Referat Z 3"),
                        org.assertj.core.groups.Tuple.tuple("m43", BEN));

        model.jumpTo(model.searchResults().get(1));
        var chat = model.chatProperty().get();
        assertThat(chat.conversationId()).isEqualTo("c1");
        assertThat(chat.focusProperty().get()).isEqualTo("m43");
        assertThat(chat.rows()).anyMatch(r -> r.key().equals("m43"));
        assertThat(chat.atNewest())
                .as("the newest are read as the user scrolls down")
                .isFalse();

        model.searchHereProperty().set(true);
        assertThat(model.searchResults()).extracting(r -> r.hit().messageId()).containsExactly("m43");
        model.searchQueryProperty().set(" ");
        assertThat(model.searchResults()).isEmpty();
    }
}
