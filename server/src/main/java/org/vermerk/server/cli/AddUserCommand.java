package org.vermerk.server.cli;

import java.util.concurrent.Callable;
import org.vermerk.server.Administration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vermerk server admin --data DIR add-user USER_ID --name NAME}. */
@Command(
        name = "add-user",
        mixinStandardHelpOptions = true,
        description = "Creates a user and prints a one-time enrolment code for their first device as the last line.")
public final class AddUserCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "USER_ID", description = "The user's ID, e.g. anna.schmidt@bmi.example.")
    String userId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The display name.")
    String name;

    @Override
    public Integer call() throws Exception {
        try {
            String code = admin.withAdministration(administration -> administration.addUser(userId, name));
            spec.commandLine().getOut().println("Created user " + userId + ". One-time enrolment code:");
            spec.commandLine().getOut().println(code);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (Administration.UserExists e) {
            spec.commandLine().getErr().println(e.getMessage() + " (use enrolment-code for another device)");
            return 1;
        }
    }
}
