package org.vermerk.packaging;

import org.vermerk.server.cli.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vermerk} command: the one entry point through which every runnable part of the
 * product is reached ({@code ./vermerk --help} lists them). Each part registers here as a
 * subcommand when it exists, and not before.
 */
@Command(
        name = "vermerk",
        mixinStandardHelpOptions = true,
        versionProvider = VermerkVersion.class,
        description = "Vermerk: end-to-end encrypted messenger for public administration.",
        subcommands = {CommandLine.HelpCommand.class, ServerCommand.class})
public final class VermerkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // Without a subcommand there is nothing to do but show what exists.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return new CommandLine(new VermerkCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
