package org.vermerk.bench.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a client's resident memory is, written beside its diagnostics when a scroll ends: the
 * mappings of {@code /proc/PID/smaps} summed by what they map (a library, the class-data archive,
 * anonymous memory) with their resident, anonymous and file-backed shares, and — when the client
 * runs with {@code -XX:NativeMemoryTracking=summary} — the JVM's own account from {@code jcmd}.
 * Read after the numbers were taken, so it cannot change them.
 */
final class MemoryReport {
    private MemoryReport() {}

    /** Writes the report to {@code target}; a failure only leaves a line saying so. */
    static void write(long pid, Path target) {
        List<String> out = new ArrayList<>();
        try {
            out.addAll(smapsByMapping(Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))));
        } catch (IOException | RuntimeException e) {
            out.add("smaps unreadable: " + e);
        }
        out.add("");
        out.addAll(nativeMemory(pid));
        try {
            Files.write(target, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("memory report not written to " + target + ": " + e);
        }
    }

    /** Rss, Anonymous and the file-backed rest per mapped name, largest first, in KiB. */
    static List<String> smapsByMapping(List<String> smaps) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        long[] current = null;
        for (String line : smaps) {
            if (isHeader(line)) {
                String[] parts = line.trim().split("\\s+", 6);
                String name = parts.length == 6 ? parts[5] : "[anonymous]";
                current = byName.computeIfAbsent(name, n -> new long[2]);
            } else if (current != null && line.startsWith("Rss:")) {
                current[0] += kib(line);
            } else if (current != null && line.startsWith("Anonymous:")) {
                current[1] += kib(line);
            }
        }
        long rss = 0;
        long anon = 0;
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byName.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        List<String> out = new ArrayList<>();
        out.add(String.format("%10s %10s %10s  %s", "Rss KiB", "anon KiB", "file KiB", "mapping"));
        for (Map.Entry<String, long[]> row : rows) {
            long[] v = row.getValue();
            rss += v[0];
            anon += v[1];
            if (v[0] >= 1024) {
                out.add(String.format("%10d %10d %10d  %s", v[0], v[1], v[0] - v[1], row.getKey()));
            }
        }
        out.add(String.format("%10d %10d %10d  %s", rss, anon, rss - anon, "total"));
        return out;
    }

    /** A mapping's first line: "start-end perms offset dev inode [name]". */
    private static boolean isHeader(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        return dash > 0 && space > dash && line.substring(0, dash).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    private static List<String> nativeMemory(long pid) {
        String java = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        if (java.isEmpty() || !Files.isExecutable(jcmd)) {
            return List.of("no jcmd beside the client's java (" + java + ")");
        }
        List<String> out = new ArrayList<>();
        for (String command : List.of("VM.native_memory summary", "GC.heap_info")) {
            List<String> full = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
            full.addAll(List.of(command.split(" ")));
            try {
                Path output = Files.createTempFile("vermerk-jcmd-", ".txt");
                try {
                    Process p = new ProcessBuilder(full)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        out.add("jcmd " + command + " did not answer within 30 s");
                        continue;
                    }
                    out.add("$ jcmd PID " + command);
                    out.addAll(Files.readAllLines(output, StandardCharsets.UTF_8));
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                out.add("jcmd " + command + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out;
            }
        }
        return out;
    }
}
