package org.vermerk.ui.records;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vermerk.app.records.AuditTrailEntry;
import org.vermerk.app.records.MarkChange;
import org.vermerk.app.records.MarkFilter;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.MarkResult;

/**
 * A {@link RecordsBackend} whose marks carry the conversation's title as the conversation list shows
 * it: a 1:1 conversation has no stored title (the list names it after the other person), so the
 * Records view's "Gespräch" column and filter would be empty for it.
 */
final class TitledRecordsBackend implements RecordsBackend {
    private final RecordsBackend backend;

    /** The list's titles by conversation ID, taken on the UI thread when the screen opens. */
    private final Supplier<Map<String, String>> titles;

    TitledRecordsBackend(RecordsBackend backend, Supplier<Map<String, String>> titles) {
        this.backend = backend;
        this.titles = titles;
    }

    private MarkOverview titled(MarkOverview m, Map<String, String> known) {
        String title = known.get(m.conversationId());
        if (!m.conversationTitle().isBlank() || title == null || title.isBlank()) {
            return m;
        }
        return new MarkOverview(
                m.mark(),
                m.conversationId(),
                title,
                m.firstMessageId(),
                m.lastMessageId(),
                m.messageCount(),
                m.classification(),
                m.state(),
                m.exportedAt(),
                m.exportReference());
    }

    @Override
    public MarkResult mark(MarkRequest request) throws Exception {
        return backend.mark(request);
    }

    @Override
    public List<MarkOverview> list(MarkFilter filter) throws Exception {
        Map<String, String> known = titles.get();
        return backend.list(filter).stream().map(m -> titled(m, known)).toList();
    }

    @Override
    public List<AuditTrailEntry> auditTrail(String markId) throws Exception {
        return backend.auditTrail(markId);
    }

    @Override
    public MarkOverview change(String markId, MarkChange change) throws Exception {
        return titled(backend.change(markId, change), titles.get());
    }

    @Override
    public void withdraw(String markId) throws Exception {
        backend.withdraw(markId);
    }

    @Override
    public Path export(String markId, Path directory) throws Exception {
        return backend.export(markId, directory);
    }

    @Override
    public Path exportAddendum(String markId, Path directory) throws Exception {
        return backend.exportAddendum(markId, directory);
    }
}
