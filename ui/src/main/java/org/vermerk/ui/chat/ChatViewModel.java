package org.vermerk.ui.chat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * One open conversation: a window of its stored messages, read from the store a page at a time,
 * shown as {@link ChatRow}s; the composer; read marking. The window holds at most {@link
 * #MAX_LOADED} messages: reading older pages drops the newest ones (read again when the user
 * scrolls back down), so a conversation of 100,000 messages costs no more memory than one of a
 * thousand.
 *
 * <p>Threading: FX thread only; store reads and sends go through the executor, engine events
 * arrive here already on the UI thread (through {@code MainViewModel}).
 */
public final class ChatViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ChatViewModel.class);

    /** Messages read from the store at a time. */
    public static final int PAGE = 100;

    /** The most messages the window holds. */
    public static final int MAX_LOADED = 1_000;

    private final Conversation conversation;
    private final String title;
    private final ChatService service;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final Consumer<String> onRead;

    /** The loaded window, oldest first. */
    private final List<Message> window = new ArrayList<>();

    private final ObservableList<ChatRow> rows = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty("");
    private final ObjectProperty<UiText> error = new SimpleObjectProperty<>();
    private final BooleanProperty olderAvailable = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> focus = new SimpleObjectProperty<>();

    /** Whether messages newer than the window exist in the store (the newest were dropped). */
    private boolean newerAvailable;

    /** A page read is under way; another waits for it. */
    private boolean loading;

    /**
     * The view asked for the older (newer) page while another read was under way: read it when
     * that one is done. Without this, a user who reaches the top while a page is read would wait
     * there for good, as the scroll position no longer changes (found by bench's client driver).
     */
    private boolean olderWanted;

    private boolean newerWanted;

    private boolean closed;

    /**
     * @param title the conversation's title as the list shows it
     * @param unread how many of the newest texts are unread (they get read receipts when shown)
     * @param onRead told the conversation ID after the read marker moved
     */
    public ChatViewModel(
            Conversation conversation,
            String title,
            ChatService service,
            TaskExecutor executor,
            ZoneId zone,
            Consumer<String> onRead) {
        this.conversation = conversation;
        this.title = title;
        this.service = service;
        this.executor = executor;
        this.zone = zone;
        this.onRead = onRead;
    }

    private final ObservableList<String> selected = FXCollections.observableArrayList();

    /** The messages held by a mark for the records. */
    private java.util.Set<String> marked = java.util.Set.of();

    public String conversationId() {
        return conversation.id();
    }

    public ZoneId zone() {
        return zone;
    }

    public String title() {
        return title;
    }

    public boolean group() {
        return conversation.kind() == Conversation.Kind.GROUP;
    }

    /** The conversation's classification marking ("VS – NUR FÜR DEN DIENSTGEBRAUCH"), or null. */
    public String classification() {
        String c = conversation.classification();
        return c == null || c.isBlank() ? null : c;
    }

    public ObservableList<ChatRow> rows() {
        return rows;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty olderAvailableProperty() {
        return olderAvailable;
    }

    /** Whether the window reaches the newest stored message (new ones are appended then). */
    public boolean atNewest() {
        return !newerAvailable;
    }

    /** Reads the newest page and marks what it shows read. */
    public void open() {
        refreshMarks();
        loading = true;
        executor.submit(
                () -> service.messagesBefore(conversation.id(), null, PAGE),
                page -> {
                    loading = false;
                    window.clear();
                    window.addAll(page);
                    newerAvailable = false;
                    olderAvailable.set(page.size() == PAGE);
                    publish();
                    markShown();
                },
                this::failed);
    }

    /**
     * Reads the pages around one message (a search hit) and asks the view to show it ({@link
     * #focusProperty()}); messages after it are read as the user scrolls down.
     */
    public void openAt(String messageId) {
        refreshMarks();
        loading = true;
        String id = conversation.id();
        executor.submit(
                () -> {
                    List<Message> around = new ArrayList<>(service.messagesBefore(id, messageId, PAGE / 2));
                    service.message(messageId).ifPresent(around::add);
                    List<Message> after = service.messagesAfter(id, messageId, PAGE / 2);
                    around.addAll(after);
                    return new Around(around, after.size() == PAGE / 2, around.size() > after.size() + PAGE / 2);
                },
                page -> {
                    loading = false;
                    window.clear();
                    window.addAll(page.messages());
                    newerAvailable = page.newerAvailable();
                    olderAvailable.set(page.olderAvailable());
                    publish();
                    focus.set(null);
                    focus.set(messageId);
                    markShown();
                },
                this::failed);
    }

    private record Around(List<Message> messages, boolean newerAvailable, boolean olderAvailable) {}

    /** The message the view should scroll to and select (a search hit); null when none. */
    public ReadOnlyObjectProperty<String> focusProperty() {
        return focus;
    }

    /** Reads the page before the oldest loaded message (the user scrolled to the top). */
    public void loadOlder() {
        if (loading) {
            olderWanted = true;
            return;
        }
        olderWanted = false;
        if (closed || !olderAvailable.get() || window.isEmpty()) {
            return;
        }
        loading = true;
        String oldest = window.getFirst().id();
        executor.submit(
                () -> service.messagesBefore(conversation.id(), oldest, PAGE),
                page -> {
                    loading = false;
                    if (window.isEmpty() || !window.getFirst().id().equals(oldest)) {
                        return;
                    }
                    window.addAll(0, page);
                    olderAvailable.set(page.size() == PAGE);
                    int excess = window.size() - MAX_LOADED;
                    if (excess > 0) {
                        window.subList(window.size() - excess, window.size()).clear();
                        newerAvailable = true;
                    }
                    publish();
                    serveWanted();
                },
                this::failed);
    }

    /** Reads the page after the newest loaded message, when the newest were dropped (the user scrolled down). */
    public void loadNewer() {
        if (loading) {
            newerWanted = true;
            return;
        }
        newerWanted = false;
        if (closed || !newerAvailable || window.isEmpty()) {
            return;
        }
        loading = true;
        String newest = window.getLast().id();
        executor.submit(
                () -> service.messagesAfter(conversation.id(), newest, PAGE),
                page -> {
                    loading = false;
                    if (window.isEmpty() || !window.getLast().id().equals(newest)) {
                        return;
                    }
                    window.addAll(page);
                    newerAvailable = page.size() == PAGE;
                    int excess = window.size() - MAX_LOADED;
                    if (excess > 0) {
                        window.subList(0, excess).clear();
                        olderAvailable.set(true);
                    }
                    publish();
                    if (!newerAvailable) {
                        markShown();
                    }
                    serveWanted();
                },
                this::failed);
    }

    /** Reads the page the view asked for while the last one was read, if any (older first: the user scrolled up). */
    private void serveWanted() {
        if (olderWanted) {
            loadOlder();
        } else if (newerWanted) {
            loadNewer();
        }
    }

    /** Sends the draft (Enter); empty or blank drafts are not sent. */
    public void send() {
        String text = draft.get().strip();
        if (text.isEmpty() || closed) {
            return;
        }
        draft.set("");
        error.set(null);
        executor.submit(() -> service.sendText(conversation.id(), text), sent -> {}, failure -> {
            draft.set(text); // nothing typed is lost
            failed(failure);
        });
    }

    /** The engine stored a message of this conversation (own or received). */
    public void onMessage(Message message) {
        if (!closed && newerAvailable && message.senderUserId().equals(service.userId()) && !loading) {
            open(); // the user wrote while reading far back: show the newest, with the message sent
            return;
        }
        if (closed || newerAvailable || loading && window.isEmpty()) {
            return; // not in the window; read with its page
        }
        int at = indexOf(message.id());
        if (at >= 0) {
            window.set(at, message);
        } else {
            window.add(message);
            int excess = window.size() - MAX_LOADED;
            if (excess > 0) {
                window.subList(0, excess).clear();
                olderAvailable.set(true);
            }
        }
        publish();
        if (!message.senderUserId().equals(service.userId())) {
            markShown();
        }
    }

    /** A message of this conversation changed in the store (delivery state, edit, deletion): read it again. */
    public void onChanged(String messageId, DeliveryState state) {
        int at = indexOf(messageId);
        if (at < 0 || closed) {
            return;
        }
        executor.submit(
                () -> service.message(messageId),
                found -> {
                    int now = indexOf(messageId);
                    if (now >= 0 && found.isPresent()) {
                        window.set(now, found.get());
                        publish();
                    }
                },
                this::failed);
    }

    public void close() {
        closed = true;
    }

    /** Reads which messages are marked for the records (again: after marking or withdrawing). */
    public void refreshMarks() {
        executor.submit(
                () -> service.markedMessageIds(conversation.id()),
                ids -> {
                    marked = java.util.Set.copyOf(ids);
                    if (!closed) {
                        publish();
                    }
                },
                this::failed);
    }

    /** The view's selection changed: these messages, in the list's (time) order. */
    public void select(List<String> messageIds) {
        selected.setAll(messageIds);
    }

    /** The selected messages in time order (one, or the first and last of a range to mark). */
    public ObservableList<String> selectedMessageIds() {
        return selected;
    }

    /** How many messages the window holds (tests: memory stays bounded). */
    int loadedCount() {
        return window.size();
    }

    /**
     * Moves the read marker to the newest shown message and sends read receipts for the received
     * texts that were unread.
     */
    private void markShown() {
        if (closed || newerAvailable || window.isEmpty()) {
            return;
        }
        String newest = window.getLast().id();
        String id = conversation.id();
        String own = service.userId();
        List<Message> received = window.stream()
                .filter(m -> !m.senderUserId().equals(own) && ChatTimeline.readable(m))
                .toList();
        executor.submit(
                () -> {
                    int unread = service.unreadCount(id);
                    if (unread > 0) {
                        List<String> receipts =
                                received.subList(Math.max(0, received.size() - unread), received.size()).stream()
                                        .map(Message::id)
                                        .toList();
                        service.markRead(id, receipts, newest);
                    }
                    return unread;
                },
                unread -> {
                    if (unread > 0) {
                        onRead.accept(id);
                    }
                },
                this::failed);
    }

    private int indexOf(String messageId) {
        for (int i = window.size() - 1; i >= 0; i--) {
            if (window.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    /** Shows the window's rows, replacing only the part that changed (the list keeps its cells and scroll position). */
    private void publish() {
        List<ChatRow> next = ChatTimeline.rows(window, service.userId(), group(), zone, marked);
        RowDiff.apply(rows, next);
    }

    private void failed(Throwable failure) {
        loading = false;
        olderWanted = false; // no retry behind the user's back; scrolling asks again
        newerWanted = false;
        LOG.warn(
                "event=chat_failed conversation={} error={}",
                conversation.id(),
                failure.getClass().getSimpleName());
        error.set(ErrorTexts.of(failure));
    }
}
