package org.vermerk.ui.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vermerk.app.records.AuditTrailEntry;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.Mark;
import org.vermerk.app.records.MarkChange;
import org.vermerk.app.records.MarkExportedException;
import org.vermerk.app.records.MarkFilter;
import org.vermerk.app.records.MarkNotExportedException;
import org.vermerk.app.records.MarkNotFoundException;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkRangeException;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.MarkResult;
import org.vermerk.app.records.MarkState;
import org.vermerk.app.records.NoLaterChangesException;
import org.vermerk.app.records.RecordNotice;

/**
 * A {@link RecordsBackend} in memory that keeps the service's rules: marks editable until
 * exported, an audit entry per changed field, withdrawn marks listed only when asked for,
 * filters by state, conversation and file reference, exports written as files, an addendum only
 * after an export and with {@link #laterChanges}. Counts the calls.
 */
final class FakeRecords implements RecordsBackend {
    static final String ANNA = "anna.schmidt@bmi.example";
    static final Instant START = Instant.parse("2026-11-03T08:14:05Z");

    private final Map<String, MarkOverview> marks = new LinkedHashMap<>();
    private final Map<String, List<AuditTrailEntry>> trails = new LinkedHashMap<>();
    private Instant now = START;
    int laterChanges;
    int listCalls;
    MarkRequest lastRequest;

    /** Adds a stored mark as if the official had marked it. */
    MarkOverview add(
            String id, String conversationId, String title, Classification c, String az, String subject, int n) {
        now = now.plus(Duration.ofMinutes(7));
        MarkOverview mark = new MarkOverview(
                new Mark(id, az, subject, "", true, ANNA, now, List.of()),
                conversationId,
                title,
                id + "-first",
                id + "-last",
                n,
                c,
                MarkState.UNFILED,
                Optional.empty(),
                Optional.empty());
        marks.put(id, mark);
        trails.put(id, new ArrayList<>(List.of(entry(AuditTrailEntry.Action.MARKED, Optional.empty(), "", "", az))));
        return mark;
    }

    private AuditTrailEntry entry(
            AuditTrailEntry.Action action,
            Optional<AuditTrailEntry.MarkField> field,
            String old,
            String next,
            String detail) {
        now = now.plusSeconds(30);
        return new AuditTrailEntry(now, ANNA, action, field, old, next, detail);
    }

    @Override
    public MarkResult mark(MarkRequest request) throws Exception {
        lastRequest = request;
        if (request.firstMessageId().equals("deleted")) {
            throw new MarkRangeException("message deleted is deleted", null);
        }
        MarkOverview mark = add(
                "mark-" + (marks.size() + 1),
                request.conversationId(),
                "RZ-Planung",
                Classification.VS_NFD,
                request.fileReference(),
                request.subject(),
                3);
        return new MarkResult(
                mark,
                Optional.of(new RecordNotice(
                        request.conversationId(), mark.id(), "Anna Schmidt", 3, request.fileReference())));
    }

    @Override
    public List<MarkOverview> list(MarkFilter filter) {
        listCalls++;
        List<MarkOverview> result = new ArrayList<>();
        for (MarkOverview mark : marks.values()) {
            boolean stateOk = filter.state().map(s -> s == mark.state()).orElse(mark.state() != MarkState.WITHDRAWN);
            boolean conversationOk = filter.conversationId()
                    .map(c -> c.equals(mark.conversationId()))
                    .orElse(true);
            boolean fileReferenceOk = filter.fileReferenceContains()
                    .map(f ->
                            mark.mark().fileReference().toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)))
                    .orElse(true);
            if (stateOk && conversationOk && fileReferenceOk) {
                result.add(0, mark);
            }
        }
        return result;
    }

    @Override
    public List<AuditTrailEntry> auditTrail(String markId) throws Exception {
        find(markId);
        return List.copyOf(trails.get(markId));
    }

    private MarkOverview find(String markId) throws MarkNotFoundException {
        MarkOverview mark = marks.get(markId);
        if (mark == null) {
            throw new MarkNotFoundException(markId);
        }
        return mark;
    }

    private MarkOverview active(String markId) throws Exception {
        MarkOverview mark = find(markId);
        if (mark.state() == MarkState.WITHDRAWN) {
            throw new MarkNotFoundException(markId);
        }
        return mark;
    }

    @Override
    public MarkOverview change(String markId, MarkChange change) throws Exception {
        MarkOverview mark = active(markId);
        if (mark.state() == MarkState.EXPORTED) {
            throw new MarkExportedException(markId, null);
        }
        Mark m = mark.mark();
        List<AuditTrailEntry> trail = trails.get(markId);
        if (!m.fileReference().equals(change.fileReference())) {
            trail.add(entry(
                    AuditTrailEntry.Action.CHANGED,
                    Optional.of(AuditTrailEntry.MarkField.FILE_REFERENCE),
                    m.fileReference(),
                    change.fileReference(),
                    ""));
        }
        if (!m.subject().equals(change.subject())) {
            trail.add(entry(
                    AuditTrailEntry.Action.CHANGED,
                    Optional.of(AuditTrailEntry.MarkField.SUBJECT),
                    m.subject(),
                    change.subject(),
                    ""));
        }
        if (m.includeAttachments() != change.includeAttachments()) {
            trail.add(entry(
                    AuditTrailEntry.Action.CHANGED,
                    Optional.of(AuditTrailEntry.MarkField.INCLUDE_ATTACHMENTS),
                    Boolean.toString(m.includeAttachments()),
                    Boolean.toString(change.includeAttachments()),
                    ""));
        }
        MarkOverview changed = with(
                mark,
                new Mark(
                        m.id(),
                        change.fileReference(),
                        change.subject(),
                        change.note(),
                        change.includeAttachments(),
                        m.markedBy(),
                        m.markedAt(),
                        List.of()),
                mark.state(),
                mark.exportReference());
        marks.put(markId, changed);
        return changed;
    }

    @Override
    public void withdraw(String markId) throws Exception {
        MarkOverview mark = active(markId);
        if (mark.state() == MarkState.EXPORTED) {
            throw new MarkExportedException(markId, null);
        }
        trails.get(markId).add(entry(AuditTrailEntry.Action.WITHDRAWN, Optional.empty(), "", "", ""));
        marks.put(markId, with(mark, mark.mark(), MarkState.WITHDRAWN, Optional.empty()));
    }

    @Override
    public Path export(String markId, Path directory) throws Exception {
        MarkOverview mark = active(markId);
        Path zip = Files.writeString(directory.resolve(markId + "_FVDaten.SGOAblegen.0605.zip"), "zip");
        trails.get(markId)
                .add(entry(
                        AuditTrailEntry.Action.EXPORTED,
                        Optional.empty(),
                        "",
                        "",
                        zip.getFileName().toString()));
        marks.put(
                markId,
                with(
                        mark,
                        mark.mark(),
                        MarkState.EXPORTED,
                        Optional.of(zip.getFileName().toString())));
        return zip;
    }

    @Override
    public Path exportAddendum(String markId, Path directory) throws Exception {
        MarkOverview mark = active(markId);
        if (mark.state() != MarkState.EXPORTED) {
            throw new MarkNotExportedException(markId);
        }
        if (laterChanges == 0) {
            throw new NoLaterChangesException(markId);
        }
        Path zip = Files.writeString(directory.resolve(markId + "-addendum.zip"), "zip");
        trails.get(markId)
                .add(entry(
                        AuditTrailEntry.Action.ADDENDUM_EXPORTED,
                        Optional.empty(),
                        "",
                        "",
                        zip.getFileName().toString()));
        return zip;
    }

    private MarkOverview with(MarkOverview mark, Mark values, MarkState state, Optional<String> exportReference) {
        return new MarkOverview(
                values,
                mark.conversationId(),
                mark.conversationTitle(),
                mark.firstMessageId(),
                mark.lastMessageId(),
                mark.messageCount(),
                mark.classification(),
                state,
                state == MarkState.EXPORTED ? Optional.of(now) : mark.exportedAt(),
                exportReference.isPresent() ? exportReference : mark.exportReference());
    }
}
