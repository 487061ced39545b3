package org.vermerk.app.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.DeliveryCursor;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Transition;

/**
 * The device inbox's sync cursor in the keystore (stream {@value #STREAM}): the last delivery
 * {@code seq} whose content is durably stored. Whoever stores a delivery moves it in the same
 * {@link Transition} ({@code syncCursor(InboxCursor.STREAM, seq)}) and then acknowledges; {@link
 * #store} does only the move, for deliveries that leave nothing else to store.
 */
public final class InboxCursor implements DeliveryCursor {
    private static final Logger LOG = LoggerFactory.getLogger(InboxCursor.class);

    public static final String STREAM = "inbox";

    /** The conversation ID a cursor-only transition is filed under; no such conversation exists. */
    static final String NO_CONVERSATION = "-inbox-";

    private final Keystore keystore;

    public InboxCursor(Keystore keystore) {
        this.keystore = keystore;
    }

    @Override
    public long storedUpTo() {
        try {
            return keystore.sync().cursor(STREAM).orElse(0);
        } catch (KeystoreException e) {
            LOG.warn("event=inbox_cursor_unreadable error={}", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** Moves the cursor to {@code seq} (never backwards). */
    public void store(long seq) throws KeystoreException {
        if (seq > storedUpTo()) {
            keystore.apply(Transition.forConversation(NO_CONVERSATION)
                    .syncCursor(STREAM, seq)
                    .build());
        }
    }
}
