package org.vermerk.app.records;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.MarkedMessage;
import org.vermerk.keystore.Message;

/**
 * A mark's messages read from the keystore a page at a time, so that an export of any size holds
 * one page in memory. Each message appears in its marked version; an edit or deletion after the
 * mark becomes its {@link LaterChange}.
 */
final class StoredMessages implements MessageSource {
    static final int PAGE = 500;
    private static final int EXCERPT = 80;

    private final Keystore store;
    private final String markId;
    private final Map<String, List<String>> attachmentIds;
    private final boolean onlyChangedAfterMark;

    StoredMessages(Keystore store, String markId, Map<String, List<String>> attachmentIds) {
        this(store, markId, attachmentIds, false);
    }

    /** @param onlyChangedAfterMark only the messages edited or deleted after the mark (an addendum) */
    StoredMessages(
            Keystore store, String markId, Map<String, List<String>> attachmentIds, boolean onlyChangedAfterMark) {
        this.store = store;
        this.markId = markId;
        this.attachmentIds = Map.copyOf(attachmentIds);
        this.onlyChangedAfterMark = onlyChangedAfterMark;
    }

    @Override
    public Stream<RecordedMessage> open() {
        Iterator<RecordedMessage> pages = new Iterator<>() {
            private final ArrayDeque<MarkedMessage> page = new ArrayDeque<>();
            private int next;
            private boolean end;

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && !end) {
                    List<MarkedMessage> read = read(next);
                    for (MarkedMessage message : read) {
                        if (!onlyChangedAfterMark || message.changedAfterMark()) {
                            page.add(message);
                        }
                    }
                    next += read.size();
                    end = read.size() < PAGE;
                }
                return !page.isEmpty();
            }

            @Override
            public RecordedMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return recorded(page.removeFirst());
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private List<MarkedMessage> read(int from) {
        try {
            return store.records().markedMessages(markId, from, PAGE);
        } catch (KeystoreException e) {
            throw new StoreReadException(e);
        }
    }

    private RecordedMessage recorded(MarkedMessage message) {
        StoredContent marked = StoredContent.parse(message.markedContent());
        return new RecordedMessage(
                message.messageId(),
                message.senderUserId(),
                message.sentAt(),
                message.receivedAt(),
                marked.text(),
                marked.replyTo().map(this::reply),
                message.revisionsBeforeMark().stream()
                        .map(RecordsMapping::revision)
                        .toList(),
                laterChange(message),
                attachmentIds.getOrDefault(message.messageId(), List.of()));
    }

    static Optional<LaterChange> laterChange(MarkedMessage message) {
        if (message.deletedAt() != null) {
            return Optional.of(new LaterChange(LaterChange.Kind.DELETED, message.deletedAt(), ""));
        }
        if (!message.changedAfterMark()) {
            return Optional.empty();
        }
        return Optional.of(new LaterChange(
                LaterChange.Kind.EDITED,
                message.editedAt() == null ? message.receivedAt() : message.editedAt(),
                StoredContent.parse(message.currentContent()).text()));
    }

    private ReplyReference reply(String messageId) {
        Optional<Message> answered;
        try {
            answered = store.messages().find(messageId);
        } catch (KeystoreException e) {
            throw new StoreReadException(e);
        }
        return answered.map(m -> {
                    String text = StoredContent.parse(m.content()).text();
                    return new ReplyReference(
                            messageId,
                            m.senderUserId(),
                            text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + " …");
                })
                .orElse(new ReplyReference(messageId, "", ""));
    }

    /** A keystore failure while the exporter walks the messages; the exporter reports it. */
    static final class StoreReadException extends RuntimeException {
        StoreReadException(KeystoreException cause) {
            super("reading the marked messages failed: " + cause.getMessage(), cause);
        }
    }
}
