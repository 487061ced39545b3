package org.vermerk.keystore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * A second process for the tests: {@code hold <dir>} opens the store and keeps it open until stdin
 * closes; {@code transitions <dir> <count> <haltSeed>} continues the crash test's sequence of
 * transitions from where the store stands, reporting each committed one on stdout, and (when the
 * seed is not negative) halts itself at a random moment.
 */
public final class StoreChild {
    private StoreChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "hold" -> {
                try (Keystore store = Keystore.open(dir, TestStores.passphrase(), TestStores.options())) {
                    out.println("OPEN");
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                }
            }
            case "transitions" -> {
                int count = Integer.parseInt(args[2]);
                long haltSeed = Long.parseLong(args[3]);
                try (Keystore store = Keystore.open(dir, TestStores.passphrase(), TestStores.options())) {
                    if (haltSeed >= 0) {
                        long delay = 5 + new Random(haltSeed).nextInt(400);
                        Thread halter = new Thread(() -> {
                            try {
                                Thread.sleep(delay);
                            } catch (InterruptedException e) {
                                return;
                            }
                            Runtime.getRuntime().halt(137);
                        });
                        halter.setDaemon(true);
                        halter.start();
                    }
                    out.println("OPEN");
                    CrashConsistencyTest.Workload workload = new CrashConsistencyTest.Workload(store);
                    while (workload.applied() < count) {
                        int done = workload.applyNext();
                        out.println("COMMITTED " + done);
                    }
                    out.println("DONE");
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
