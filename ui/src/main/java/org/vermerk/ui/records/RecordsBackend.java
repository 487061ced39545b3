package org.vermerk.ui.records;

import java.nio.file.Path;
import java.util.List;
import org.vermerk.app.records.AuditTrailEntry;
import org.vermerk.app.records.MarkChange;
import org.vermerk.app.records.MarkFilter;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.MarkResult;
import org.vermerk.app.records.RecordsService;

/**
 * What the records screens need of the engine: the calls of {@link RecordsService} they make. An
 * interface so that ViewModel and view tests need no keystore; {@link #of} adapts the real
 * service. Every method may block (store, disk) and is called through the {@code TaskExecutor}.
 */
public interface RecordsBackend {
    MarkResult mark(MarkRequest request) throws Exception;

    List<MarkOverview> list(MarkFilter filter) throws Exception;

    List<AuditTrailEntry> auditTrail(String markId) throws Exception;

    MarkOverview change(String markId, MarkChange change) throws Exception;

    void withdraw(String markId) throws Exception;

    Path export(String markId, Path directory) throws Exception;

    Path exportAddendum(String markId, Path directory) throws Exception;

    /** {@code backend} with the conversation list's titles for conversations stored without one (1:1). */
    static RecordsBackend titled(RecordsBackend backend, java.util.Map<String, String> titles) {
        java.util.Map<String, String> copy = java.util.Map.copyOf(titles);
        return new TitledRecordsBackend(backend, () -> copy);
    }

    /** The engine's records service. */
    static RecordsBackend of(RecordsService service) {
        return new RecordsBackend() {
            @Override
            public MarkResult mark(MarkRequest request) throws Exception {
                return service.mark(request);
            }

            @Override
            public List<MarkOverview> list(MarkFilter filter) throws Exception {
                return service.list(filter);
            }

            @Override
            public List<AuditTrailEntry> auditTrail(String markId) throws Exception {
                return service.auditTrail(markId);
            }

            @Override
            public MarkOverview change(String markId, MarkChange change) throws Exception {
                return service.change(markId, change);
            }

            @Override
            public void withdraw(String markId) throws Exception {
                service.withdraw(markId);
            }

            @Override
            public Path export(String markId, Path directory) throws Exception {
                return service.export(markId, directory);
            }

            @Override
            public Path exportAddendum(String markId, Path directory) throws Exception {
                return service.exportAddendum(markId, directory);
            }
        };
    }
}
