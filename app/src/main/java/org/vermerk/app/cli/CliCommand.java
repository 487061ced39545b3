package org.vermerk.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.InvalidPolicyException;
import org.vermerk.app.policy.OperatingSystem;
import org.vermerk.app.policy.UserSettingsSource;
import org.vermerk.keystore.Passphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vermerk cli}: the headless client for scripts and tests. Registered by the {@code vermerk}
 * entry point with the policy source it reads {@code --policy} from.
 */
@Command(
        name = "cli",
        mixinStandardHelpOptions = true,
        description = {
            "The command-line client: enrol this device, send and receive end-to-end encrypted messages,",
            "create groups, list conversations and members, search the directory, compare safety",
            "numbers and mark contacts verified.",
            "--home, --passphrase-file and --json go before or after the subcommand."
        },
        subcommands = {
            EnrolCommand.class,
            DevicesCommand.class,
            StatusCommand.class,
            SendCommand.class,
            ReplyCommand.class,
            EditCommand.class,
            DeleteCommand.class,
            ReactCommand.class,
            ReadCommand.class,
            GroupCommand.class,
            ReceiveCommand.class,
            ConversationsCommand.class,
            MembersCommand.class,
            SafetyNumberCommand.class,
            DirectoryCommand.class,
            VerifyCommand.class,
            AcknowledgeCommand.class,
            RecordsCommand.class,
            AttachmentCommand.class
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed (see the message)",
            "2:wrong usage",
            "3:wrong passphrase, store locked or throttled, or no way to ask for the passphrase",
            "4:no account in the home directory (enrol first), or one exists already (enrol)",
            "5:server unreachable, connection lost or timed out",
            "6:TLS failure (the server's certificate is not trusted)",
            "7:refused by the server (enrolment code unknown or used, device unknown)"
        })
public final class CliCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private final PolicySource policy;
    private final AccountOptions accountOptions;

    public CliCommand(PolicySource policy) {
        this(policy, AccountOptions.defaults());
    }

    /** With account options other than the product's (tests: cheaper key derivation). */
    public CliCommand(PolicySource policy, AccountOptions accountOptions) {
        this.policy = policy;
        this.accountOptions = accountOptions;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand shares: merged options, policy, output. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions local;

        Output output;

        @Override
        public final Integer call() {
            output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json());
            try {
                execute();
                return ExitCodes.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return output.fail(new CliFailure(ExitCodes.FAILED, "interrupted", "interrupted"));
            } catch (Exception e) {
                return output.fail(ExitCodes.of(e));
            }
        }

        abstract void execute() throws Exception;

        /** The {@code cli} command, whose options and policy this subcommand shares. */
        CliCommand cli() {
            CommandSpec above = spec.parent();
            while (above != null && !(above.userObject() instanceof CliCommand)) {
                above = above.parent();
            }
            if (above == null) {
                throw new IllegalStateException("not under vermerk cli");
            }
            return (CliCommand) above.userObject();
        }

        boolean json() {
            return local.json || cli().common.json;
        }

        ClientHome home() {
            Path dir = local.home != null ? local.home : cli().common.home;
            return dir != null
                    ? new ClientHome(dir)
                    : ClientHome.defaultFor(
                            OperatingSystem.current(), System.getenv(), Path.of(System.getProperty("user.home")));
        }

        Path passphraseFile() {
            return local.passphraseFile != null ? local.passphraseFile : cli().common.passphraseFile;
        }

        EffectiveSettings settings() throws CliFailure {
            try {
                return EffectiveSettings.resolve(cli().policy.load(), UserSettingsSource.NONE);
            } catch (InvalidPolicyException e) {
                throw new CliFailure(
                        ExitCodes.FAILED,
                        "invalid_policy",
                        e.getMessage().lines().findFirst().orElse("invalid admin policy"));
            }
        }

        AccountOptions accountOptions() {
            return cli().accountOptions;
        }

        Account unlock(EffectiveSettings settings) throws Exception {
            Passphrase passphrase = PassphraseInput.forUnlock(passphraseFile());
            try {
                return Account.unlock(home(), passphrase, settings, accountOptions());
            } finally {
                passphrase.destroy();
            }
        }
    }
}
