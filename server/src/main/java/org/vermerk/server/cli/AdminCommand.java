package org.vermerk.server.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.vermerk.server.Administration;
import org.vermerk.server.DataDirectory;
import org.vermerk.server.ServerConfig;
import org.vermerk.server.storage.SqliteDeliveryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk server admin}: administrative actions on a server's data directory. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administers users and enrolment codes in a server's data directory (the server may be running).",
        subcommands = {AddUserCommand.class, EnrolmentCodeCommand.class})
public final class AdminCommand {
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The server's data directory.")
    Path data;

    /** Opens the store, runs the action and closes it. */
    <T> T withAdministration(AdminAction<T> action) throws Exception {
        ServerConfig config = ServerConfig.load(data, null);
        try (SqliteDeliveryStore store =
                DataDirectory.create(config.dataDirectory()).openStore()) {
            return action.run(
                    new Administration(store, new SecureRandom(), Clock.systemUTC(), config.enrolmentCodeValidity()));
        }
    }

    @FunctionalInterface
    interface AdminAction<T> {
        T run(Administration administration) throws Exception;
    }
}
