package org.vermerk.bench.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor of this machine under issue 6's targets, measured with the client's own JVM options
 * (docs/benchmarks.md, "The floor of this machine"): {@link FloorWindow} — a JavaFX window with a
 * list and nothing of Vermerk — started with an AOT cache of its own (trained first, as the client's
 * launcher does) and without one, alternating; then the keystore's Argon2id and BouncyCastle's, each
 * in fresh JVMs ({@code org.vermerk.bench.keystore.Argon2idCold}). Prints every start and the
 * medians.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.vermerk.bench.client.FloorDriver [options]
 *   --runs N        starts per variant (5)
 *   --runtime DIR   the client runtime's jars (packaging/target/runtime/lib; ./vermerk builds it)
 *   --options FILE  the client's JVM options (packaging/client-jvm-options)
 *   --display :N    use this X display instead of starting Xvfb
 * </pre>
 */
public final class FloorDriver {
    private FloorDriver() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
        Path runtime = Path.of(o.getOrDefault("runtime", "packaging/target/runtime/lib"));
        List<String> jvm = clientOptions(Path.of(o.getOrDefault("options", "packaging/client-jvm-options")));
        String java = ProcessHandle.current().info().command().orElse("java");
        String benchJar = Path.of(FloorDriver.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        if (!Files.isDirectory(runtime)) {
            throw new IOException(runtime + " is missing: run ./vermerk --help once to build the client runtime");
        }
        String classPath = runtime.toAbsolutePath() + "/*:" + benchJar;
        Path dir = Files.createTempDirectory("vermerk-floor");
        Path cache = dir.resolve("floor.aot");
        System.out.printf("client JVM options: %s%njava: %s%nload average at start: %s%n", jvm, java, load());
        try (Xvfb xvfb = o.containsKey("display") ? null : Xvfb.start("1920x1080x24")) {
            String display = xvfb != null ? xvfb.display() : o.get("display");
            Map<String, String> env = Map.of("DISPLAY", display, "HOME", dir.toString());
            List<String> window = List.of("-cp", classPath, FloorWindow.Main.class.getName());

            List<String> windowValues = List.of("first-frame-ms", "rss-kib");
            run(dir, java, jvm, List.of("-XX:AOTCacheOutput=" + cache), window, env, windowValues); // training
            Map<String, List<Long>> results = new HashMap<>();
            for (int i = 0; i < runs; i++) {
                for (boolean withCache : new boolean[] {true, false}) {
                    String variant = withCache ? "window, AOT cache" : "window, no AOT cache";
                    Map<String, Long> r = run(
                            dir,
                            java,
                            jvm,
                            withCache ? List.of("-XX:AOTCache=" + cache) : List.of(),
                            window,
                            env,
                            windowValues);
                    System.out.printf(
                            "run %d %s: first frame %d ms, RSS after 8 s %d MiB%n",
                            i + 1, variant, r.get("first-frame-ms"), r.get("rss-kib") / 1024);
                    results.computeIfAbsent(variant + ": first frame (ms)", k -> new ArrayList<>())
                            .add(r.get("first-frame-ms"));
                    results.computeIfAbsent(variant + ": RSS after 8 s (MiB)", k -> new ArrayList<>())
                            .add(r.get("rss-kib") / 1024);
                }
            }
            for (int i = 0; i < runs; i++) {
                for (String implementation : List.of("vermerk", "bouncycastle")) {
                    // BouncyCastle's 64 MiB are heap objects: it gets the ceiling it had in the
                    // client before ADR 0032 (a later -Xmx wins).
                    Map<String, Long> r = run(
                            dir,
                            java,
                            jvm,
                            implementation.equals("bouncycastle") ? List.of("-Xmx160m") : List.of(),
                            List.of("-cp", classPath, "org.vermerk.bench.keystore.Argon2idCold", implementation),
                            env,
                            List.of("derivation-0", "derivation-1", "derivation-2"));
                    System.out.printf(
                            "run %d Argon2id %s: %d / %d / %d ms%n",
                            i + 1, implementation, r.get("derivation-0"), r.get("derivation-1"), r.get("derivation-2"));
                    results.computeIfAbsent("Argon2id " + implementation + ": first, cold (ms)", k -> new ArrayList<>())
                            .add(r.get("derivation-0"));
                    results.computeIfAbsent("Argon2id " + implementation + ": third (ms)", k -> new ArrayList<>())
                            .add(r.get("derivation-2"));
                }
            }
            System.out.printf("%nmedians of %d%n", runs);
            results.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> System.out.printf("| %s | %d |%n", e.getKey(), median(e.getValue())));
            System.out.printf("load average at the end: %s%n", load());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One JVM: prints of the form "floor KEY VALUE" or "argon2id IMPL derivation N ms VALUE". Its
     * output goes to files in {@code dir} (so a child that hangs cannot block the reading), the
     * wait is bounded, and a start without every expected value fails with its diagnostics.
     */
    private static Map<String, Long> run(
            Path dir,
            String java,
            List<String> jvm,
            List<String> extra,
            List<String> program,
            Map<String, String> env,
            List<String> expected)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvm);
        command.addAll(extra);
        command.addAll(program);
        Path stdout = Files.createTempFile(dir, "run-", ".out");
        Path stderr = Files.createTempFile(dir, "run-", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("did not end within 180 s: " + command);
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            if (line.startsWith(FloorWindow.PREFIX) && f.length == 3) {
                values.put(f[1], Long.parseLong(f[2]));
            } else if (line.startsWith("argon2id ") && f.length >= 6) {
                values.put("derivation-" + f[3], Long.parseLong(f[5]));
            }
        }
        if (!values.keySet().containsAll(expected)) {
            throw new IOException("expected " + expected + " from " + command + ", got " + values + "; exit code "
                    + process.exitValue() + "; its diagnostics: " + Files.readString(stderr));
        }
        return values;
    }

    private static List<String> clientOptions(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String option = line.replaceAll("#.*", "").strip();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
