package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.records.export.RecordExportException;
import org.vermerk.app.records.export.RecordExporter;
import org.vermerk.keystore.AuditEntry;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.MarkedAttachment;
import org.vermerk.keystore.MarkedMessage;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.RecordMark;
import org.vermerk.keystore.RecordMarkExportedException;
import org.vermerk.keystore.RecordMarkRangeException;

/**
 * Marks messages as record-relevant, keeps the marks and their audit trail in the keystore, and
 * files a mark as one signed export. What the CLI ({@code records mark|list|export}) and the
 * Records view call.
 *
 * <ul>
 *   <li>{@link #mark} snapshots one message or a range (first to last) of a conversation with file
 *       reference, subject, note, the attachment choice and the conversation's classification, and
 *       returns the {@link RecordNotice} for the conversation when the policy's {@code
 *       recordsNotice} is on.
 *   <li>{@link #change} and {@link #withdraw} work until the mark is exported; afterwards they
 *       fail with {@link MarkExportedException}.
 *   <li>Every create, change, withdrawal and export is in the mark's audit trail (who, when, which
 *       field from what to what), written in the same transaction as the change.
 *   <li>{@link #export} builds a {@link RecordExportRequest} from the stored, marked versions of the
 *       messages (a message edited or deleted after marking keeps its marked version; the later
 *       change is noted) and writes the ZIP with {@link RecordExporter}.
 *   <li>{@link #exportAddendum} files the changes made after the mark to an exported mark's
 *       messages as an addendum package that names the original export.
 * </ul>
 *
 * <p>Thread-safe as far as the keystore is (it serialises its work); the service holds no mutable
 * state. Nothing here logs message text, names or notes.
 */
public final class RecordsService {
    private static final Logger LOG = LoggerFactory.getLogger(RecordsService.class);

    private final Keystore store;
    private final RecordExporter exporter;
    private final AttachmentContents attachments;
    private final RecordsContext context;
    private final Supplier<UUID> ids;

    /**
     * @param store the open keystore (its clock stamps marks and audit entries)
     * @param exporter writes and signs the export
     * @param attachments where exports read attachment contents
     * @param context the official at this device and the policy's records settings
     * @param ids fresh mark IDs
     */
    public RecordsService(
            Keystore store,
            RecordExporter exporter,
            AttachmentContents attachments,
            RecordsContext context,
            Supplier<UUID> ids) {
        this.store = requireNonNull(store, "store");
        this.exporter = requireNonNull(exporter, "exporter");
        this.attachments = requireNonNull(attachments, "attachments");
        this.context = requireNonNull(context, "context");
        this.ids = requireNonNull(ids, "ids");
    }

    /**
     * Marks one message or a range as record-relevant in the name of {@link RecordsContext#self}.
     *
     * @throws MarkRangeException when the messages cannot be marked
     */
    public MarkResult mark(MarkRequest request) throws RecordsException {
        requireNonNull(request, "request");
        org.vermerk.keystore.Conversation conversation = conversation(request.conversationId());
        RecordMark stored;
        try {
            stored = store.records()
                    .mark(new RecordMark.New(
                            ids.get().toString(),
                            request.conversationId(),
                            request.firstMessageId(),
                            request.lastMessageId(),
                            request.fileReference(),
                            request.subject(),
                            request.note().isEmpty() ? null : request.note(),
                            request.includeAttachments(),
                            conversation.classification(),
                            context.self().userId()));
        } catch (RecordMarkRangeException e) {
            throw new MarkRangeException(e.getMessage(), e);
        } catch (KeystoreException e) {
            throw storeFailed("marking", e);
        }
        LOG.info("record mark {} made: {} messages", stored.id(), stored.messageCount());
        MarkOverview overview = overview(stored, conversation);
        Optional<RecordNotice> notice = context.noticeEnabled()
                ? Optional.of(new RecordNotice(
                        stored.conversationId(),
                        stored.id(),
                        context.self().displayName(),
                        stored.messageCount(),
                        stored.fileReference()))
                : Optional.empty();
        return new MarkResult(overview, notice);
    }

    /**
     * Sets a mark's file reference, subject, note and attachment choice; each changed value is
     * written to the audit trail.
     *
     * @throws MarkExportedException after the mark was exported
     * @throws MarkNotFoundException for an unknown or withdrawn mark
     */
    public MarkOverview change(String markId, MarkChange change) throws RecordsException {
        requireNonNull(change, "change");
        active(markId);
        try {
            RecordMark changed = store.records()
                    .change(
                            markId,
                            new RecordMark.Fields(
                                    change.fileReference(),
                                    change.subject(),
                                    change.note().isEmpty() ? null : change.note(),
                                    change.includeAttachments()),
                            context.self().userId());
            return overview(changed, conversation(changed.conversationId()));
        } catch (RecordMarkExportedException e) {
            throw new MarkExportedException(markId, e);
        } catch (KeystoreException e) {
            throw storeFailed("changing", e);
        }
    }

    /**
     * Withdraws a mark that was not exported; it stays in the store, listed as withdrawn.
     *
     * @throws MarkExportedException after the mark was exported
     */
    public void withdraw(String markId) throws RecordsException {
        active(markId);
        try {
            store.records().revoke(markId, context.self().userId());
        } catch (RecordMarkExportedException e) {
            throw new MarkExportedException(markId, e);
        } catch (KeystoreException e) {
            throw storeFailed("withdrawing", e);
        }
    }

    /** One mark with its audit trail, withdrawn marks included. */
    public MarkOverview find(String markId) throws RecordsException {
        RecordMark mark = stored(markId);
        return overview(mark, conversation(mark.conversationId()));
    }

    /**
     * A mark's audit trail, oldest first, in language-neutral form (who, when, what changed), for
     * {@code records show} and the Records view. Withdrawn marks included.
     */
    public List<AuditTrailEntry> auditTrail(String markId) throws RecordsException {
        stored(markId);
        try {
            return store.records().auditLog(markId).stream()
                    .map(RecordsMapping::trailEntry)
                    .toList();
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
    }

    /** Marks for the Records view, the newest first. */
    public List<MarkOverview> list(MarkFilter filter) throws RecordsException {
        requireNonNull(filter, "filter");
        Optional<MarkState> state = filter.state();
        RecordMark.Query query = new RecordMark.Query(
                filter.conversationId().orElse(null),
                state.filter(s -> s != MarkState.WITHDRAWN)
                        .map(s -> s == MarkState.EXPORTED)
                        .orElse(null),
                state.equals(Optional.of(MarkState.WITHDRAWN)),
                filter.fileReferenceContains().orElse(null),
                filter.markedFrom().orElse(null),
                filter.markedBefore().orElse(null));
        List<MarkOverview> result = new ArrayList<>();
        Map<String, org.vermerk.keystore.Conversation> conversations = new LinkedHashMap<>();
        try {
            for (RecordMark mark : store.records().list(query)) {
                if (state.isPresent() && RecordsMapping.state(mark) != state.get()) {
                    continue;
                }
                org.vermerk.keystore.Conversation conversation = conversations.get(mark.conversationId());
                if (conversation == null) {
                    conversation = conversation(mark.conversationId());
                    conversations.put(mark.conversationId(), conversation);
                }
                result.add(overview(mark, conversation));
            }
        } catch (KeystoreException e) {
            throw storeFailed("listing", e);
        }
        return result;
    }

    /** The marks whose range holds the message, to show them on it (withdrawn ones included). */
    public List<MarkOverview> marksOn(String messageId) throws RecordsException {
        List<MarkOverview> result = new ArrayList<>();
        try {
            for (RecordMark mark : store.records().marksOf(messageId)) {
                result.add(overview(mark, conversation(mark.conversationId())));
            }
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
        return result;
    }

    /**
     * Files the mark: writes one signed ZIP into {@code directory} and notes the export in the
     * mark's audit trail. A mark may be exported again (for example after a lost file); each export
     * is in the trail, and the mark stays unchangeable after the first.
     *
     * @return the ZIP's path
     * @throws MarkNotFoundException for an unknown or withdrawn mark
     * @throws RecordsException when the export cannot be written (nothing is left behind) or noted
     */
    public Path export(String markId, Path directory) throws RecordsException {
        requireNonNull(directory, "directory");
        RecordMark mark = active(markId);
        Path zip = write(markId, request(mark, Optional.empty(), id -> true), directory);
        note(markId, zip.getFileName().toString());
        LOG.info("record mark {} exported to {}", markId, zip.getFileName());
        return zip;
    }

    /**
     * Files the later changes of an exported mark as an addendum: one more signed ZIP (its own
     * ProzessID, the same structure and verification as an export) holding only the messages edited
     * or deleted after the mark was made, each in its marked version with the change (time and new
     * text) beside it, and naming the original export (its package, ProzessID and time) in the
     * xdomea message, the transcript and messages.json ({@code addendumTo}). The original export is
     * not touched. Each addendum carries every later change up to now, and is noted in the mark's
     * audit trail ({@link AuditTrailEntry.Action#ADDENDUM_EXPORTED}).
     *
     * @return the addendum's ZIP path
     * @throws MarkNotExportedException when the mark was not exported yet
     * @throws NoLaterChangesException when no message of the mark changed after marking
     * @throws MarkNotFoundException for an unknown or withdrawn mark
     */
    public Path exportAddendum(String markId, Path directory) throws RecordsException {
        requireNonNull(directory, "directory");
        RecordMark mark = active(markId);
        if (!mark.exported()) {
            throw new MarkNotExportedException(markId);
        }
        AddendumOf original = originalExport(mark);
        Set<String> changed = changedAfterMark(markId);
        if (changed.isEmpty()) {
            throw new NoLaterChangesException(markId);
        }
        Path zip = write(markId, request(mark, Optional.of(original), changed::contains), directory);
        note(markId, AddendumReference.detail(zip.getFileName().toString()));
        LOG.info(
                "record mark {} addendum with {} changed messages exported to {}",
                markId,
                changed.size(),
                zip.getFileName());
        return zip;
    }

    /** How many of the mark's messages were edited or deleted after it was marked. */
    public int changedAfterMarkCount(String markId) throws RecordsException {
        active(markId);
        return changedAfterMark(markId).size();
    }

    private Set<String> changedAfterMark(String markId) throws RecordsException {
        Set<String> changed = new LinkedHashSet<>();
        try {
            for (int from = 0; ; ) {
                List<MarkedMessage> page = store.records().markedMessages(markId, from, StoredMessages.PAGE);
                for (MarkedMessage message : page) {
                    if (message.changedAfterMark()) {
                        changed.add(message.messageId());
                    }
                }
                from += page.size();
                if (page.size() < StoredMessages.PAGE) {
                    return changed;
                }
            }
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
    }

    /** The latest export that was not an addendum, from the audit trail. */
    private AddendumOf originalExport(RecordMark mark) throws RecordsException {
        List<AuditEntry> log;
        try {
            log = store.records().auditLog(mark.id());
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
        AuditEntry original = null;
        for (AuditEntry entry : log) {
            if (entry.action() == AuditEntry.Action.EXPORTED
                    && entry.detail() != null
                    && !AddendumReference.isAddendum(entry.detail())) {
                original = entry;
            }
        }
        if (original == null) {
            throw new MarkNotExportedException(mark.id());
        }
        return AddendumOf.of(original.detail(), original.at());
    }

    private Path write(String markId, RecordExportRequest request, Path directory) throws RecordsException {
        try {
            return exporter.export(request, directory);
        } catch (RecordExportException e) {
            throw new RecordsException("the export of record mark " + markId + " failed: " + e.getMessage(), e);
        }
    }

    private void note(String markId, String detail) throws RecordsException {
        try {
            store.records().markExported(markId, detail, context.self().userId());
        } catch (KeystoreException e) {
            throw storeFailed("noting the export of", e);
        }
    }

    /**
     * The export request of a mark as it is stored now: the marked versions of its messages
     * (streamed from the store page by page), the attachments, the members with their verification
     * state, and the mark's audit trail.
     */
    public RecordExportRequest request(String markId) throws RecordsException {
        return request(active(markId), Optional.empty(), id -> true);
    }

    /** @param messages which messages' attachments to take (all, or the changed ones of an addendum) */
    private RecordExportRequest request(RecordMark mark, Optional<AddendumOf> addendumOf, Predicate<String> messages)
            throws RecordsException {
        try {
            org.vermerk.keystore.Conversation conversation = conversation(mark.conversationId());
            List<AttachmentFile> files = new ArrayList<>();
            Map<String, List<String>> byMessage = new LinkedHashMap<>();
            for (MarkedAttachment marked : store.records().attachments(mark.id())) {
                org.vermerk.keystore.Attachment a = marked.attachment();
                a.fileKey().destroy();
                if (!messages.test(a.messageId())) {
                    continue;
                }
                files.add(new AttachmentFile(
                        a.id(),
                        a.fileName(),
                        a.mediaType(),
                        a.size(),
                        Sha256.of(a.sha256().toByteArray()),
                        marked.senderUserId(),
                        marked.sentAt(),
                        attachments.contentOf(a)));
                byMessage.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a.id());
            }
            List<Participant> participants = participants(conversation.id());
            return new RecordExportRequest(
                    RecordsMapping.mark(mark, store.records().auditLog(mark.id())),
                    new Conversation(
                            conversation.id(),
                            shownTitle(conversation.title(), participants),
                            classification(mark, conversation)),
                    participants,
                    new StoredMessages(store, mark.id(), byMessage, addendumOf.isPresent()),
                    files,
                    context.self(),
                    context.authority(),
                    context.zone(),
                    addendumOf);
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
    }

    /**
     * The conversation's title, or for one without (a 1:1 conversation has none) its
     * participants' names, so that a record never names its conversation as „“.
     */
    static String shownTitle(String title, List<Participant> participants) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        return String.join(
                ", ", participants.stream().map(Participant::displayName).toList());
    }

    private List<Participant> participants(String conversationId) throws KeystoreException {
        List<Participant> result = new ArrayList<>();
        for (Member member : store.conversations().members(conversationId)) {
            if (member.userId().equals(context.self().userId())) {
                result.add(new Participant(member.userId(), context.self().displayName(), VerificationState.VERIFIED));
                continue;
            }
            var contact = store.conversations().contact(member.userId());
            result.add(new Participant(
                    member.userId(),
                    contact.map(org.vermerk.keystore.Contact::displayName).orElse(member.userId()),
                    RecordsMapping.verification(contact)));
        }
        return result;
    }

    /** The record carries the stricter of the classification at marking and the one now. */
    private static Classification classification(RecordMark mark, org.vermerk.keystore.Conversation now) {
        return RecordsMapping.stricter(
                RecordsMapping.classification(mark.classification()),
                RecordsMapping.classification(now.classification()));
    }

    private MarkOverview overview(RecordMark mark, org.vermerk.keystore.Conversation conversation)
            throws RecordsException {
        List<AuditEntry> log;
        try {
            log = store.records().auditLog(mark.id());
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
        return new MarkOverview(
                RecordsMapping.mark(mark, log),
                mark.conversationId(),
                conversation.title(),
                mark.firstMessageId(),
                mark.lastMessageId(),
                mark.messageCount(),
                classification(mark, conversation),
                RecordsMapping.state(mark),
                Optional.ofNullable(mark.exportedAt()),
                Optional.ofNullable(mark.exportRef()));
    }

    private RecordMark stored(String markId) throws RecordsException {
        requireNonNull(markId, "markId");
        try {
            return store.records().find(markId).orElseThrow(() -> new MarkNotFoundException(markId));
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
    }

    private RecordMark active(String markId) throws RecordsException {
        RecordMark mark = stored(markId);
        if (mark.revoked()) {
            throw new MarkNotFoundException(markId);
        }
        return mark;
    }

    private org.vermerk.keystore.Conversation conversation(String conversationId) throws RecordsException {
        try {
            return store.conversations()
                    .find(conversationId)
                    .orElseThrow(() -> new MarkRangeException("no conversation " + conversationId, null));
        } catch (KeystoreException e) {
            throw storeFailed("reading", e);
        }
    }

    private static RecordsException storeFailed(String operation, KeystoreException e) {
        return new RecordsException(operation + " the record mark failed in the store: " + e.getMessage(), e);
    }
}
