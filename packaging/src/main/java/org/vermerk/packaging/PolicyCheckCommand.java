package org.vermerk.packaging;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.EffectiveValue;
import org.vermerk.app.policy.InvalidPolicyException;
import org.vermerk.app.policy.PolicyFile;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.app.policy.UserSettingsSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vermerk policy check}: reads the policy as the client does at start and prints the effective
 * settings with their sources (exit 0), or the message the client would stop with (exit 1).
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the admin policy as the client does at start.",
            "Valid: prints each setting's effective value and source, exits 0.",
            "Invalid: prints what is wrong (file, key, problem), exits 1.",
            "Without --policy it reads the machine-wide file (Linux /etc/vermerk/policy.json,",
            "Windows %ProgramData%\\Vermerk\\policy.json,",
            "macOS /Library/Application Support/Vermerk/policy.json)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the policy is valid (or there is none)", "1:the policy is invalid", "2:wrong usage"})
final class PolicyCheckCommand implements Callable<Integer> {
    static final int INVALID_POLICY = 1;

    @ParentCommand
    PolicyCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", description = "Check FILE instead of the machine-wide policy.")
    Path policyFile;

    @Override
    public Integer call() {
        VermerkCommand root = parent.root;
        Path explicit = policyFile != null ? policyFile : root.policyFile();
        AdminPolicy policy;
        try {
            policy = new PolicyFile(new PolicyParser()).loadAtStart(explicit, root.machinePolicy());
        } catch (InvalidPolicyException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println("The client refuses to start with this policy. See docs/admin/policy.md.");
            err.flush();
            return INVALID_POLICY;
        }
        print(
                EffectiveSettings.resolve(policy, UserSettingsSource.NONE),
                spec.commandLine().getOut());
        return 0;
    }

    private static void print(EffectiveSettings settings, PrintWriter out) {
        AdminPolicy policy = settings.policy();
        if (policy.present()) {
            out.println("Admin policy " + policy.file() + " is valid.");
        } else {
            out.println("No admin policy at " + policy.file() + ": the built-in defaults apply.");
        }
        out.println();
        out.printf("%-26s %-14s %-4s %s%n", "KEY", "SOURCE", "USER", "VALUE");
        for (EffectiveValue<?> value : settings.all()) {
            out.printf(
                    "%-26s %-14s %-4s %s%n",
                    value.setting().key(), source(value), value.userMayChange() ? "yes" : "no", value.displayValue());
        }
        out.println();
        out.println("SOURCE: default, policy (a default the user may change) or policy-locked.");
        out.println("USER: whether a user may change the value in Settings; this check reads no user's");
        out.println("settings, so where USER is yes a user's own value may replace the one shown.");
        out.flush();
    }

    private static String source(EffectiveValue<?> value) {
        return value.source().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
