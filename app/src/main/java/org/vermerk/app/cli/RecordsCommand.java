package org.vermerk.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.Settings;
import org.vermerk.app.records.AccountRecords;
import org.vermerk.app.records.AuditTrailEntry;
import org.vermerk.app.records.MarkChange;
import org.vermerk.app.records.MarkExportedException;
import org.vermerk.app.records.MarkFilter;
import org.vermerk.app.records.MarkNotExportedException;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.MarkResult;
import org.vermerk.app.records.MarkState;
import org.vermerk.app.records.NoLaterChangesException;
import org.vermerk.app.records.Official;
import org.vermerk.app.records.RecordNotice;
import org.vermerk.app.records.RecordsContext;
import org.vermerk.app.records.RecordsException;
import org.vermerk.app.records.RecordsService;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.verify.ExportVerifier;
import org.vermerk.app.records.verify.Problem;
import org.vermerk.app.records.verify.Verdict;
import org.vermerk.keystore.Message;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vermerk cli records}: mark messages as record-relevant, list the marks, export, verify. */
@Command(
        name = "records",
        mixinStandardHelpOptions = true,
        description = {
            "Records (E-Akte): mark a range of a conversation's messages as record-relevant, list, show,",
            "change and withdraw the marks, export a mark as one signed ZIP (and its later changes as an",
            "addendum), and verify such a ZIP."
        },
        subcommands = {
            RecordsCommand.Mark.class,
            RecordsCommand.ListMarks.class,
            RecordsCommand.Show.class,
            RecordsCommand.Change.class,
            RecordsCommand.Withdraw.class,
            RecordsCommand.Export.class,
            RecordsCommand.Addendum.class,
            RecordsCommand.Verify.class
        })
final class RecordsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The official's name shown in the notice and the export; the user ID unless --name says it. */
    static final class OfficialName {
        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "Your name as the conversation and the transcript show it (default: your user ID).")
        String name;

        Official of(String userId) {
            return Official.named(userId, name);
        }
    }

    static RecordsService service(Account account, EffectiveSettings settings, Official self) {
        return service(account, settings, self, Optional.empty());
    }

    /** {@code notice}: the user's choice instead of the policy's preset, when given. */
    static RecordsService service(
            Account account, EffectiveSettings settings, Official self, Optional<Boolean> notice) {
        RecordsContext context = RecordsContext.of(self, settings, ZoneId.systemDefault());
        if (notice.isPresent()) {
            context = new RecordsContext(context.self(), context.authority(), context.zone(), notice.get());
        }
        return AccountRecords.service(account, context);
    }

    static CliFailure failure(RecordsException e) {
        return new CliFailure(ExitCodes.FAILED, "records", e.getMessage());
    }

    static Map<String, Object> fields(MarkOverview m) {
        return Output.fields(
                "event",
                "mark",
                "markId",
                m.id(),
                "fileReference",
                m.mark().fileReference(),
                "subject",
                m.mark().subject(),
                "conversationId",
                m.conversationId(),
                "conversationTitle",
                m.conversationTitle(),
                "firstMessageId",
                m.firstMessageId(),
                "lastMessageId",
                m.lastMessageId(),
                "messageCount",
                m.messageCount(),
                "state",
                m.state().name().toLowerCase(java.util.Locale.ROOT),
                "markedBy",
                m.mark().markedBy(),
                "markedAt",
                m.mark().markedAt().toString(),
                "exportedAt",
                m.exportedAt().map(Instant::toString).orElse(null),
                "exportReference",
                m.exportReference().orElse(null));
    }

    static String line(MarkOverview m) {
        return m.id() + "  Az. " + m.mark().fileReference() + "  \"" + m.mark().subject() + "\"  conversation "
                + m.conversationId() + "  " + m.messageCount() + (m.messageCount() == 1 ? " message" : " messages")
                + "  " + m.state().name().toLowerCase(java.util.Locale.ROOT)
                + m.exportedAt().map(t -> "  exported " + t).orElse("");
    }

    @Command(
            name = "mark",
            mixinStandardHelpOptions = true,
            description = {
                "Marks the messages from --from to --to (one conversation, in the server's order) as",
                "record-relevant and prints the mark ID (last line). Unless the policy's recordsNotice is",
                "off, the conversation is told (\"… hat N Nachrichten zu Az. … zu den Akten genommen\");",
                "offline, that notice waits in the outbox for the next command that connects."
            })
    static final class Mark extends EngineCommand {
        @Option(names = "--conversation", paramLabel = "ID", required = true, description = "The conversation.")
        String conversation;

        @Option(names = "--from", paramLabel = "MESSAGE_ID", required = true, description = "The first message.")
        String from;

        @Option(
                names = "--to",
                paramLabel = "MESSAGE_ID",
                description = "The last message (default: the same as --from).")
        String to;

        @Option(names = "--file-ref", paramLabel = "AZ", required = true, description = "The file reference (Az.).")
        String fileReference;

        @Option(names = "--subject", paramLabel = "TEXT", required = true, description = "The subject (Betreff).")
        String subject;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note for the file.")
        String note;

        @Option(
                names = "--no-attachments",
                description = "List attachments by name and SHA-256 only; leave their contents out of the export.")
        boolean noAttachments;

        @Option(
                names = "--notice",
                negatable = true,
                description = {
                    "Tell the conversation (--no-notice: do not). Default: the policy's recordsNotice (on);",
                    "refused when the policy locks it."
                })
        Boolean notice;

        @picocli.CommandLine.Mixin
        OfficialName official;

        @Override
        void run(Account account, ConversationEngine engine) throws Exception {
            EffectiveSettings settings = settings();
            var policyNotice = settings.get(Settings.RECORDS_NOTICE);
            if (notice != null
                    && !policyNotice.userMayChange()
                    && notice != policyNotice.value().orElse(true)) {
                throw new CliFailure(
                        ExitCodes.USAGE,
                        "notice_locked",
                        "the admin policy locks recordsNotice to "
                                + policyNotice.value().orElse(true));
            }
            if (engine.conversation(conversation).isEmpty()) {
                throw new CliFailure(ExitCodes.FAILED, "no_conversation", "no conversation " + conversation);
            }
            RecordsService records =
                    service(account, settings, official.of(account.userId()), Optional.ofNullable(notice));
            MarkResult result;
            try {
                result = records.mark(new MarkRequest(
                        conversation, from, to == null ? from : to, fileReference, subject, note, !noAttachments));
            } catch (RecordsException e) {
                throw failure(e);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.USAGE, "invalid_mark", e.getMessage());
            }
            Optional<RecordNotice> notice = result.notice();
            if (notice.isPresent()) {
                Message sent = engine.sendRecordNotice(notice.get());
                boolean accepted = engine.awaitOutboxEmpty(SEND_WAIT);
                output.result(
                        (accepted ? "Told the conversation: " : "Queued for the conversation (server not reached): ")
                                + notice.get().german(),
                        Output.fields(
                                "event",
                                accepted ? "notice_sent" : "notice_queued",
                                "conversationId",
                                conversation,
                                "messageId",
                                sent.id(),
                                "text",
                                notice.get().german()));
            }
            MarkOverview mark = result.mark();
            Map<String, Object> fields = fields(mark);
            fields.put("event", "marked");
            output.result(
                    "Marked " + mark.messageCount() + (mark.messageCount() == 1 ? " message" : " messages")
                            + " under Az. " + mark.mark().fileReference() + " (mark ID on the next line)\n" + mark.id(),
                    fields);
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the marks, newest first: ID, file reference, subject, conversation, message count,",
                "state (unfiled, exported, withdrawn) and when exported. Without a state option: unfiled",
                "and exported ones."
            })
    static final class ListMarks extends CliCommand.Sub {
        static final class State {
            @Option(names = "--unfiled", description = "Only marks not yet exported.")
            boolean unfiled;

            @Option(names = "--exported", description = "Only exported marks.")
            boolean exported;

            @Option(names = "--withdrawn", description = "Only withdrawn marks.")
            boolean withdrawn;
        }

        @ArgGroup(exclusive = true)
        State state;

        @Option(names = "--conversation", paramLabel = "ID", description = "Only marks in this conversation.")
        String conversation;

        @Option(
                names = "--file-ref",
                paramLabel = "TEXT",
                description = "Only marks whose file reference contains TEXT (case-insensitive).")
        String fileReference;

        @Override
        void execute() throws Exception {
            EffectiveSettings settings = settings();
            try (Account account = unlock(settings)) {
                MarkFilter filter = MarkFilter.all();
                if (state != null && state.unfiled) {
                    filter = MarkFilter.inState(MarkState.UNFILED);
                } else if (state != null && state.exported) {
                    filter = MarkFilter.inState(MarkState.EXPORTED);
                } else if (state != null && state.withdrawn) {
                    filter = MarkFilter.inState(MarkState.WITHDRAWN);
                }
                if (conversation != null) {
                    filter = filter.inConversation(conversation);
                }
                if (fileReference != null && !fileReference.isBlank()) {
                    filter = filter.withFileReferenceContaining(fileReference.strip());
                }
                List<MarkOverview> marks;
                try {
                    marks = service(account, settings, new OfficialName().of(account.userId()))
                            .list(filter);
                } catch (RecordsException e) {
                    throw failure(e);
                }
                if (marks.isEmpty() && !json()) {
                    output.result("No marks.", Map.of());
                }
                for (MarkOverview mark : marks) {
                    output.result(line(mark), fields(mark));
                }
            }
        }
    }

    /** The audit entry's action as the command line names it. */
    static String actionName(AuditTrailEntry.Action action) {
        return switch (action) {
            case MARKED -> "marked";
            case CHANGED -> "changed";
            case WITHDRAWN -> "withdrawn";
            case EXPORTED -> "exported";
            case ADDENDUM_EXPORTED -> "addendum-exported";
        };
    }

    /** The changed field as the command line and messages.json name it. */
    static String fieldName(AuditTrailEntry.MarkField field) {
        return switch (field) {
            case FILE_REFERENCE -> "fileReference";
            case SUBJECT -> "subject";
            case NOTE -> "note";
            case INCLUDE_ATTACHMENTS -> "includeAttachments";
        };
    }

    static String line(AuditTrailEntry e) {
        StringBuilder text = new StringBuilder("  ")
                .append(e.at())
                .append("  ")
                .append(e.actorUserId())
                .append("  ")
                .append(actionName(e.action()));
        e.field()
                .ifPresent(f -> text.append(' ')
                        .append(fieldName(f))
                        .append(": \"")
                        .append(e.oldValue())
                        .append("\" -> \"")
                        .append(e.newValue())
                        .append('"'));
        if (!e.detail().isEmpty()) {
            text.append("  ").append(e.detail());
        }
        return text.toString();
    }

    static Map<String, Object> fields(AuditTrailEntry e, String markId) {
        return Output.fields(
                "event",
                "audit",
                "markId",
                markId,
                "at",
                e.at().toString(),
                "by",
                e.actorUserId(),
                "action",
                actionName(e.action()),
                "field",
                e.field().map(RecordsCommand::fieldName).orElse(null),
                "oldValue",
                e.field().isPresent() ? e.oldValue() : null,
                "newValue",
                e.field().isPresent() ? e.newValue() : null,
                "detail",
                e.detail().isEmpty() ? null : e.detail());
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Shows one mark (withdrawn ones too) and its audit trail, oldest first: when, who, and what",
                "happened (marked, changed FIELD from -> to, withdrawn, exported, addendum-exported)."
            })
    static final class Show extends CliCommand.Sub {
        @Option(names = "--mark", paramLabel = "ID", required = true, description = "The mark (see `records list`).")
        String mark;

        @Override
        void execute() throws Exception {
            EffectiveSettings settings = settings();
            try (Account account = unlock(settings)) {
                RecordsService records = service(account, settings, new OfficialName().of(account.userId()));
                MarkOverview overview;
                List<AuditTrailEntry> trail;
                try {
                    overview = records.find(mark);
                    trail = records.auditTrail(mark);
                } catch (RecordsException e) {
                    throw failure(e);
                }
                Map<String, Object> fields = fields(overview);
                fields.put("note", overview.mark().note());
                fields.put("includeAttachments", overview.mark().includeAttachments());
                fields.put("classification", overview.classification().jsonName());
                StringBuilder text = new StringBuilder(line(overview));
                text.append("\n  note: ")
                        .append(
                                overview.mark().note().isEmpty()
                                        ? "-"
                                        : overview.mark().note())
                        .append("\n  attachments: ")
                        .append(overview.mark().includeAttachments() ? "included" : "listed only")
                        .append("\n  classification: ")
                        .append(overview.classification().jsonName())
                        .append("\n  messages: ")
                        .append(overview.firstMessageId())
                        .append(" .. ")
                        .append(overview.lastMessageId())
                        .append("\nAudit trail:");
                output.result(text.toString(), fields);
                for (AuditTrailEntry entry : trail) {
                    output.result(line(entry), fields(entry, mark));
                }
            }
        }
    }

    @Command(
            name = "change",
            mixinStandardHelpOptions = true,
            description = {
                "Changes a mark that was not exported yet: the options given replace the stored values,",
                "the others stay. Each changed value is written to the audit trail (see `records show`)."
            })
    static final class Change extends CliCommand.Sub {
        @Option(names = "--mark", paramLabel = "ID", required = true, description = "The mark (see `records list`).")
        String mark;

        @Option(names = "--file-ref", paramLabel = "AZ", description = "The new file reference (Az.).")
        String fileReference;

        @Option(names = "--subject", paramLabel = "TEXT", description = "The new subject (Betreff).")
        String subject;

        @Option(names = "--note", paramLabel = "TEXT", description = "The new note (\"\" removes it).")
        String note;

        @Option(
                names = "--attachments",
                negatable = true,
                description = "Include the attachments' contents in the export (--no-attachments: list them only).")
        Boolean attachments;

        @Override
        void execute() throws Exception {
            if (fileReference == null && subject == null && note == null && attachments == null) {
                throw new CliFailure(
                        ExitCodes.USAGE,
                        "nothing_to_change",
                        "name at least one of --file-ref, --subject, --note, --[no-]attachments");
            }
            EffectiveSettings settings = settings();
            try (Account account = unlock(settings)) {
                RecordsService records = service(account, settings, new OfficialName().of(account.userId()));
                MarkOverview changed;
                try {
                    org.vermerk.app.records.Mark now = records.find(mark).mark();
                    changed = records.change(
                            mark,
                            new MarkChange(
                                    fileReference != null ? fileReference : now.fileReference(),
                                    subject != null ? subject : now.subject(),
                                    note != null ? note : now.note(),
                                    attachments != null ? attachments : now.includeAttachments()));
                } catch (MarkExportedException e) {
                    throw new CliFailure(ExitCodes.FAILED, "mark_exported", e.getMessage());
                } catch (RecordsException e) {
                    throw failure(e);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(ExitCodes.USAGE, "invalid_change", e.getMessage());
                }
                Map<String, Object> fields = fields(changed);
                fields.put("event", "changed");
                fields.put("note", changed.mark().note());
                fields.put("includeAttachments", changed.mark().includeAttachments());
                output.result("Changed mark " + mark + ":\n" + line(changed), fields);
            }
        }
    }

    @Command(
            name = "withdraw",
            mixinStandardHelpOptions = true,
            description = {
                "Withdraws a mark that was not exported yet. It stays in the store, listed as withdrawn,",
                "with its audit trail; it can no longer be exported."
            })
    static final class Withdraw extends CliCommand.Sub {
        @Option(names = "--mark", paramLabel = "ID", required = true, description = "The mark (see `records list`).")
        String mark;

        @Override
        void execute() throws Exception {
            EffectiveSettings settings = settings();
            try (Account account = unlock(settings)) {
                try {
                    service(account, settings, new OfficialName().of(account.userId()))
                            .withdraw(mark);
                } catch (MarkExportedException e) {
                    throw new CliFailure(ExitCodes.FAILED, "mark_exported", e.getMessage());
                } catch (RecordsException e) {
                    throw failure(e);
                }
                output.result("Withdrew mark " + mark, Output.fields("event", "withdrawn", "markId", mark));
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Exports a mark as one ZIP (xdomea 0605, PDF/A transcript, messages.json, attachments,",
                "signed manifest) into --out, or the policy's exportDirectory; prints the ZIP's path (last",
                "line). After the first export the mark cannot be changed."
            })
    static final class Export extends ZipCommand {
        @Override
        Path write(RecordsService records, Path directory) throws RecordsException {
            return records.export(mark, directory);
        }

        @Override
        String done(Path zip) {
            return "Exported mark " + mark + " to\n" + zip;
        }

        @Override
        String event() {
            return "exported";
        }
    }

    /** What export and addendum share: the mark, where the ZIP goes, who exports; the ZIP's path is printed last. */
    abstract static class ZipCommand extends CliCommand.Sub {
        @Option(names = "--mark", paramLabel = "ID", required = true, description = "The mark (see `records list`).")
        String mark;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Where the ZIP goes (default: the policy's exportDirectory).")
        Path out;

        @picocli.CommandLine.Mixin
        OfficialName official;

        /** Writes the ZIP into {@code directory}; a refusal this command names is a CliFailure. */
        abstract Path write(RecordsService records, Path directory) throws RecordsException, CliFailure;

        abstract String done(Path zip);

        abstract String event();

        @Override
        void execute() throws Exception {
            EffectiveSettings settings = settings();
            Path directory = exportDirectory(out, settings);
            try (Account account = unlock(settings)) {
                Path zip;
                try {
                    zip = write(service(account, settings, official.of(account.userId())), directory);
                } catch (RecordsException e) {
                    throw failure(e);
                }
                output.result(done(zip), Output.fields("event", event(), "markId", mark, "zip", zip.toString()));
            }
        }
    }

    /** --out, or the policy's exportDirectory. */
    static Path exportDirectory(Path out, EffectiveSettings settings) throws CliFailure {
        return out != null
                ? out
                : settings.get(Settings.EXPORT_DIRECTORY)
                        .value()
                        .orElseThrow(() -> new CliFailure(
                                ExitCodes.USAGE,
                                "no_export_directory",
                                "the policy sets no exportDirectory; name one with --out DIR"));
    }

    @Command(
            name = "addendum",
            mixinStandardHelpOptions = true,
            description = {
                "Files the changes made after marking (edits, deletions) of an exported mark's messages as an",
                "addendum: one more signed ZIP, verified like an export, holding those messages in their",
                "marked version with each change, and naming the original export. Prints the ZIP's path",
                "(last line). Fails when the mark was not exported or nothing changed."
            })
    static final class Addendum extends ZipCommand {
        @Override
        Path write(RecordsService records, Path directory) throws RecordsException, CliFailure {
            try {
                return records.exportAddendum(mark, directory);
            } catch (MarkNotExportedException e) {
                throw new CliFailure(ExitCodes.FAILED, "mark_not_exported", e.getMessage());
            } catch (NoLaterChangesException e) {
                throw new CliFailure(ExitCodes.FAILED, "no_later_changes", e.getMessage());
            }
        }

        @Override
        String done(Path zip) {
            return "Filed the later changes of mark " + mark + " as an addendum to\n" + zip;
        }

        @Override
        String event() {
            return "addendum_exported";
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Checks a records export: every file against the manifest's size and SHA-256, no file",
                "missing or added, and the manifest's signature. Prints the verdict with each problem and",
                "the rule it breaks; exits 0 only when the export is intact, 1 otherwise. Needs no account."
            })
    static final class Verify extends CliCommand.Sub {
        @Parameters(paramLabel = "ZIP", description = "The export.")
        Path zip;

        @Option(
                names = "--expect-key",
                paramLabel = "SHA256_HEX",
                description = "Also require the signer's public key to have this SHA-256 (hex).")
        String expectKey;

        @Override
        void execute() throws Exception {
            if (!Files.isRegularFile(zip)) {
                throw new CliFailure(ExitCodes.FAILED, "no_file", "no file " + zip);
            }
            ExportVerifier verifier;
            try {
                verifier = expectKey == null
                        ? new ExportVerifier()
                        : ExportVerifier.expectingSigner(Sha256.fromHex(expectKey.strip()));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.USAGE, "invalid_key", "--expect-key is not a SHA-256 in hex");
            }
            Verdict verdict = verifier.verify(zip);
            if (json()) {
                for (Problem p : verdict.problems()) {
                    output.result(
                            "",
                            Output.fields(
                                    "event",
                                    "problem",
                                    "rule",
                                    p.rule().id(),
                                    "ruleText",
                                    p.rule().description(),
                                    "file",
                                    p.file(),
                                    "detail",
                                    p.detail()));
                }
                List<String> rules = new ArrayList<>();
                verdict.problems().forEach(p -> {
                    if (!rules.contains(p.rule().id())) {
                        rules.add(p.rule().id());
                    }
                });
                output.result(
                        "",
                        Output.fields(
                                "event",
                                "verdict",
                                "zip",
                                zip.toString(),
                                "intact",
                                verdict.intact(),
                                "filesChecked",
                                verdict.filesChecked(),
                                "problems",
                                verdict.problems().size(),
                                "rulesBroken",
                                rules,
                                "signer",
                                verdict.signer().map(s -> s.subject()).orElse(null),
                                "signerKeySha256",
                                verdict.signer()
                                        .map(s -> s.publicKeyFingerprint().hex())
                                        .orElse(null)));
            } else {
                StringBuilder text = new StringBuilder(zip.toString()).append('\n');
                text.append(verdict.report().stripTrailing());
                if (!verdict.intact()) {
                    text.append("\nRules broken:");
                    verdict.problems().stream()
                            .map(p -> p.rule())
                            .distinct()
                            .forEach(r -> text.append("\n  ")
                                    .append(r.id())
                                    .append(": ")
                                    .append(r.description()));
                }
                output.result(text.toString(), Map.of());
            }
            if (!verdict.intact()) {
                throw new CliFailure(
                        ExitCodes.FAILED,
                        "not_intact",
                        "the export is NOT intact (" + verdict.problems().size()
                                + (verdict.problems().size() == 1 ? " problem)" : " problems)"));
            }
        }
    }
}
