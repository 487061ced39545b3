package org.vermerk.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.vermerk.keystore.Passphrase;

/** Where a passphrase comes from: the first line of {@code --passphrase-file}, or the terminal. */
final class PassphraseInput {
    private PassphraseInput() {}

    /** The passphrase to open a store. */
    static Passphrase forUnlock(Path file) throws CliFailure {
        return file != null ? fromFile(file) : fromTerminal("Passphrase: ", false, 0);
    }

    /** A new passphrase (asked twice on a terminal), at least {@code minLength} characters. */
    static Passphrase forNewStore(Path file, int minLength) throws CliFailure {
        Passphrase passphrase = file != null ? fromFile(file) : fromTerminal("New passphrase: ", true, minLength);
        char[] chars = passphrase.expose();
        try {
            if (chars.length < minLength) {
                passphrase.destroy();
                throw new CliFailure(
                        ExitCodes.PASSPHRASE,
                        "passphrase_too_short",
                        "the passphrase must have at least " + minLength + " characters (admin policy)");
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
        return passphrase;
    }

    private static Passphrase fromFile(Path file) throws CliFailure {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.PASSPHRASE, "passphrase_file", "cannot read the passphrase file " + file);
        }
        String line = content.lines().findFirst().orElse("");
        if (line.isEmpty()) {
            throw new CliFailure(
                    ExitCodes.PASSPHRASE,
                    "passphrase_file",
                    "the passphrase file " + file + " has an empty first line");
        }
        return Passphrase.of(line.toCharArray());
    }

    private static Passphrase fromTerminal(String prompt, boolean confirm, int minLength) throws CliFailure {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new CliFailure(
                    ExitCodes.PASSPHRASE,
                    "no_terminal",
                    "no terminal to ask for the passphrase: give --passphrase-file FILE");
        }
        char[] first = console.readPassword(prompt + (minLength > 0 ? "(at least " + minLength + " characters) " : ""));
        if (first == null || first.length == 0) {
            throw new CliFailure(ExitCodes.PASSPHRASE, "no_passphrase", "no passphrase given");
        }
        try {
            if (confirm) {
                char[] second = console.readPassword("Repeat: ");
                try {
                    if (second == null || !Arrays.equals(first, second)) {
                        throw new CliFailure(ExitCodes.PASSPHRASE, "passphrase_mismatch", "the passphrases differ");
                    }
                } finally {
                    if (second != null) {
                        Arrays.fill(second, '\0');
                    }
                }
            }
            return Passphrase.of(first);
        } finally {
            Arrays.fill(first, '\0');
        }
    }
}
