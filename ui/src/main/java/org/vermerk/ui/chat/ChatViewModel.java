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
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;
import org.vermerk.ui.core.DialogService;
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
    private final DialogService dialogs;

    /** The loaded window, oldest first. */
    private final List<Message> window = new ArrayList<>();

    /** {@link #payloadOf}'s parsed payloads by message ID; kept to about the window. UI thread. */
    private final java.util.Map<String, ParsedPayload> payloads = new java.util.HashMap<>();

    /** The shown rows; each publish changes them as one list change. */
    private final RowList<ChatRow> rows = new RowList<>();

    private final StringProperty draft = new SimpleStringProperty("");
    private final ObjectProperty<UiText> error = new SimpleObjectProperty<>();
    private final BooleanProperty olderAvailable = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> focus = new SimpleObjectProperty<>();

    /** What the composer's draft becomes: null a new message, else a reply or an edit. */
    private final ObjectProperty<Composing> composing = new SimpleObjectProperty<>();

    /** The draft the user had before starting an edit; it comes back when the edit is sent or cancelled. */
    private String draftBeforeEdit = "";

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
     * @param dialogs asks before a message is deleted for everyone
     * @param onRead told the conversation ID after the read marker moved
     */
    public ChatViewModel(
            Conversation conversation,
            String title,
            ChatService service,
            TaskExecutor executor,
            ZoneId zone,
            DialogService dialogs,
            Consumer<String> onRead) {
        this.conversation = conversation;
        this.dialogs = dialogs;
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
        listenToFiles();
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
                    serveWanted();
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
                    serveWanted();
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
            logPage("deferred", "older", 0);
            return;
        }
        olderWanted = false;
        if (closed || !olderAvailable.get() || window.isEmpty()) {
            logPage("none", "older", 0);
            return;
        }
        loading = true;
        String oldest = window.getFirst().id();
        logPage("read", "older", 0);
        executor.submit(
                () -> service.messagesBefore(conversation.id(), oldest, PAGE),
                page -> {
                    loading = false;
                    if (window.isEmpty() || !window.getFirst().id().equals(oldest)) {
                        logPage("stale", "older", page.size());
                        serveWanted(); // the window was replaced meanwhile (a jump, a reopen)
                        return;
                    }
                    logPage("arrived", "older", page.size());
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
            logPage("deferred", "newer", 0);
            return;
        }
        newerWanted = false;
        if (closed || !newerAvailable || window.isEmpty()) {
            logPage("none", "newer", 0);
            return;
        }
        loading = true;
        String newest = window.getLast().id();
        logPage("read", "newer", 0);
        executor.submit(
                () -> service.messagesAfter(conversation.id(), newest, PAGE),
                page -> {
                    loading = false;
                    if (window.isEmpty() || !window.getLast().id().equals(newest)) {
                        logPage("stale", "newer", page.size());
                        serveWanted();
                        return;
                    }
                    logPage("arrived", "newer", page.size());
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

    /**
     * The paging state at each step, for finding out why a long scroll stops (docs/benchmarks.md):
     * message IDs and counts only, never content.
     */
    private void logPage(String step, String direction, int got) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "event=chat_page step={} direction={} conversation={} got={} window={} first={} last={}"
                            + " older_available={} newer_available={} loading={} older_wanted={} newer_wanted={}",
                    step,
                    direction,
                    conversation.id(),
                    got,
                    window.size(),
                    window.isEmpty() ? "-" : window.getFirst().id(),
                    window.isEmpty() ? "-" : window.getLast().id(),
                    olderAvailable.get(),
                    newerAvailable,
                    loading,
                    olderWanted,
                    newerWanted);
        }
    }

    /** Reads the page the view asked for while the last one was read, if any (older first: the user scrolled up). */
    private void serveWanted() {
        if (olderWanted) {
            loadOlder();
        } else if (newerWanted) {
            loadNewer();
        }
    }

    /**
     * Sends the draft (Enter): a new message, the reply or the edit the composer is in. Empty or
     * blank drafts are not sent (an edit to nothing is refused: deleting is its own action); an
     * edit that changes nothing just ends the edit.
     */
    public void send() {
        String text = draft.get().strip();
        Composing mode = composing.get();
        if (text.isEmpty() || closed) {
            return;
        }
        if (mode != null && mode.kind() == Composing.Kind.EDIT && text.equals(mode.quoted())) {
            cancelComposing();
            return;
        }
        String restore = mode != null && mode.kind() == Composing.Kind.EDIT ? draftBeforeEdit : "";
        draft.set(restore);
        composing.set(null);
        draftBeforeEdit = "";
        error.set(null);
        String id = conversation.id();
        executor.submit(
                () -> mode == null
                        ? service.sendText(id, text)
                        : mode.kind() == Composing.Kind.REPLY
                                ? service.reply(id, mode.messageId(), text)
                                : service.edit(id, mode.messageId(), text),
                sent -> {},
                failure -> {
                    // nothing typed is lost: the text and what it answered or edited come back
                    draftBeforeEdit = restore;
                    composing.set(mode);
                    draft.set(text);
                    failed(failure);
                });
    }

    /** The composer's mode: null for a new message; changed by the actions below. */
    public ReadOnlyObjectProperty<Composing> composingProperty() {
        return composing;
    }

    /**
     * The quick reactions the chat offers, in menu order (keys 1 to 5 on a selected message): symbols
     * that the desktops' text fonts carry (DejaVu Sans, Segoe UI Symbol), since JavaFX shows no colour
     * emoji on Linux and managed desktops often have no emoji font. Received reactions show as sent.
     */
    public static final List<String> REACTIONS = List.of("\u2714", "\u2605", "\u2764", "\u263A", "\u2639");

    /** The shown message with this ID, if it is in the window. */
    public java.util.Optional<ChatRow.MessageRow> messageRow(String messageId) {
        return rows.stream()
                .filter(r -> r instanceof ChatRow.MessageRow m && m.id().equals(messageId))
                .map(ChatRow.MessageRow.class::cast)
                .findFirst();
    }

    /** Whether one may answer or react to the message: a text not deleted. */
    public boolean canReply(String messageId) {
        return messageRow(messageId).filter(ChatViewModel::liveText).isPresent();
    }

    /** Whether the user may edit or delete the message for everyone: an own text not deleted. */
    public boolean canChange(String messageId) {
        return messageRow(messageId).filter(m -> m.own() && liveText(m)).isPresent();
    }

    private static boolean liveText(ChatRow.MessageRow m) {
        return m.kind() == ChatRow.Kind.TEXT && !m.deleted();
    }

    /** Answers the message: the composer shows it quoted until sent or cancelled (Esc). */
    public void startReply(String messageId) {
        ChatRow.MessageRow m =
                messageRow(messageId).filter(ChatViewModel::liveText).orElse(null);
        if (m == null || closed) {
            return;
        }
        endEdit();
        composing.set(new Composing(Composing.Kind.REPLY, m.id(), m.senderUserId(), m.own(), m.text()));
    }

    /** Edits an own message: its text goes into the composer; Enter replaces it for everyone, Esc cancels. */
    public void startEdit(String messageId) {
        ChatRow.MessageRow m =
                messageRow(messageId).filter(r -> r.own() && liveText(r)).orElse(null);
        if (m == null || closed) {
            return;
        }
        if (composing.get() == null || composing.get().kind() != Composing.Kind.EDIT) {
            draftBeforeEdit = draft.get();
        }
        composing.set(new Composing(Composing.Kind.EDIT, m.id(), m.senderUserId(), true, m.text()));
        draft.set(m.text());
    }

    /**
     * Edits the newest own message still shown as text (Up in an empty composer).
     *
     * @return whether there was one
     */
    public boolean editLastOwn() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof ChatRow.MessageRow m && m.own() && liveText(m)) {
                startEdit(m.id());
                return true;
            }
        }
        return false;
    }

    /**
     * Ends a reply or an edit without sending (Esc); an edit gives the earlier draft back.
     *
     * @return whether there was one to end (else Esc means "back")
     */
    public boolean cancelComposing() {
        Composing mode = composing.get();
        if (mode == null) {
            return false;
        }
        if (mode.kind() == Composing.Kind.EDIT) {
            endEdit();
        }
        composing.set(null);
        return true;
    }

    private void endEdit() {
        Composing mode = composing.get();
        if (mode != null && mode.kind() == Composing.Kind.EDIT) {
            draft.set(draftBeforeEdit);
            draftBeforeEdit = "";
            composing.set(null);
        }
    }

    /**
     * Deletes an own message for everyone after the user confirmed it: the others' copies show
     * "deleted" instead of the text. A mark for the records keeps the version it holds.
     */
    public void deleteForEveryone(String messageId) {
        if (!canChange(messageId) || closed) {
            return;
        }
        if (!dialogs.confirm(
                UiText.of("chat.delete.title"), UiText.of("chat.delete.question"), UiText.of("chat.delete.confirm"))) {
            return;
        }
        Composing mode = composing.get();
        if (mode != null && mode.messageId().equals(messageId)) {
            cancelComposing();
        }
        error.set(null);
        executor.submit(() -> service.deleteForEveryone(conversation.id(), messageId), sent -> {}, this::failed);
    }

    /**
     * Adds a reaction to a message; once per emoji and person (the protocol has no "take back", so
     * a second press of the same reaction does nothing).
     */
    public void react(String messageId, String emoji) {
        if (!canReply(messageId) || closed || ownReactions(messageId).contains(emoji)) {
            return;
        }
        error.set(null);
        executor.submit(() -> service.react(conversation.id(), messageId, emoji), sent -> {}, this::failed);
    }

    /** The emojis the user already reacted to the message with (in the window). */
    public java.util.Set<String> ownReactions(String messageId) {
        String own = service.userId();
        java.util.Set<String> emojis = new java.util.HashSet<>();
        for (Message m : window) {
            if (m.senderUserId().equals(own)
                    && payloadOf(m) instanceof org.vermerk.app.conversation.Payload.Reaction r
                    && r.target().equals(messageId)) {
                emojis.add(r.emoji());
            }
        }
        return emojis;
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
                        refreshFile(messageId);
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

    // ---- files (ADR 0021) ----

    /** The files of the window's messages, by message ID; FX thread. */
    private final java.util.Map<String, FileItem> files = new java.util.HashMap<>();

    /** Whether files can be sent here (the attach button, paste and drop). */
    public boolean filesAvailable() {
        return service.files() != null;
    }

    /** The file of a FILE row; null when not (yet) known. */
    public FileItem file(String messageId) {
        return files.get(messageId);
    }

    /**
     * Sends files (chosen, pasted or dropped), each as a message of its own, in the given order;
     * the draft stays. A file that cannot be sent (too large, unreadable) says why and the others
     * go on.
     */
    public void attach(List<java.nio.file.Path> paths) {
        ChatFiles chatFiles = service.files();
        if (chatFiles == null || closed || paths.isEmpty()) {
            return;
        }
        error.set(null);
        listenToFiles();
        String id = conversation.id();
        List<java.nio.file.Path> todo = List.copyOf(paths);
        executor.submit(
                () -> {
                    Exception first = null;
                    for (java.nio.file.Path path : todo) {
                        try {
                            chatFiles.send(id, path);
                        } catch (Exception e) {
                            first = first == null ? e : first;
                        }
                    }
                    if (first != null) {
                        throw first;
                    }
                    return todo.size();
                },
                sent -> {},
                failure -> error.set(FileErrors.of(failure)));
    }

    /** Saves a file, decrypted, at {@code target} (downloading it first if needed). */
    public void saveFile(String messageId, java.nio.file.Path target) {
        fileWork(
                messageId,
                files -> {
                    files.save(messageId, target);
                    return target;
                },
                saved -> {});
    }

    /**
     * Decrypts a file into the client's private directory and hands it to {@code opener} (the
     * desktop's program for it); the copy is deleted on lock and exit.
     */
    public void openFile(String messageId, Consumer<java.nio.file.Path> opener) {
        fileWork(messageId, files -> files.open(messageId), opener);
    }

    private <T> void fileWork(String messageId, FileCall<T> call, Consumer<T> done) {
        ChatFiles chatFiles = service.files();
        FileItem item = files.get(messageId);
        if (chatFiles == null || item == null) {
            return;
        }
        item.error().set(null);
        listenToFiles();
        executor.submit(
                () -> call.call(chatFiles),
                result -> {
                    refreshFile(messageId);
                    done.accept(result);
                },
                failure -> {
                    item.progress().set(-1);
                    item.error().set(FileErrors.of(failure));
                    refreshFile(messageId);
                });
    }

    @FunctionalInterface
    private interface FileCall<T> {
        T call(ChatFiles files) throws Exception;
    }

    /** Progress and changes of this conversation's files come here (on the FX thread). */
    private void listenToFiles() {
        ChatFiles chatFiles = service.files();
        if (chatFiles == null) {
            return;
        }
        String id = conversation.id();
        chatFiles.listen(new ChatFiles.Listener() {
            @Override
            public void progress(String conversationId, String messageId, long done, long total) {
                if (conversationId.equals(id)) {
                    executor.runOnUiThread(() -> {
                        FileItem item = files.get(messageId);
                        if (item != null && !closed) {
                            item.progress().set(total <= 0 ? -1 : Math.min(1.0, done / (double) total));
                        }
                    });
                }
            }

            @Override
            public void changed(String conversationId, String messageId) {
                if (conversationId.equals(id)) {
                    executor.runOnUiThread(() -> refreshFile(messageId));
                }
            }
        });
    }

    /** Makes items for the window's files (new ones read their state; small received ones download). */
    private void trackFiles() {
        if (service.files() == null) {
            return;
        }
        for (Message m : window) {
            if (files.containsKey(m.id())) {
                continue;
            }
            if (payloadOf(m) instanceof Payload.File f) {
                files.put(m.id(), FileItem.of(m.id(), f.fileName(), f.size()));
                refreshFile(m.id());
            }
        }
    }

    /** Reads a file's state again; a small one on the server starts downloading. */
    private void refreshFile(String messageId) {
        ChatFiles chatFiles = service.files();
        FileItem item = files.get(messageId);
        if (chatFiles == null || item == null || closed) {
            return;
        }
        executor.submit(
                () -> chatFiles.state(messageId),
                state -> state.ifPresent(s -> {
                    if (s.state() != item.state().get()) {
                        item.progress().set(-1);
                    }
                    item.state().set(s.state());
                    if (s.state() == org.vermerk.app.attachment.AttachmentState.State.ON_SERVER
                            && item.error().get() == null) {
                        chatFiles.downloadIfSmall(messageId);
                    }
                }),
                this::failed);
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
        if (payloads.size() > 2 * Math.max(window.size(), PAGE)) {
            java.util.Set<String> inWindow = new java.util.HashSet<>();
            window.forEach(m -> inWindow.add(m.id()));
            payloads.keySet().retainAll(inWindow);
        }
        trackFiles();
        List<ChatRow> next = ChatTimeline.rows(window, service.userId(), group(), zone, marked, this::payloadOf);
        rows.update(next);
    }

    /**
     * A window message's payload, parsed once: every page that comes in rebuilds the rows of the
     * whole window (up to 1,000 messages) on the UI thread, and parsing them all again each time
     * was most of that work. An edit received replaces the stored content, hence the check.
     */
    private Payload payloadOf(Message m) {
        ParsedPayload parsed = payloads.get(m.id());
        if (parsed == null || !parsed.content().equals(m.content())) {
            parsed = new ParsedPayload(m.content(), ChatTimeline.parse(m));
            payloads.put(m.id(), parsed);
        }
        return parsed.payload();
    }

    private record ParsedPayload(String content, Payload payload) {}

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
