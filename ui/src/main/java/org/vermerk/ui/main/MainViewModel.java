package org.vermerk.ui.main;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.SearchHit;
import org.vermerk.ui.chat.ChatRow;
import org.vermerk.ui.chat.ChatService;
import org.vermerk.ui.chat.ChatTimeline;
import org.vermerk.ui.chat.ChatViewModel;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * The main window after unlock: who is signed in, the connection state (with the number of queued
 * messages while not online), the conversation list (filtered as the user types, newest activity
 * first, unread counts) and the open chat. Starts the account's conversation engine and stops it.
 *
 * <p>Threading: the engine reports on its threads; every event is moved to the UI thread through
 * the executor before anything changes here. Store reads go through the executor. FX thread only.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    /** The connection's state as the window shows it; the key names the text, the class the dot. */
    public enum Status {
        CONNECTING("connecting"),
        ONLINE("online"),
        RECONNECTING("reconnecting"),
        OFFLINE("offline");

        private final String styleClass;

        Status(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    /** Messages the list reads to find a conversation's newest shown message (receipts and reactions are skipped). */
    static final int PREVIEW_PAGE = 30;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String userId;
    private final Function<ConversationListener, ChatService> startEngine;
    private final TaskExecutor executor;
    private final ZoneId zone;

    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.CONNECTING);
    private final ObjectProperty<UiText> statusText = new SimpleObjectProperty<>(UiText.of("connection.connecting"));
    private final IntegerProperty queued = new SimpleIntegerProperty();
    private final ObjectProperty<UiText> queuedText = new SimpleObjectProperty<>();
    private final ObservableList<ConversationItem> items = FXCollections.observableArrayList();
    private final FilteredList<ConversationItem> shown = new FilteredList<>(items, i -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final IntegerProperty totalUnread = new SimpleIntegerProperty();
    private final IntegerProperty trustChanges = new SimpleIntegerProperty();

    /** A conversation to open as soon as the list has read it; null for none. */
    private String pendingOpen;

    private final ObjectProperty<ChatViewModel> chat = new SimpleObjectProperty<>();

    /** The most search results shown. */
    static final int SEARCH_LIMIT = 50;

    private final StringProperty searchQuery = new SimpleStringProperty("");
    private final BooleanProperty searchHere = new SimpleBooleanProperty();
    private final ObservableList<SearchResult> searchResults = FXCollections.observableArrayList();

    /** The newest search asked for; older answers are dropped. */
    private int searchRequest;

    /** Per conversation, the newest summary asked for; an older answer arriving later is dropped. */
    private final Map<String, Integer> summaryRequests = new HashMap<>();

    /** Keeps the pinned conversations. */
    private final org.vermerk.ui.core.ClientSettings settings;

    /** The pinned conversations' IDs (the settings' list, kept in the store). */
    private final ObservableList<String> pinned;

    /** Sorts the list again when the pins change; removed at {@link #stop()} (the settings outlive this model). */
    private final javafx.collections.ListChangeListener<String> pinListener = change -> repin();

    /** Asks before an open chat deletes a message for everyone. */
    private final org.vermerk.ui.core.DialogService dialogs;

    /** The engine once started; null before {@link #start()} and after {@link #stop()}. */
    private ChatService service;

    /**
     * @param startEngine starts the account's conversation engine reporting to the listener
     *     ({@code listener -> new EngineChatService(ConversationEngine.start(account, listener))})
     */
    public MainViewModel(
            String userId,
            Function<ConversationListener, ChatService> startEngine,
            TaskExecutor executor,
            ZoneId zone,
            org.vermerk.ui.core.DialogService dialogs,
            org.vermerk.ui.core.ClientSettings settings) {
        this.userId = userId;
        this.dialogs = dialogs;
        this.settings = settings;
        this.pinned = settings.pinned();
        pinned.addListener(pinListener);
        this.startEngine = startEngine;
        this.executor = executor;
        this.zone = zone;
        filter.addListener((o, a, text) -> shown.setPredicate(i -> i.matches(text)));
        searchQuery.addListener((o, a, b) -> search());
        searchHere.addListener((o, a, b) -> search());
    }

    public String userId() {
        return userId;
    }

    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<UiText> statusTextProperty() {
        return statusText;
    }

    /** "3 Nachrichten warten auf Versand" while not online and the outbox is not empty; else null. */
    public ReadOnlyObjectProperty<UiText> queuedTextProperty() {
        return queuedText;
    }

    /** The conversations the filter lets through, the most recently active first. */
    public ObservableList<ConversationItem> conversations() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Unread texts in all conversations (the window title shows it). */
    public ReadOnlyIntegerProperty totalUnreadProperty() {
        return totalUnread;
    }

    /** The open chat, or null. */
    public ReadOnlyObjectProperty<ChatViewModel> chatProperty() {
        return chat;
    }

    /** Starts the engine and reads the conversation list. */
    public void start() {
        if (service != null) {
            return;
        }
        service = startEngine.apply(new Events());
        executor.submit(service::conversations, list -> list.forEach(c -> refresh(c.id())), this::failed);
        refreshQueued();
    }

    /** Stops the engine (waits briefly for its workers); idempotent. */
    public void stop() {
        pinned.removeListener(pinListener);
        if (chat.get() != null) {
            chat.get().close();
        }
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /**
     * Opens the conversation with this ID, now or as soon as the list has read it (a conversation
     * just created or joined).
     */
    public void open(String conversationId) {
        java.util.Optional<ConversationItem> listed = item(conversationId);
        if (listed.isPresent()) {
            pendingOpen = null;
            open(listed.get());
        } else {
            pendingOpen = conversationId;
            refresh(conversationId);
        }
    }

    /**
     * Counts changes of trust in contacts' keys (a key change, its acknowledgement, a verification);
     * screens that show trust listen and read it again.
     */
    public ReadOnlyIntegerProperty trustChangesProperty() {
        return trustChanges;
    }

    /** Opens a conversation in the chat pane at its newest message (null: nothing happens). */
    public void open(ConversationItem item) {
        ChatViewModel current = chat.get();
        if (item == null || service == null) {
            return;
        }
        if (current != null && current.conversationId().equals(item.id())) {
            return;
        }
        switchTo(item).open();
    }

    private ChatViewModel switchTo(ConversationItem item) {
        ChatViewModel current = chat.get();
        if (current != null) {
            current.close();
        }
        ChatViewModel next =
                new ChatViewModel(item.conversation(), item.title(), service, executor, zone, dialogs, this::refresh);
        chat.set(next);
        return next;
    }

    /** A search result: the hit and its conversation's title. */
    public record SearchResult(SearchHit hit, String title) {
        @Override
        public String toString() {
            return "SearchResult[" + hit.messageId() + "]";
        }
    }

    /** Search as you type: what to find (Ctrl+F); blank shows no results. */
    public StringProperty searchQueryProperty() {
        return searchQuery;
    }

    /** Whether the search covers only the open conversation. */
    public BooleanProperty searchHereProperty() {
        return searchHere;
    }

    /** The newest matching messages first, at most {@link #SEARCH_LIMIT}. */
    public ObservableList<SearchResult> searchResults() {
        return searchResults;
    }

    /** Opens the hit's conversation around the hit and shows it. */
    public void jumpTo(SearchResult result) {
        if (result == null || service == null) {
            return;
        }
        ConversationItem item = item(result.hit().conversationId()).orElse(null);
        if (item == null) {
            return;
        }
        ChatViewModel current = chat.get();
        ChatViewModel target = current != null && current.conversationId().equals(item.id()) ? current : switchTo(item);
        target.openAt(result.hit().messageId());
    }

    private void search() {
        ChatService s = service;
        String query = searchQuery.get() == null ? "" : searchQuery.get().strip();
        int request = ++searchRequest;
        if (s == null || query.isEmpty()) {
            searchResults.clear();
            return;
        }
        ChatViewModel open = chat.get();
        String scope = searchHere.get() && open != null ? open.conversationId() : null;
        executor.submit(
                () -> s.search(query, scope, SEARCH_LIMIT),
                hits -> {
                    if (request != searchRequest) {
                        return; // the user typed on; a newer search is under way
                    }
                    searchResults.setAll(hits.stream()
                            .map(h -> new SearchResult(
                                    h,
                                    item(h.conversationId())
                                            .map(ConversationItem::title)
                                            .orElse("")))
                            .toList());
                },
                this::failed);
    }

    /** Told every message the engine stores (the desktop notifications decide which to show). */
    private java.util.function.Consumer<Message> onIncoming = m -> {};

    /** Tells {@code listener} of every message stored from now on, on the UI thread. */
    public void onIncoming(java.util.function.Consumer<Message> listener) {
        this.onIncoming = listener;
    }

    /** Pins the conversation on top of the list, or unpins it (kept across restarts). */
    public void togglePin(ConversationItem item) {
        if (item != null) {
            settings.pin(item.id(), !pinned.contains(item.id()));
        }
    }

    /** The pinned set changed: mark the entries and sort them again. */
    private void repin() {
        List<ConversationItem> next = new java.util.ArrayList<>(
                items.stream().map(i -> i.withPinned(pinned.contains(i.id()))).toList());
        next.sort(ConversationItem.LIST_ORDER);
        org.vermerk.ui.chat.RowDiff.apply(items, next);
    }

    /** Every listed conversation's title by ID (a snapshot; 1:1 conversations are named after the other person). */
    public Map<String, String> titles() {
        Map<String, String> titles = new HashMap<>();
        items.forEach(i -> titles.put(i.id(), i.title()));
        return titles;
    }

    /** The conversation with this ID as the list has it, if listed. */
    public java.util.Optional<ConversationItem> item(String conversationId) {
        return items.stream().filter(i -> i.id().equals(conversationId)).findFirst();
    }

    private final class Events implements ConversationListener {
        @Override
        public void onConversationChanged(Conversation conversation) {
            executor.runOnUiThread(() -> refresh(conversation.id()));
        }

        @Override
        public void onMessage(Message message) {
            executor.runOnUiThread(() -> {
                ChatViewModel open = chat.get();
                if (open != null && open.conversationId().equals(message.conversationId())) {
                    open.onMessage(message);
                }
                refresh(message.conversationId());
                if (message.senderUserId().equals(userId)) {
                    refreshQueued();
                }
                onIncoming.accept(message);
            });
        }

        @Override
        public void onDeliveryState(String conversationId, String messageId, DeliveryState state) {
            executor.runOnUiThread(() -> {
                ChatViewModel open = chat.get();
                if (open != null && open.conversationId().equals(conversationId)) {
                    open.onChanged(messageId, state);
                }
                refresh(conversationId);
                refreshQueued();
            });
        }

        @Override
        public void onKeyChanged(String contactId, List<String> conversationIds) {
            executor.runOnUiThread(() -> {
                trustChanges.set(trustChanges.get() + 1);
                conversationIds.forEach(MainViewModel.this::refresh);
            });
        }

        @Override
        public void onTrustChanged(String contactId, org.vermerk.app.conversation.TrustState trust) {
            executor.runOnUiThread(() -> trustChanges.set(trustChanges.get() + 1));
        }

        @Override
        public void onRemoved(String conversationId) {
            executor.runOnUiThread(() -> refresh(conversationId));
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            executor.runOnUiThread(() -> {
                show(state);
                refreshQueued();
                if (state instanceof ConnectionState.Online) {
                    // Names from the directory may have been out of reach until now: every entry
                    // shown or still being read (a read begun offline would keep the stored name).
                    java.util.Set<String> ids = new java.util.LinkedHashSet<>(summaryRequests.keySet());
                    items.forEach(i -> ids.add(i.id()));
                    ids.forEach(MainViewModel.this::refresh);
                }
            });
        }
    }

    /** Reads a conversation's list entry again (title, newest message, unread count). */
    void refresh(String conversationId) {
        ChatService s = service;
        if (s == null) {
            return;
        }
        int request = summaryRequests.merge(conversationId, 1, Integer::sum);
        executor.submit(
                () -> summarise(s, conversationId),
                item -> {
                    if (summaryRequests.get(conversationId) != request || service != s || item == null) {
                        return;
                    }
                    put(item);
                },
                this::failed);
    }

    private ConversationItem summarise(ChatService s, String conversationId) throws Exception {
        Conversation c = s.conversations().stream()
                .filter(x -> x.id().equals(conversationId))
                .findFirst()
                .orElse(null);
        if (c == null) {
            return null;
        }
        List<Message> page = s.messagesBefore(conversationId, null, PREVIEW_PAGE);
        ChatRow.MessageRow last = ChatTimeline.last(page, userId, zone);
        Instant activity = last != null ? last.sentAt() : c.createdAt();
        return new ConversationItem(c, title(s, c), last, activity, s.unreadCount(conversationId), false);
    }

    /** A group's title; for 1:1 the other person. */
    private String title(ChatService s, Conversation c) throws Exception {
        if (c.kind() == Conversation.Kind.GROUP) {
            return c.title();
        }
        java.util.Optional<String> other = s.members(c.id()).stream()
                .map(Member::userId)
                .filter(u -> !u.equals(userId))
                .findFirst();
        if (other.isEmpty()) {
            return c.title();
        }
        if (!(s.connectionState() instanceof ConnectionState.Online)) {
            // At the start the connection is still coming up: the list shows the name stored last
            // time instead of waiting for the directory, and reads every entry again once online.
            return s.storedDisplayName(other.get()).orElse(other.get());
        }
        try {
            return s.displayName(other.get());
        } catch (Exception offline) {
            return other.get(); // the directory answers once the server is reachable
        }
    }

    private void put(ConversationItem item) {
        int at = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(item.id())) {
                at = i;
                break;
            }
        }
        item = item.withPinned(pinned.contains(item.id()));
        if (at >= 0 && items.get(at).equals(item)) {
            return;
        }
        List<ConversationItem> next = new java.util.ArrayList<>(items);
        if (at >= 0) {
            next.set(at, item);
        } else {
            next.add(item);
        }
        next.sort(ConversationItem.LIST_ORDER);
        org.vermerk.ui.chat.RowDiff.apply(items, next);
        totalUnread.set(items.stream().mapToInt(ConversationItem::unread).sum());
        if (item.id().equals(pendingOpen)) {
            pendingOpen = null;
            open(item);
        }
    }

    private void refreshQueued() {
        ChatService s = service;
        if (s == null) {
            return;
        }
        executor.submit(
                s::queuedCount,
                count -> {
                    queued.set(count);
                    showQueued();
                },
                this::failed);
    }

    private void showQueued() {
        queuedText.set(
                status.get() != Status.ONLINE && queued.get() > 0
                        ? UiText.of("connection.queued", queued.get())
                        : null);
    }

    void show(ConnectionState state) {
        switch (state) {
            case ConnectionState.Connecting c -> {
                status.set(Status.CONNECTING);
                statusText.set(UiText.of("connection.connecting"));
            }
            case ConnectionState.Online o -> {
                status.set(Status.ONLINE);
                statusText.set(UiText.of("connection.online"));
            }
            case ConnectionState.Reconnecting r -> {
                status.set(Status.RECONNECTING);
                statusText.set(UiText.of(
                        "connection.reconnecting",
                        r.attempt(),
                        TIME.format(r.nextRetry().atZone(zone))));
            }
            case ConnectionState.Offline o -> {
                status.set(Status.OFFLINE);
                statusText.set(
                        o.cause().isPresent() ? UiText.of("connection.refused") : UiText.of("connection.offline"));
            }
        }
        showQueued();
    }

    private void failed(Throwable failure) {
        LOG.warn("event=main_read_failed error={}", failure.getClass().getSimpleName());
    }
}
