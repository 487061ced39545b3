package org.vermerk.bench.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One way of starting the client that {@link ClientStartDriver} compares: a command (the launcher
 * script, a copy of an older build's, an installed package's) and extra JVM options. Several
 * variants are measured in alternation, so that a shared machine's load falls on each alike.
 *
 * @param command the command, split at spaces ({@code client --home DIR} is appended)
 * @param jvm extra JVM options for {@code JDK_JAVA_OPTIONS}; may be empty
 */
record Variant(List<String> command, List<String> jvm) {
    Variant {
        command = List.copyOf(command);
        jvm = List.copyOf(jvm);
    }

    /** Every command with every option set; each option is a list separated by ";". */
    static List<Variant> all(String commands, String jvmOptions) {
        List<Variant> all = new ArrayList<>();
        for (String command : commands.split(";")) {
            for (String options : jvmOptions.split(";", -1)) {
                all.add(new Variant(words(command), words(options)));
            }
        }
        return all;
    }

    /** A short name for the printout: "A", "B", ... in the order given. */
    String name(int index) {
        return String.valueOf((char) ('A' + index));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split(" +")).filter(w -> !w.isEmpty()).toList();
    }
}
