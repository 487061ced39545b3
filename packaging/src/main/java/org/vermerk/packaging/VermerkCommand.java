package org.vermerk.packaging;

import java.nio.file.Path;
import org.vermerk.app.cli.CliCommand;
import org.vermerk.app.policy.PolicyFile;
import org.vermerk.app.policy.PolicyLocation;
import org.vermerk.app.policy.PolicyParser;
import org.vermerk.server.cli.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code vermerk} command: the one entry point through which every runnable part of the
 * product is reached ({@code ./vermerk --help} lists them). Each part registers here as a
 * subcommand ({@link #commandLine()}) when it exists, and not before.
 */
@Command(
        name = "vermerk",
        mixinStandardHelpOptions = true,
        versionProvider = VermerkVersion.class,
        description = "Vermerk: end-to-end encrypted messenger for public administration.")
public final class VermerkCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = {
                "Read the admin policy from FILE instead of the machine-wide one (for tests;",
                "the file must exist). Used by `policy check` and `client`."
            })
    Path policyFile;

    @Option(
            names = "--smoke-test",
            description = {
                "Rollout check for IT: load the admin policy, open the client's first window,",
                "close it and exit 0; non-zero with the reason when anything fails. Needs no server."
            })
    boolean smokeTest;

    @Option(
            names = "--smoke-test-screenshot",
            paramLabel = "PNG",
            description = "With --smoke-test: keep the first window's rendering as a PNG file.")
    Path smokeTestScreenshot;

    /** Where the machine-wide policy is looked for; tests replace it. */
    private final PolicyLocation machinePolicy;

    public VermerkCommand() {
        this(PolicyLocation.forThisMachine());
    }

    VermerkCommand(PolicyLocation machinePolicy) {
        this.machinePolicy = machinePolicy;
    }

    /** The file given with {@code vermerk --policy FILE}, or null. */
    Path policyFile() {
        return policyFile;
    }

    /** Where this machine's policy lives. */
    PolicyLocation machinePolicy() {
        return machinePolicy;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (smokeTest) {
            return new SmokeTestRun(
                            spec.commandLine().getOut(), spec.commandLine().getErr())
                    .run(policyFile, machinePolicy, java.util.Optional.ofNullable(smokeTestScreenshot));
        }
        if (smokeTestScreenshot != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--smoke-test-screenshot needs --smoke-test");
        }
        // Without a subcommand there is nothing to do but show what exists.
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The whole command: every subcommand. */
    public static CommandLine commandLine() {
        return withSubcommands(new VermerkCommand());
    }

    /** The command with the machine-wide policy looked for at {@code machinePolicy} (tests). */
    static CommandLine commandLine(PolicyLocation machinePolicy) {
        return withSubcommands(new VermerkCommand(machinePolicy));
    }

    /**
     * The command with {@code client} as its only subcommand: what {@code vermerk client ...} and
     * the installed {@code vermerk-client} parse. picocli builds each subcommand's model by
     * reflection when it is added (picocli's classes are Java 5 class files, which the AOT cache
     * does not hold), and the client's start waited for all of them (ADR 0030). Help and version
     * go through {@link #commandLine()}, so they still list everything.
     */
    static CommandLine clientCommandLine() {
        CommandLine commandLine = new CommandLine(new VermerkCommand());
        commandLine.addSubcommand(new ClientCommand());
        return commandLine;
    }

    /** The subcommands in the order help lists them; {@code vermerk cli} reads the policy as {@code policy check} does. */
    private static CommandLine withSubcommands(VermerkCommand root) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.addSubcommand(new ClientCommand());
        commandLine.addSubcommand(new DemoCommand());
        commandLine.addSubcommand(new ServerCommand());
        commandLine.addSubcommand(new PolicyCommand());
        commandLine.addSubcommand(new MlsPeerCommand());
        commandLine.addSubcommand(new PackageCommand());
        commandLine.addSubcommand(new CliCommand(
                () -> new PolicyFile(new PolicyParser()).loadAtStart(root.policyFile(), root.machinePolicy())));
        return commandLine;
    }

    public static void main(String[] args) {
        if (opensTheClient(args)) {
            // The toolkit comes up on its own thread while the command line, the policy and the
            // logging configuration are read here (ADR 0027).
            org.vermerk.ui.VermerkClient.startToolkit();
        }
        System.exit(forArguments(args).execute(args));
    }

    /** {@link #clientCommandLine()} when {@code args} open the client, else {@link #commandLine()}. */
    static CommandLine forArguments(String[] args) {
        return "client".equals(windowCommand(args)) ? clientCommandLine() : commandLine();
    }

    /**
     * Whether {@code args} open the desktop client ({@code client}, {@code demo}): the first word
     * that is no option names it and nobody asks for help or the version.
     */
    static boolean opensTheClient(String[] args) {
        return windowCommand(args) != null;
    }

    /** {@code "client"} or {@code "demo"} when {@code args} open the client's window, else null. */
    private static String windowCommand(String[] args) {
        for (String arg : args) {
            if (java.util.Set.of("-h", "--help", "-V", "--version", "help", "--smoke-test")
                    .contains(arg)) {
                return null;
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--policy") || args[i].equals("--smoke-test-screenshot")) {
                i++; // its value
            } else if (!args[i].startsWith("-")) {
                return args[i].equals("client") || args[i].equals("demo") ? args[i] : null;
            }
        }
        return null;
    }
}
