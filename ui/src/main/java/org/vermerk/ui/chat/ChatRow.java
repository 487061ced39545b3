package org.vermerk.ui.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.vermerk.keystore.DeliveryState;

/**
 * One row of the chat list: a day separator or a message as it is shown. Immutable values, so a
 * new timeline can be compared with the one shown and only the rows that changed are replaced.
 */
public sealed interface ChatRow {
    /** A stable key: the same day or message keeps its key when its content changes. */
    String key();

    /** "Heute", "Gestern" or the date, above the first message of each day. */
    record Day(LocalDate date) implements ChatRow {
        @Override
        public String key() {
            return "day:" + date;
        }
    }

    /** What kind of message a row shows; the view renders each differently. */
    enum Kind {
        /** A text (possibly edited, a reply, or deleted for everyone). */
        TEXT,
        /** The group got this title. */
        TITLE,
        /** Messages of the conversation were filed as a record; the text says so. */
        RECORD_NOTICE,
        /** This device saw new keys for the contact whose user ID is the text (ADR 0014). */
        KEY_CHANGED,
        /** This device joined later: earlier messages are not on it (ADR 0022). */
        HISTORY_NOTE,
        /** Content from a newer Vermerk that this one cannot show. */
        UNKNOWN,
        /** A file (ADR 0021); the text is what was sent with it, "" when nothing; details in {@link FileItem}. */
        FILE
    }

    /**
     * A message.
     *
     * @param senderLabel the sender's name above the message in groups (first of a run by one
     *     sender); null when not shown
     * @param text the text (for TITLE the title); null when deleted for everyone
     * @param replyTo the beginning of the text replied to, "" when that message is not loaded; null
     *     when no reply
     * @param reactions the reactions as "👍 2  ❤ 1"; empty when none
     * @param notice for RECORD_NOTICE its facts, shown in the reader's language; null otherwise
     * @param marked whether a mark (not withdrawn) holds this message for the records
     */
    record MessageRow(
            String id,
            Kind kind,
            String senderUserId,
            String senderLabel,
            boolean own,
            String text,
            boolean edited,
            String replyTo,
            String reactions,
            Instant sentAt,
            DeliveryState state,
            org.vermerk.app.conversation.Payload.RecordNotice notice,
            boolean marked)
            implements ChatRow {
        /** The text as the reader sees it in {@code language} (a record notice in their language). */
        public String shownText(org.vermerk.app.policy.Language language) {
            return notice != null ? notice.render(language) : text;
        }

        public MessageRow {
            Objects.requireNonNull(id);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(reactions);
        }

        @Override
        public String key() {
            return id;
        }

        public boolean deleted() {
            return text == null;
        }

        @Override
        public String toString() {
            return "MessageRow[" + id + ", " + kind + "]"; // no message text in logs
        }
    }
}
