package org.vermerk.packaging;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.InvalidPolicyException;
import org.vermerk.app.policy.OperatingSystem;
import org.vermerk.app.policy.PolicyFile;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.ui.VermerkClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vermerk client}: the desktop client as an official starts it. Reads the admin policy
 * first (an invalid one stops it with the message naming key and problem), then opens the window:
 * first start when the home holds no account, otherwise unlock.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the Vermerk desktop client (JavaFX).",
            "First start enrols this machine with an enrolment code; later starts unlock with the passphrase.",
            "Runs with the desktop client's own JVM options (packaging/client-jvm-options; installed:",
            "the vermerk-client command) and a class-data archive or AOT cache in the user's cache",
            "directory (ADR 0027, 0030)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the window was closed", "1:the admin policy is invalid", "2:wrong usage"})
final class ClientCommand implements Callable<Integer> {
    @ParentCommand
    VermerkCommand root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = {
                "The device's data directory (default on Linux:",
                "$XDG_DATA_HOME/vermerk or ~/.local/share/vermerk;",
                "Windows: %%LOCALAPPDATA%%\\Vermerk;",
                "macOS: ~/Library/Application Support/Vermerk)."
            })
    Path home;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Read the admin policy from FILE instead of the machine-wide one (for tests).")
    Path policyFile;

    @Override
    public Integer call() throws InterruptedException {
        Path explicit = policyFile != null ? policyFile : root.policyFile();
        AdminPolicy policy;
        try {
            policy = new PolicyFile(new PolicyParser()).loadAtStart(explicit, root.machinePolicy());
        } catch (InvalidPolicyException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println("Vermerk does not start with this policy. See docs/admin/policy.md.");
            err.flush();
            return PolicyCheckCommand.INVALID_POLICY;
        }
        ClientHome clientHome = home != null
                ? new ClientHome(home)
                : ClientHome.defaultFor(
                        OperatingSystem.current(), System.getenv(), Path.of(System.getProperty("user.home")));
        VermerkClient.run(new VermerkClient.Options(clientHome, policy, AccountOptions.defaults()));
        return 0;
    }
}
