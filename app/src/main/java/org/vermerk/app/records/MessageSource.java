package org.vermerk.app.records;

import java.util.List;
import java.util.stream.Stream;

/**
 * The marked messages, in the server's order. The exporter walks them more than once (a summary
 * pass, the transcript, messages.json), one message at a time, so a source backed by a database
 * cursor keeps memory bounded however many messages a mark covers.
 */
@FunctionalInterface
public interface MessageSource {
    /**
     * Opens a new pass over the messages from the first. The caller closes the stream, which must
     * release whatever the pass holds (a cursor, a transaction).
     */
    Stream<RecordedMessage> open();

    /** A source over a list held in memory (tests, small marks). */
    static MessageSource of(List<RecordedMessage> messages) {
        List<RecordedMessage> copy = List.copyOf(messages);
        return copy::stream;
    }
}
