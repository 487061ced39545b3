package org.vermerk.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.InvalidPolicyException;
import org.vermerk.app.policy.PolicyFile;
import org.vermerk.app.policy.PolicyLocation;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.ui.SmokeTest;
import org.vermerk.ui.VermerkClient;

/**
 * {@code vermerk --smoke-test} (issue 8): what IT's rollout check runs on a freshly installed
 * desktop. The policy is read exactly as {@code vermerk client} reads it; the window opens on a
 * throw-away home, so the check neither needs nor touches an official's account.
 */
final class SmokeTestRun {
    /** The policy is invalid (the same code as {@code policy check} and {@code client}). */
    static final int INVALID_POLICY = PolicyCheckCommand.INVALID_POLICY;
    /** The first window could not be opened or rendered. */
    static final int WINDOW_FAILED = 3;

    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);

    private final PrintWriter out;
    private final PrintWriter err;

    SmokeTestRun(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(Path explicitPolicy, PolicyLocation machinePolicy, Optional<Path> screenshot) throws InterruptedException {
        AdminPolicy policy;
        try {
            policy = new PolicyFile(new PolicyParser()).loadAtStart(explicitPolicy, machinePolicy);
        } catch (InvalidPolicyException e) {
            return fail(INVALID_POLICY, e.getMessage());
        }
        out.println(
                policy.present()
                        ? "smoke test: admin policy " + policy.file() + " loaded"
                        : "smoke test: no admin policy at " + policy.file() + "; defaults apply");
        out.flush();
        Path home;
        try {
            home = Files.createTempDirectory("vermerk-smoke-test");
        } catch (IOException e) {
            return fail(WINDOW_FAILED, "no temporary directory for the check: " + e.getMessage());
        }
        try {
            SmokeTest.Outcome outcome = SmokeTest.run(
                    new VermerkClient.Options(new ClientHome(home), policy, AccountOptions.defaults()),
                    screenshot,
                    WINDOW_TIMEOUT);
            if (!outcome.passed()) {
                return fail(WINDOW_FAILED, outcome.failure().orElseThrow());
            }
            out.println("smoke test: first window \"" + outcome.title() + "\" rendered at " + outcome.width() + "x"
                    + outcome.height());
            screenshot.ifPresent(png -> out.println("smoke test: screenshot " + png.toAbsolutePath()));
            out.println("smoke test: passed");
            out.flush();
            return 0;
        } finally {
            deleteTree(home);
        }
    }

    private int fail(int code, String reason) {
        err.println("smoke test failed: " + reason);
        err.flush();
        return code;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover empty temporary directory does not fail the rollout check.
        }
    }
}
