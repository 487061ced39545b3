package org.vermerk.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vermerk server admin --data DIR enrolment-code USER_ID}: a code for one more device. */
@Command(
        name = "enrolment-code",
        mixinStandardHelpOptions = true,
        description = "Prints a new one-time enrolment code for another device of an existing user as the last line.")
public final class EnrolmentCodeCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "USER_ID", description = "The existing user's ID.")
    String userId;

    @Override
    public Integer call() throws Exception {
        try {
            String code = admin.withAdministration(administration -> administration.newEnrolmentCode(userId));
            spec.commandLine().getOut().println(code);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
