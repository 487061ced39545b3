package org.vermerk.packaging;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.OperatingSystem;
import org.vermerk.ui.VermerkClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vermerk demo}: a local server and two desktop clients side by side (Anna Schmidt and Ben
 * Weber), unlocked, in German, with a conversation between them — ready to chat. Everything lives
 * in one demo directory that the next run reuses ({@link DemoSetup}). Ends when both windows are
 * closed.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a local Vermerk server and two client windows (Anna Schmidt, Ben Weber), ready to chat.",
            "The demo's data (server, both devices, their passphrases) stays in DIR and is reused next time."
        })
final class DemoCommand implements Callable<Integer> {
    /** The demo server's port: fixed, because the enrolled clients keep the server's address. */
    static final int DEFAULT_PORT = 8543;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = {
                "The demo's data directory (default on Linux: $XDG_DATA_HOME/vermerk-demo or",
                "~/.local/share/vermerk-demo; Windows: %%LOCALAPPDATA%%\\Vermerk-Demo)."
            })
    Path dir;

    @Option(names = "--port", paramLabel = "N", description = "The demo server's port (default 8543).")
    int port = DEFAULT_PORT;

    @Override
    public Integer call() throws Exception {
        Path directory = dir != null ? dir : defaultDirectory();
        PrintWriter out = spec.commandLine().getOut();
        out.println("vermerk demo: data in " + directory + " (reused on the next run)");
        out.flush();
        try (DemoSetup setup = DemoSetup.start(directory, port, AccountOptions.defaults())) {
            out.println("Server: " + setup.serverUrl() + "  (data: " + directory.resolve("server") + ")");
            out.println("Passphrases of the demo users: " + setup.passphraseFile());
            out.println("Opening the windows of Anna Schmidt and Ben Weber; close both to end the demo.");
            out.flush();
            VermerkClient.runSideBySide(
                    setup.handOver(),
                    AdminPolicy.none(directory.resolve("no-policy.json")),
                    AccountOptions.defaults(),
                    setup.conversationId());
        }
        return 0;
    }

    static Path defaultDirectory() {
        OperatingSystem os = OperatingSystem.current();
        Path home = Path.of(System.getProperty("user.home"));
        String local = System.getenv("LOCALAPPDATA");
        String xdg = System.getenv("XDG_DATA_HOME");
        return switch (os) {
            case WINDOWS -> (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("Vermerk-Demo");
            case MACOS -> home.resolve("Library/Application Support/Vermerk-Demo");
            default ->
                (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("vermerk-demo");
        };
    }
}
