package org.vermerk.ui.shell;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountAccess;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.ui.chat.ChatViewModel;
import org.vermerk.ui.chat.EngineChatService;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.DialogService;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ScreenPreparation;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.firststart.FirstStartView;
import org.vermerk.ui.firststart.FirstStartViewModel;
import org.vermerk.ui.main.MainView;
import org.vermerk.ui.main.MainViewModel;
import org.vermerk.ui.settings.PassphraseChangeViewModel;
import org.vermerk.ui.settings.SettingsView;
import org.vermerk.ui.settings.SettingsViewModel;
import org.vermerk.ui.unlock.UnlockView;
import org.vermerk.ui.unlock.UnlockViewModel;

/**
 * Which screen follows which: first start (no account in the home) or unlock, then the main
 * window, Settings from there (Ctrl+Comma; Esc back), and Lock (Ctrl+L, or after the policy's
 * {@code idleLockMinutes} without input), which closes the connection and the account and returns
 * to unlock. Owns the open account. FX thread only.
 */
public final class ClientFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFlow.class);

    private final ClientWindow window;
    private final AccountAccess access;
    private final ClientSettings settings;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final String suggestedDeviceName;
    private final String version;

    /** The open account and its main window's model; null while locked. */
    private Account account;

    private MainViewModel main;

    /** The open account's engine (started by {@link #main}) and the screens that use it; null while locked. */
    private ConversationEngine engine;

    private ConversationScreens screens;

    private RecordsScreens records;

    /** The main screen's view in the current language; null before the main screen is shown. */
    private MainView mainView;

    /** Locks after the policy's idle time while unlocked; null while locked. */
    private IdleLock idleLock;

    public ClientFlow(
            ClientWindow window,
            AccountAccess access,
            ClientSettings settings,
            TaskExecutor executor,
            DialogService dialogs,
            Clock clock,
            String suggestedDeviceName,
            String version) {
        this.window = window;
        this.access = access;
        this.settings = settings;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.suggestedDeviceName = suggestedDeviceName;
        this.version = version;
    }

    /** Shows the main window for an account opened elsewhere ({@code vermerk demo}). */
    public void startUnlocked(Account opened) {
        opened(opened);
    }

    /**
     * Opens a conversation in the main window, now or as soon as the list has it (a 1:1 the other
     * side started and this account is still joining: {@code vermerk demo}); the composer gets the
     * focus, ready to write.
     */
    public void openConversation(String conversationId) {
        if (main != null) {
            if (mainView != null) {
                mainView.focusComposerOnNextOpen();
            }
            main.open(conversationId);
        }
    }

    /** Shows first start or unlock, whichever this home needs. */
    public void start() {
        if (access.hasAccount()) {
            showUnlock();
        } else {
            showFirstStart();
        }
    }

    private void showFirstStart() {
        FirstStartViewModel model = new FirstStartViewModel(
                settings.effective(), access::enrol, executor, dialogs, suggestedDeviceName, this::opened);
        window.show(Screen.of(messages -> new FirstStartView(model, messages).load()));
    }

    private void showUnlock() {
        UnlockViewModel model = new UnlockViewModel(access::unlock, settings::effective, executor, clock, this::opened);
        // While Argon2id runs on a worker the FX thread has nothing to draw (the spinner waits a
        // second, ADR 0032): it gets the main window's stylesheets and control kinds ready (after
        // this event, so the derivation has started; ADR 0030).
        model.busyProperty().subscribe(busy -> {
            if (busy) {
                Platform.runLater(ScreenPreparation::prepareMain);
            }
        });
        window.show(Screen.of(messages ->
                        new UnlockView(model, messages, access.home().toString()).load())
                .whenHidden(model::dispose));
    }

    private void opened(Account opened) {
        account = opened;
        attachSettings(opened);
        main = new MainViewModel(
                opened.userId(),
                listener -> {
                    engine = ConversationEngine.start(opened, listener);
                    return EngineChatService.withFiles(opened, engine);
                },
                executor,
                clock.getZone(),
                dialogs,
                settings);
        main.totalUnreadProperty().subscribe(count -> window.showUnread(count.intValue()));
        MainViewModel notifying = main;
        main.onIncoming(message -> notifications()
                .onMessage(
                        message,
                        notifying.item(message.conversationId()).orElse(null),
                        notifying.chatProperty().get() == null
                                ? null
                                : notifying.chatProperty().get().conversationId(),
                        notifying.userId()));
        main.start();
        screens = new ConversationScreens(window, executor, engine, main, this::showMain);
        records = new RecordsScreens(window, executor, dialogs, opened, engine, settings, main, this::showMain);
        startIdleLock();
        showMain();
    }

    /**
     * Uses the account's stored settings (language, notifications, font size, pinned
     * conversations): a few small reads at unlock. A store that cannot be read leaves this
     * session's settings in use and says so in Settings.
     */
    private void attachSettings(Account opened) {
        try {
            settings.attach(opened.userSettings(ClientSettings.PREFERENCES));
        } catch (org.vermerk.app.policy.SettingsStoreException e) {
            LOG.warn(
                    "event=settings_not_read error={}",
                    e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
            settings.attachUnreadable();
        }
        settings.fontSize().ifPresent(size -> window.theme().fontSizeProperty().set(size));
        if (fontSizeSaver == null) {
            fontSizeSaver = window.theme().fontSizeProperty().subscribe(size -> {
                if (account != null) {
                    settings.chooseFontSize(size.intValue());
                }
            });
        }
    }

    /** Starts the idle lock with the effective time (again when the user changes it in Settings). */
    private void startIdleLock() {
        stopIdleLock();
        idleMinutes = settings.effective().value(org.vermerk.app.policy.Settings.IDLE_LOCK_MINUTES);
        idleLock = new IdleLock(executor, clock, java.time.Duration.ofMinutes(idleMinutes), this::lock);
        window.onActivity(idleLock::activity);
        idleLock.start();
        if (idleSubscription == null) {
            idleSubscription = settings.effectiveProperty().subscribe(effective -> {
                if (account != null
                        && effective.value(org.vermerk.app.policy.Settings.IDLE_LOCK_MINUTES) != idleMinutes) {
                    startIdleLock();
                }
            });
        }
    }

    /** The idle lock's time in minutes while unlocked. */
    private int idleMinutes;

    private javafx.util.Subscription idleSubscription;

    /** Desktop notifications; made at the first unlock (it may start AWT's tray). */
    private org.vermerk.ui.notifications.Notifications notifications;

    private org.vermerk.ui.notifications.SystemDesktopNotifier desktop;

    org.vermerk.ui.notifications.Notifications notifications() {
        if (notifications == null) {
            desktop = new org.vermerk.ui.notifications.SystemDesktopNotifier(
                    () -> window.messages().get("notification.linux"));
            notifications = new org.vermerk.ui.notifications.Notifications(
                    settings, desktop, () -> window.stage().isFocused(), window::messages);
        }
        return notifications;
    }

    /** Keeps the font size the user scales to (Ctrl+Plus/Minus/0, Settings) while unlocked. */
    private javafx.util.Subscription fontSizeSaver;

    private void showMain() {
        MainViewModel model = main;
        MainView.Actions actions = new MainView.Actions(
                this::showSettings, this::lock, this::listActions, this::chatActions, this::chatBanners);
        window.show(Screen.of(messages -> {
                    mainView = new MainView(model, messages, actions);
                    return mainView.load();
                })
                .withEscape(() -> mainView.back())
                .withShortcuts(Map.of(
                        new javafx.scene.input.KeyCodeCombination(
                                KeyCode.A,
                                javafx.scene.input.KeyCombination.SHORTCUT_DOWN,
                                javafx.scene.input.KeyCombination.SHIFT_DOWN),
                        () -> records.showRecords(),
                        ClientWindow.shortcut(KeyCode.COMMA),
                        this::showSettings,
                        ClientWindow.shortcut(KeyCode.L),
                        this::lock,
                        ClientWindow.shortcut(KeyCode.K),
                        () -> mainView.focusFilter(),
                        ClientWindow.shortcut(KeyCode.F),
                        () -> mainView.openSearch(),
                        ClientWindow.shortcut(KeyCode.N),
                        () -> screens.showNewConversation())));
    }

    /** The buttons beside the conversation list's title: new conversation (Ctrl+N), Records (Ctrl+Shift+A). */
    private List<Node> listActions(Messages messages) {
        return List.of(screens.newConversationButton(messages), records.recordsButton(messages));
    }

    /** The buttons in an open chat's header: mark the selected messages for the records; info (members, verification). */
    private List<Node> chatActions(ChatViewModel chat, Messages messages) {
        return List.of(records.markButton(chat, messages), screens.infoButton(chat, messages));
    }

    /** What shows over an open chat's messages: the key-change banner. */
    private List<Node> chatBanners(ChatViewModel chat, Messages messages) {
        return screens.banners(chat, messages);
    }

    private void showSettings() {
        Account opened = account;
        if (opened == null) {
            return;
        }
        SettingsViewModel model = new SettingsViewModel(
                settings,
                new SettingsViewModel.AccountInfo(
                        opened.userId(),
                        opened.deviceId(),
                        opened.fingerprint(),
                        opened.endpoint().serverUrl().toString()),
                version,
                notifications().available());
        PassphraseChangeViewModel passphrase = new PassphraseChangeViewModel(
                (current, next) -> access.changePassphrase(opened, current, next),
                executor,
                settings.effective().value(org.vermerk.app.policy.Settings.PASSPHRASE_MIN_LENGTH));
        window.show(Screen.of(messages ->
                        new SettingsView(model, passphrase, messages, window.theme(), this::showMain).load())
                .withEscape(this::showMain));
    }

    /** Closes the connection and the account in the background, then shows unlock. */
    public void lock() {
        stopIdleLock();
        MainViewModel closingMain = main;
        Account closingAccount = account;
        main = null;
        engine = null;
        screens = null;
        records = null;
        account = null;
        settings.detach();
        window.showUnread(0);
        if (closingAccount == null) {
            return;
        }
        executor.submit(
                () -> {
                    closingMain.stop();
                    closingAccount.close();
                    return Boolean.TRUE;
                },
                done -> showUnlock(),
                failure -> {
                    LOG.warn("event=lock_failed error={}", failure.getClass().getSimpleName());
                    dialogs.showError(UiText.of("error.title"), UiText.of("error.lock"));
                    showUnlock();
                });
    }

    /** Closes the connection and the account now; the window is going away. Idempotent. */
    public void close() {
        stopIdleLock();
        if (desktop != null) {
            desktop.close();
        }
        if (main != null) {
            main.stop();
            main = null;
        }
        engine = null;
        screens = null;
        records = null;
        if (account != null) {
            settings.detach();
            account.close();
            account = null;
        }
    }

    private void stopIdleLock() {
        if (idleLock != null) {
            idleLock.stop();
            idleLock = null;
            window.onActivity(() -> {});
        }
    }

    /** The main window's model, or null while locked (tests). */
    MainViewModel main() {
        return main;
    }

    /** The open account, or null while locked (tests). */
    Account account() {
        return account;
    }
}
