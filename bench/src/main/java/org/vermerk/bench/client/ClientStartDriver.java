package org.vermerk.bench.client;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Issue 6's desktop numbers (docs/benchmarks.md, "Desktop client: start, memory and frame
 * pacing"): prepares a client home with a long conversation ({@link ClientFixture}), starts a
 * virtual display ({@link Xvfb}), then starts the real client through its real command ({@link
 * ClientRun}) several times and prints, per start and as medians: start to unlock screen, start to
 * the unlocked conversation list (Argon2id included), the resident memory then, frame pacing while
 * scrolling the long conversation from the newest message to the oldest, and the resident memory
 * (VmRSS) and its peak (VmHWM) after that.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.vermerk.bench.client.ClientStartDriver [options]
 *   --messages N     messages in the long conversation (100000)
 *   --runs N         measured starts (5)
 *   --warmup N       starts before those that only unlock (1): caches, the launcher's build check
 *   --command CMD    the client command, split at spaces (./vermerk); "client --home DIR" is appended
 *   --jvm OPTS       extra JVM options for the client, in JDK_JAVA_OPTIONS (e.g. -Xlog:class+load)
 *                    Both take several variants separated by ";" (every command with every option
 *                    set); the starts then alternate between the variants, side by side under the
 *                    same load, and the medians are printed per variant.
 *   --fresh-user-home true  every start gets a new, empty HOME (a user's very first start: no
 *                    JavaFX native cache, no class-data archive in the user's cache)
 *   --screen WxHxD   the virtual screen (1920x1080x24)
 *   --display :N     use this X display instead of starting Xvfb
 *   --dir DIR        where the server and the homes go (a fresh temporary directory, deleted after)
 *   --timeout S      per start (900)
 *   --start-only true  measure only the starts (to the unlocked list); no scrolling
 * </pre>
 */
public final class ClientStartDriver {
    private ClientStartDriver() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int messages = Integer.parseInt(o.getOrDefault("messages", "100000"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "1"));
        List<Variant> variants = Variant.all(o.getOrDefault("command", "./vermerk"), o.getOrDefault("jvm", ""));
        boolean freshUserHome = Boolean.parseBoolean(o.getOrDefault("fresh-user-home", "false"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout", "900")));
        boolean startOnly = Boolean.parseBoolean(o.getOrDefault("start-only", "false"));
        boolean keep = o.containsKey("dir");
        Path dir = keep ? Path.of(o.get("dir")) : Files.createTempDirectory("vermerk-client-bench");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            out.printf(
                    "variant %s: %s client --home ...; extra JVM options: %s%n",
                    variant.name(v), String.join(" ", variant.command()), variant.jvm());
        }
        out.printf("load average at start: %s%n", loadAverage());
        try (ClientFixture fixture = ClientFixture.prepare(dir, messages, out);
                Xvfb xvfb = o.containsKey("display") ? null : Xvfb.start(o.getOrDefault("screen", "1920x1080x24"))) {
            String display = xvfb != null ? xvfb.display() : o.get("display");
            Path userHome = Files.createDirectories(dir.resolve("user-home"));
            out.printf("display %s; home %s%n", display, fixture.home());

            List<List<ClientRun.Result>> results = new ArrayList<>();
            variants.forEach(v -> results.add(new ArrayList<>()));
            for (int i = 0; i < warmup + runs; i++) {
                boolean warm = i < warmup;
                for (int v = 0; v < variants.size(); v++) {
                    Variant variant = variants.get(v);
                    Map<String, String> env = new HashMap<>();
                    env.put("DISPLAY", display);
                    env.put(
                            "HOME",
                            (freshUserHome ? Files.createTempDirectory(dir, "user-home-") : userHome).toString());
                    env.put(
                            "JDK_JAVA_OPTIONS",
                            ClientRun.probeOptions(fixture.conversationId(), fixture.oldestMessageId(), variant.jvm()));
                    List<String> full = new ArrayList<>(variant.command());
                    full.addAll(List.of("client", "--home", fixture.home().toString()));
                    String label = (warm ? "warmup-" + i : "run-" + (i - warmup))
                            + (variants.size() > 1 ? "-" + variant.name(v) : "");
                    ClientRun.Result r = new ClientRun(full, env, dir.resolve(label + ".stderr"), timeout)
                            .run(fixture.passphrase(), !warm && !startOnly);
                    if (warm) {
                        out.printf(
                                "warm-up start %d %s: unlock screen %.0f ms, list %.0f ms%n",
                                i + 1, variant.name(v), r.unlockShownMs(), r.listShownMs());
                    } else {
                        results.get(v).add(r);
                        printRun(out, i - warmup + 1, variants.size() > 1 ? variant.name(v) : "", r, startOnly);
                    }
                }
            }
            for (int v = 0; v < variants.size(); v++) {
                if (variants.size() > 1) {
                    out.printf("%nvariant %s:", variants.get(v).name(v));
                }
                printMedians(out, results.get(v), startOnly);
            }
        } finally {
            if (!keep) {
                delete(dir);
            }
        }
    }

    private static void printRun(PrintStream out, int run, String variant, ClientRun.Result r, boolean startOnly) {
        if (startOnly) {
            out.printf(
                    "run %d%s: unlock screen %.0f ms, list %.0f ms (%d conversations, %d unread, RSS %d MiB);"
                            + " load %s%n",
                    run,
                    variant.isEmpty() ? "" : " " + variant,
                    r.unlockShownMs(),
                    r.listShownMs(),
                    r.conversations(),
                    r.unread(),
                    r.rssAtListKiB() / 1024,
                    loadAverage());
            return;
        }
        out.printf(
                "run %d%s: unlock screen %.0f ms, list %.0f ms (%d conversations, %d unread, RSS %d MiB),"
                        + " chat %.0f ms; scrolled in %.1f s: %d frames (%d waiting for a page),"
                        + " median %.1f p95 %.1f p99 %.1f max %.1f ms, %d over 33 ms;"
                        + " RSS %d MiB, peak %d MiB%s; load %s%n",
                run,
                variant.isEmpty() ? "" : " " + variant,
                r.unlockShownMs(),
                r.listShownMs(),
                r.conversations(),
                r.unread(),
                r.rssAtListKiB() / 1024,
                r.chatShownMs(),
                r.scrollMs() / 1000.0,
                r.pacing().frames(),
                r.waitingFrames(),
                r.pacing().medianMs(),
                r.pacing().p95Ms(),
                r.pacing().p99Ms(),
                r.pacing().maxMs(),
                r.pacing().over33ms(),
                r.rssKiB() / 1024,
                r.hwmKiB() / 1024,
                r.stalled() ? "; STALLED: the chat stopped before the oldest message" : "",
                loadAverage());
    }

    private static void printMedians(PrintStream out, List<ClientRun.Result> results, boolean startOnly) {
        out.printf("%nmedians of %d runs%n", results.size());
        out.printf("| start → unlock screen | %.0f ms |%n", median(results, ClientRun.Result::unlockShownMs));
        out.printf(
                "| start → unlocked conversation list (Argon2id included) | %.0f ms |%n",
                median(results, ClientRun.Result::listShownMs));
        out.printf("| RSS at the conversation list | %.0f MiB |%n", median(results, r -> r.rssAtListKiB() / 1024.0));
        if (startOnly) {
            out.printf("load average at the end: %s%n", loadAverage());
            return;
        }
        out.printf(
                "| scrolling (%d of %d runs stalled before the oldest message) | %.1f s, %.0f frames |%n",
                results.stream().filter(ClientRun.Result::stalled).count(),
                results.size(),
                median(results, r -> r.scrollMs() / 1000.0),
                median(results, r -> r.pacing().frames()));
        out.printf(
                "| frame interval median / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                median(results, r -> r.pacing().medianMs()),
                median(results, r -> r.pacing().p95Ms()),
                median(results, r -> r.pacing().p99Ms()),
                median(results, r -> r.pacing().maxMs()));
        out.printf(
                "| frames over 33 ms | %.0f |%n",
                median(results, r -> r.pacing().over33ms()));
        out.printf(
                "| RSS after scrolling (VmRSS) / peak (VmHWM) | %.0f / %.0f MiB |%n",
                median(results, r -> r.rssKiB() / 1024.0), median(results, r -> r.hwmKiB() / 1024.0));
        out.printf("load average at the end: %s%n", loadAverage());
    }

    static double median(List<ClientRun.Result> results, ToDoubleFunction<ClientRun.Result> value) {
        double[] v = results.stream().mapToDouble(value).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "options are --name value pairs; see the class comment: " + Arrays.toString(args));
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
