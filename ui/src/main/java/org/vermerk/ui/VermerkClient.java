package org.vermerk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountAccess;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.FxDialogService;
import org.vermerk.ui.core.ScreenPreparation;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.Theme;
import org.vermerk.ui.probe.MeasurementProbe;
import org.vermerk.ui.shell.ClientFlow;
import org.vermerk.ui.shell.ClientWindow;

/**
 * The desktop client's entry point: {@link #run} starts JavaFX, opens the window and returns when
 * the user closes it ({@code vermerk client}); {@link #open} builds the window on a given stage
 * (tests). The admin policy is read by the caller before this, as {@code PolicyFile.loadAtStart}
 * requires.
 */
public final class VermerkClient {
    /**
     * @param home the device's data directory
     * @param policy the admin policy read at start
     * @param accountOptions key derivation, timeouts, KeyPackage numbers ({@code defaults()} in the product)
     */
    public record Options(ClientHome home, AdminPolicy policy, AccountOptions accountOptions) {
        public Options {
            Objects.requireNonNull(home);
            Objects.requireNonNull(policy);
            Objects.requireNonNull(accountOptions);
        }
    }

    private VermerkClient() {}

    /**
     * Starts the JavaFX toolkit on a thread of its own and returns at once, so that the toolkit
     * (GTK, Glass, Prism) comes up while the caller still reads its command line, the admin policy
     * and the logging configuration; {@link #run} and {@link #runSideBySide} then use it. Called
     * first thing by a command that will open the client (ADR 0027). Idempotent; a toolkit that
     * cannot start (no display) fails {@link #run} with the toolkit's own exception.
     */
    public static void startToolkit() {
        synchronized (TOOLKIT) {
            if (toolkitRequested) {
                return;
            }
            toolkitRequested = true;
        }
        Platform.setImplicitExit(false);
        Thread.ofPlatform().name("vermerk-toolkit-start").daemon().start(() -> {
            try {
                Platform.startup(() -> {
                    TOOLKIT.complete(null);
                    // The FX thread waits for the main thread's command line, policy and logging
                    // configuration; meanwhile it parses the stylesheets the unlock screen needs.
                    ScreenPreparation.prepareUnlock();
                });
            } catch (RuntimeException | Error e) {
                TOOLKIT.completeExceptionally(e);
            }
        });
    }

    /** Completed on the FX thread once the toolkit runs; failed when it could not start. */
    private static final java.util.concurrent.CompletableFuture<Void> TOOLKIT =
            new java.util.concurrent.CompletableFuture<>();

    /** Whether {@link #startToolkit} was called; guarded by {@link #TOOLKIT}. */
    private static boolean toolkitRequested;

    /** Runs {@code action} on the FX thread once the toolkit runs; starts it if nobody did. */
    private static void onToolkit(Runnable action) throws InterruptedException {
        startToolkit();
        try {
            TOOLKIT.get();
        } catch (java.util.concurrent.ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
        Platform.runLater(action);
    }

    /** Starts the toolkit (unless {@link #startToolkit} did) and the client; blocks until the window is closed. */
    public static void run(Options options) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        TaskExecutor executor = new org.vermerk.ui.core.FxTaskExecutor();
        onToolkit(() -> {
            try {
                Stage stage = new Stage();
                ClientFlow flow = open(stage, options, executor);
                MeasurementProbe.installIfRequested(stage); // off unless bench's driver asks for it
                stage.setOnHidden(e -> {
                    try {
                        flow.close();
                    } finally {
                        closed.countDown();
                    }
                });
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        });
        closed.await();
        executor.shutdown();
        Platform.exit();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * Starts the toolkit and opens one window per open account, side by side on the primary
     * screen, each at its main window; blocks until all are closed ({@code vermerk demo}). Each
     * window closes its account when it closes.
     */
    public static void runSideBySide(
            List<Account> accounts, AdminPolicy policy, AccountOptions accountOptions, String openConversationId)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(accounts.size());
        TaskExecutor executor = new org.vermerk.ui.core.FxTaskExecutor();
        onToolkit(() -> {
            javafx.geometry.Rectangle2D screen =
                    javafx.stage.Screen.getPrimary().getVisualBounds();
            double width = screen.getWidth() / accounts.size();
            for (int i = 0; i < accounts.size(); i++) {
                Account account = accounts.get(i);
                Stage stage = new Stage();
                ClientFlow flow = open(
                        stage, new Options(account.home(), policy, accountOptions), executor, Optional.of(account));
                if (openConversationId != null) {
                    flow.openConversation(openConversationId);
                }
                stage.setX(screen.getMinX() + i * width);
                stage.setY(screen.getMinY());
                stage.setWidth(width);
                stage.setHeight(Math.min(screen.getHeight(), 860));
                stage.setOnHidden(e -> {
                    try {
                        flow.close();
                    } finally {
                        closed.countDown();
                    }
                });
            }
        });
        closed.await();
        executor.shutdown();
        Platform.exit();
    }

    /** Builds the client in {@code stage}, shows it and starts with first start or unlock. FX thread. */
    public static ClientFlow open(Stage stage, Options options, TaskExecutor executor) {
        return open(stage, options, executor, Optional.empty());
    }

    /**
     * Builds the client in {@code stage} and shows it; with an account already open ({@code
     * vermerk demo}) straight at the main window, else at first start or unlock. FX thread.
     */
    public static ClientFlow open(Stage stage, Options options, TaskExecutor executor, Optional<Account> unlocked) {
        ClientSettings settings = new ClientSettings(options.policy());
        Theme theme = new Theme();
        theme.followSystem();
        ClientWindow window = new ClientWindow(stage, settings, theme);
        ClientFlow flow = new ClientFlow(
                window,
                new AccountAccess(options.home(), options.accountOptions()),
                settings,
                executor,
                new FxDialogService(window::stage, window::messages),
                Clock.systemDefaultZone(),
                suggestedDeviceName(),
                version());
        if (unlocked.isPresent()) {
            flow.startUnlocked(unlocked.get());
        } else {
            flow.start();
        }
        stage.show();
        return flow;
    }

    /** The build's version from the jar manifest, or "development build". */
    public static String version() {
        String version = VermerkClient.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** This computer's name, as the first start suggests for the device name; may be empty. */
    static String suggestedDeviceName() {
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            Path hostname = Path.of("/etc/hostname");
            if (Files.isReadable(hostname)) {
                return Files.readString(hostname).strip();
            }
        } catch (IOException e) {
            // No name to suggest: the user types one.
        }
        return "";
    }
}
