package org.vermerk.ui.shell;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.policy.Settings;
import org.vermerk.app.records.AccountRecords;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkResult;
import org.vermerk.app.records.Official;
import org.vermerk.ui.chat.ChatViewModel;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.DialogService;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.main.MainViewModel;
import org.vermerk.ui.records.MarkDialogView;
import org.vermerk.ui.records.MarkDialogViewModel;
import org.vermerk.ui.records.MarkTarget;
import org.vermerk.ui.records.RecordsBackend;
import org.vermerk.ui.records.RecordsView;
import org.vermerk.ui.records.RecordsViewModel;

/**
 * The records screens the main window leads to (issue 7, ADR 0011/0019): "mark for the records"
 * on the messages selected in a chat, and the Records view (Ctrl+Shift+A). The official's name in
 * marks, notices and exports is their directory display name, once the server has told it; the
 * user ID until then. One per unlocked account. FX thread only.
 */
final class RecordsScreens {
    private static final Logger LOG = LoggerFactory.getLogger(RecordsScreens.class);

    private final ClientWindow window;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Account account;
    private final ConversationEngine engine;
    private final ClientSettings settings;
    private final MainViewModel main;
    private final Runnable showMain;

    /**
     * The official this device acts for (named once the directory answered), and the records
     * backend made for them on first use: making it loads BouncyCastle's JCA provider and signs a
     * device certificate, which cost the unlock up to a second on the FX thread when it was made
     * here eagerly (docs/benchmarks.md, "Desktop client"). FX thread only.
     */
    private Official self;

    private RecordsBackend backend;

    RecordsScreens(
            ClientWindow window,
            TaskExecutor executor,
            DialogService dialogs,
            Account account,
            ConversationEngine engine,
            ClientSettings settings,
            MainViewModel main,
            Runnable showMain) {
        this.window = window;
        this.executor = executor;
        this.dialogs = dialogs;
        this.account = account;
        this.engine = engine;
        this.settings = settings;
        this.main = main;
        this.showMain = showMain;
        this.self = Official.named(account.userId(), null);
        executor.submit(
                () -> engine.directory().user(account.userId()),
                found -> found.ifPresent(user -> {
                    self = Official.named(user.userId(), user.displayName());
                    backend = null;
                }),
                failure -> LOG.info(
                        "event=own_name_unknown error={}", failure.getClass().getSimpleName()));
    }

    private RecordsBackend backend() {
        if (backend == null) {
            backend = RecordsBackend.of(AccountRecords.service(account, self, settings.effective()));
        }
        return backend;
    }

    void showRecords() {
        Optional<java.nio.file.Path> exportDirectory =
                settings.effective().get(Settings.EXPORT_DIRECTORY).value();
        RecordsViewModel model = new RecordsViewModel(
                RecordsBackend.titled(backend(), main.titles()), executor, dialogs, exportDirectory, showMain);
        model.refresh();
        window.show(Screen.of(messages -> new RecordsView(model, messages, ZoneId.systemDefault()).load())
                .withEscape(showMain));
    }

    /** The mark dialog for the chat's selected messages: one, or the first to the last of a range. */
    void showMark(ChatViewModel chat) {
        List<String> selected = List.copyOf(chat.selectedMessageIds());
        if (selected.isEmpty()) {
            return;
        }
        String conversationId = chat.conversationId();
        MarkTarget target = new MarkTarget(
                conversationId,
                chat.title(),
                Classification.ofLabel(chat.classification()),
                selected.getFirst(),
                selected.getLast(),
                selected.size());
        Runnable back = () -> {
            showMain.run();
            main.open(conversationId);
        };
        MarkDialogViewModel model =
                new MarkDialogViewModel(target, backend(), executor, result -> marked(result, chat, back), back);
        window.show(Screen.of(messages -> new MarkDialogView(model, messages).load())
                .withEscape(model::cancel));
    }

    /** Back to the chat; the notice, when the policy asks for one, goes to the conversation. */
    private void marked(MarkResult result, ChatViewModel chat, Runnable back) {
        back.run();
        chat.refreshMarks();
        result.notice()
                .ifPresent(notice -> executor.submit(
                        () -> engine.sendRecordNotice(notice),
                        sent -> {},
                        failure -> dialogs.showError(UiText.of("error.title"), ErrorTexts.of(failure))));
    }

    /** "Records" beside the conversation list's title (Ctrl+Shift+A). */
    Button recordsButton(Messages messages) {
        Button button = new Button(messages.get("main.records"));
        button.setAccessibleText(messages.get("main.records.accessible"));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> showRecords());
        return button;
    }

    /** "Mark for the records" in a chat's header; usable while messages are selected. */
    Button markButton(ChatViewModel chat, Messages messages) {
        Button button = new Button(messages.get("chat.mark"));
        button.setAccessibleText(messages.get("chat.mark.accessible"));
        button.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(chat.selectedMessageIds()));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> showMark(chat));
        return button;
    }
}
