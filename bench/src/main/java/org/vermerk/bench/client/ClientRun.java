package org.vermerk.bench.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One start of the real client in its own process, through the same command an official or an
 * installer uses ({@code ./vermerk client --home DIR}, or an installed {@code vermerk}), with the
 * client's measurement probe switched on by two system properties passed in {@code
 * JDK_JAVA_OPTIONS} (which the {@code java} launcher reads, so the command's own JVM options stay as
 * they are). Feeds the passphrase on standard input, follows the probe's report, reads the
 * process's memory from {@code /proc} when the conversation has been scrolled end to end, then
 * lets the client close its window and waits for the process to end.
 */
final class ClientRun {
    private static final String PREFIX = "vermerk-measure ";

    /** What one start measured; times in milliseconds from just before the process was started. */
    record Result(
            double unlockShownMs,
            double listShownMs,
            double chatShownMs,
            int conversations,
            int unread,
            long rssAtListKiB,
            FramePacing pacing,
            int waitingFrames,
            long scrollMs,
            long rssKiB,
            long hwmKiB,
            boolean stalled) {}

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path stderr;
    private final Duration timeout;

    /**
     * @param command the client command, ending with its arguments ({@code client --home DIR})
     * @param environment added to the driver's environment (DISPLAY, HOME, JDK_JAVA_OPTIONS)
     * @param stderr where the client's diagnostics go
     */
    ClientRun(List<String> command, Map<String, String> environment, Path stderr, Duration timeout) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.stderr = stderr;
        this.timeout = timeout;
    }

    /**
     * Starts the client and measures; with {@code scroll} false it closes the client as soon as the
     * conversation list is shown (a warm-up start, or {@code --start-only}) and the scrolling
     * fields of the result are empty (null pacing, zeros).
     */
    Result run(char[] passphrase, boolean scroll) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        long started = epochMicros();
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> readReport(process, lines));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write(passphrase);
            in.write('\n');
            in.flush();
            Arrays.fill(passphrase, '\0');
            Map<String, Map<String, String>> events = new HashMap<>();
            String wanted = scroll ? "intervals-us" : "list-shown";
            while (!events.containsKey(wanted)) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IOException("the client did not get to '" + wanted + "' within " + timeout.toSeconds()
                            + " s; got " + events.keySet() + "; its diagnostics: " + stderr);
                }
                if (line.equals("EOF")) {
                    throw new IOException("the client ended before '" + wanted + "' (exit code " + process.waitFor()
                            + "); its diagnostics: " + stderr);
                }
                String[] parts = line.split(" ", 2);
                if (!parts[0].equals("intervals-us")) {
                    System.out.println("  client: " + line); // stalled=true: the oldest message was not reached
                }
                events.put(parts[0], fields(parts.length > 1 ? parts[1] : ""));
                if (parts[0].equals("list-shown")) {
                    events.get("list-shown").put("rss-kib", Long.toString(status(process.pid(), "VmRSS")));
                }
                if (parts[0].equals("intervals-us")) {
                    events.get("intervals-us").put("rss-kib", Long.toString(status(process.pid(), "VmRSS")));
                    events.get("intervals-us").put("hwm-kib", Long.toString(status(process.pid(), "VmHWM")));
                    events.get("intervals-us").put("raw", parts.length > 1 ? parts[1] : "");
                    MemoryReport.write(process.pid(), stderr.resolveSibling(stderr.getFileName() + ".memory.txt"));
                }
            }
            in.write("exit\n");
            in.flush();
            return result(events, started, scroll);
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            reader.join(5_000);
        }
    }

    private static Result result(Map<String, Map<String, String>> events, long started, boolean scroll) {
        Map<String, String> list = events.get("list-shown");
        if (!scroll) {
            return new Result(
                    millisSince(events.get("unlock-shown"), started),
                    millisSince(list, started),
                    Double.NaN,
                    Integer.parseInt(list.get("conversations")),
                    Integer.parseInt(list.get("unread")),
                    Long.parseLong(list.get("rss-kib")),
                    null,
                    0,
                    0,
                    0,
                    0,
                    false);
        }
        Map<String, String> scrolled = events.get("scrolled");
        Map<String, String> end = events.get("intervals-us");
        return new Result(
                millisSince(events.get("unlock-shown"), started),
                millisSince(list, started),
                millisSince(events.get("chat-shown"), started),
                Integer.parseInt(list.get("conversations")),
                Integer.parseInt(list.get("unread")),
                Long.parseLong(list.get("rss-kib")),
                FramePacing.of(FramePacing.parse(end.get("raw"))),
                Integer.parseInt(scrolled.get("waiting")),
                Long.parseLong(scrolled.get("ms")),
                Long.parseLong(end.get("rss-kib")),
                Long.parseLong(end.get("hwm-kib")),
                Boolean.parseBoolean(scrolled.get("stalled")));
    }

    private static double millisSince(Map<String, String> event, long startedMicros) {
        return (Long.parseLong(event.get("epoch-us")) - startedMicros) / 1_000.0;
    }

    /** {@code key=value} pairs separated by spaces (a value without '=' is kept whole under "raw"). */
    private static Map<String, String> fields(String text) {
        Map<String, String> out = new HashMap<>();
        for (String field : text.split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                out.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return out;
    }

    private static void readReport(Process process, BlockingQueue<String> lines) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PREFIX)) {
                    lines.add(line.substring(PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // The process ended; EOF below says so.
        }
        lines.add("EOF");
    }

    /** A field of /proc/PID/status in KiB (VmRSS, VmHWM), or -1 when unreadable. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone.
        }
        return -1;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** The JDK_JAVA_OPTIONS value that switches the probe on for one conversation. */
    static String probeOptions(String conversationId, String oldestMessageId, List<String> extra) {
        List<String> options = new ArrayList<>(extra);
        options.add("-Dvermerk.measure.conversation=" + conversationId);
        options.add("-Dvermerk.measure.oldest=" + oldestMessageId);
        return String.join(" ", options);
    }
}
