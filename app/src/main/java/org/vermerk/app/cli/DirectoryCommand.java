package org.vermerk.app.cli;

import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.Device;
import org.vermerk.app.account.Directory;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.connection.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vermerk cli directory}: the server's user directory. */
@Command(
        name = "directory",
        mixinStandardHelpOptions = true,
        description = "Looks people up in the server's directory.",
        subcommands = {DirectoryCommand.Search.class, DirectoryCommand.User.class})
final class DirectoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description = "Lists the users whose display name starts with PREFIX (case-insensitive), one a line.")
    static final class Search extends CliCommand.Sub {
        @Parameters(paramLabel = "PREFIX", description = "The start of the display name.")
        String prefix;

        @Option(names = "--limit", paramLabel = "N", description = "At most N users (1–100, default 20).")
        int limit = 20;

        @Override
        void execute() throws Exception {
            if (prefix.isBlank()) {
                throw new CliFailure(ExitCodes.USAGE, "empty_prefix", "the prefix must not be empty");
            }
            try (Account account = unlock(settings());
                    Session session = account.openSession()) {
                List<DirectoryUser> users = new Directory(session, account.deviceId()).search(prefix, limit);
                for (DirectoryUser user : users) {
                    output.result(
                            user.userId() + "  " + user.displayName(),
                            Output.fields("userId", user.userId(), "displayName", user.displayName()));
                }
            }
        }
    }

    @Command(
            name = "user",
            mixinStandardHelpOptions = true,
            description = "Shows one user by ID and their enrolled devices.")
    static final class User extends CliCommand.Sub {
        @Parameters(paramLabel = "USER_ID", description = "The user's ID.")
        String userId;

        @Override
        void execute() throws Exception {
            try (Account account = unlock(settings());
                    Session session = account.openSession()) {
                Directory directory = new Directory(session, account.deviceId());
                DirectoryUser user = directory
                        .user(userId)
                        .orElseThrow(() -> new CliFailure(
                                ExitCodes.FAILED, "unknown_user", "the directory knows no user " + userId));
                List<Device> devices = directory.devices(user.userId());
                StringBuilder text = new StringBuilder(user.userId() + "  " + user.displayName());
                for (Device d : devices) {
                    text.append("\n  ")
                            .append(d.deviceId())
                            .append("  ")
                            .append(d.deviceName())
                            .append("  ")
                            .append(d.fingerprint());
                }
                output.result(
                        text.toString(),
                        Output.fields(
                                "userId",
                                user.userId(),
                                "displayName",
                                user.displayName(),
                                "devices",
                                devices.stream()
                                        .map(d -> Output.fields(
                                                "deviceId", d.deviceId(),
                                                "deviceName", d.deviceName(),
                                                "fingerprint", d.fingerprint()))
                                        .toList()));
            }
        }
    }
}
