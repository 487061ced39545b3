package org.vermerk.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options accepted both right after {@code cli} and after each subcommand; the subcommand's win. */
public final class CommonOptions {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "The client's data directory (default: per user, e.g. ~/.local/share/vermerk).")
    Path home;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE instead of asking on the terminal.")
    Path passphraseFile;

    @Option(names = "--json", description = "Print one JSON object per line instead of text.")
    boolean json;
}
