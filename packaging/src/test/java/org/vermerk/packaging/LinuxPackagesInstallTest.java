package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installers end to end (issue 8, ADR 0012): builds the .deb and .rpm signed with a throwaway
 * key, checks them with packaging/verify (and that verify rejects a package changed by one byte or
 * stripped of its signature), installs each one, runs the installed {@code /usr/bin/vermerk},
 * opens a JavaFX window with the installed runtime under Xvfb without anything unpacked into the
 * home directory, and uninstalls it leaving nothing behind.
 *
 * <p>It installs software machine-wide, so it runs only where asked to: as root, on Linux with
 * dpkg, with {@code VERMERK_INSTALLER_TESTS=1} (CI sets it in .ci/run), in the {@code
 * integration-test} phase after the runtime class path is packaged. Otherwise it is skipped, and
 * the skip says why.
 */
@Tag("installer")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinuxPackagesInstallTest {
    private static final Path PACKAGING = Path.of("").toAbsolutePath();
    private static final Path TARGET = PACKAGING.resolve("target");
    private static final Path POLICY =
            PACKAGING.resolveSibling("docs").resolve("admin").resolve("policy.minimal.json");
    private static final Path INSTALL_DIR = Path.of("/opt/vermerk");
    private static final Path COMMAND = Path.of("/usr/bin/vermerk");
    private static final Path CLIENT_COMMAND = Path.of("/usr/bin/vermerk-client");

    @TempDir
    static Path work;

    private static Path keys;
    private static Map<String, String> signing;
    private static Path deb;
    private static Path rpm;

    private record Result(int exitCode, String out) {
        Result expectExit(int expected, String what) {
            assertThat(exitCode).as(what + " exit code; output:%n%s", out).isEqualTo(expected);
            return this;
        }
    }

    /** Why this machine cannot run the test, or null; each test is then skipped with it. */
    private static String skipReason;

    private static String skipReason() throws Exception {
        if (!"1".equals(System.getenv("VERMERK_INSTALLER_TESTS"))) {
            return "installs packages machine-wide: runs only with VERMERK_INSTALLER_TESTS=1 (set by .ci/run)";
        }
        if (!System.getProperty("os.name").equals("Linux")) {
            return "needs Linux";
        }
        if (!run(Duration.ofSeconds(10), Map.of(), "id", "-u").out.strip().equals("0")) {
            return "needs root";
        }
        for (String tool : List.of("dpkg", "fakeroot", "rpmbuild", "debsigs", "rpmsign", "gpg", "xvfb-run")) {
            if (!onPath(tool)) {
                return "needs " + tool + " (installed by .ci/run)";
            }
        }
        if (!Files.isRegularFile(TARGET.resolve("runtime").resolve("classpath"))) {
            return "needs the packaged runtime class path: runs in the integration-test phase";
        }
        return null;
    }

    @BeforeEach
    void onlyWhereItMayRun() {
        assumeTrue(skipReason == null, skipReason);
    }

    @BeforeAll
    static void buildSignedPackages() throws Exception {
        skipReason = skipReason();
        if (skipReason != null) {
            System.out.println("LinuxPackagesInstallTest skipped: " + skipReason);
            return;
        }
        assertThat(installedState())
                .as("a vermerk package is installed already; this test would replace it")
                .doesNotStartWith("install");

        keys = work.resolve("keys");
        run(Duration.ofMinutes(2), Map.of(), "bash", script("make-test-keys"), keys.toString())
                .expectExit(0, "make-test-keys");
        signing = readEnvFile(keys.resolve("signing.env"));
        Map<String, String> environment = new HashMap<>(signing);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        Result build = run(Duration.ofMinutes(30), environment, "bash", script("build-packages"))
                .expectExit(0, "build-packages");
        System.out.print(build.out); // the steps and their times, for the build log
        deb = only("vermerk_*_amd64.deb");
        rpm = only("vermerk-*.x86_64.rpm");
    }

    @AfterAll
    static void stopTheKeysAgent() throws Exception {
        if (keys != null) {
            run(
                    Duration.ofSeconds(20),
                    Map.of("GNUPGHOME", keys.resolve("gnupg").toString()),
                    "gpgconf",
                    "--kill",
                    "all");
        }
    }

    @Test
    @Order(1)
    void verifyAcceptsTheSignedPackages() throws Exception {
        Result result = verify(deb, rpm).expectExit(0, "verify");
        assertThat(result.out)
                .contains("debsigs origin signature good")
                .contains("rpm digests and signature good")
                .containsPattern("jars signed by jar-signing.pem's key")
                .contains("all 2 packages signed and intact");
    }

    @Test
    @Order(2)
    void verifyRejectsAPackageWithOneByteChanged() throws Exception {
        for (Path original : List.of(deb, rpm)) {
            Path changed = work.resolve("changed-" + original.getFileName());
            Files.copy(original, changed);
            try (RandomAccessFile file = new RandomAccessFile(changed.toFile(), "rw")) {
                long middle = file.length() / 2;
                file.seek(middle);
                int b = file.read();
                file.seek(middle);
                file.write(b ^ 0x01);
            }
            Result result = verify(changed).expectExit(1, "verify of " + changed.getFileName());
            assertThat(result.out).contains("FAILED " + changed).contains("FAILED the signature check");
        }
    }

    @Test
    @Order(3)
    void verifyRejectsPackagesWithoutTheirSignature() throws Exception {
        Path unsignedDeb = work.resolve("unsigned-" + deb.getFileName());
        Files.copy(deb, unsignedDeb);
        run(Duration.ofSeconds(30), Map.of(), "ar", "d", unsignedDeb.toString(), "_gpgorigin")
                .expectExit(0, "ar d");
        assertThat(verify(unsignedDeb).expectExit(1, "verify").out).contains("the package is not signed");

        Path unsignedRpm = work.resolve("unsigned-" + rpm.getFileName());
        Files.copy(rpm, unsignedRpm);
        run(Duration.ofSeconds(60), Map.of(), "rpmsign", "--delsign", unsignedRpm.toString())
                .expectExit(0, "rpmsign --delsign");
        assertThat(verify(unsignedRpm).expectExit(1, "verify").out).contains("the package is not signed");
    }

    @Test
    @Order(4)
    void verifyRejectsASignedPackageWithAnUnsignedJarInside() throws Exception {
        // A package signed with the right key whose payload holds a jar nobody signed.
        Path root = Files.createDirectories(work.resolve("jar-check/root"));
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.writeString(
                root.resolve("DEBIAN/control"),
                "Package: vermerk-jar-check\nVersion: 1\nArchitecture: all\n"
                        + "Maintainer: Vermerk <packaging@vermerk.invalid>\nDescription: verify test\n");
        Path lib = Files.createDirectories(root.resolve("opt/vermerk/lib/app"));
        try (Stream<Path> jars = Files.list(TARGET.resolve("runtime/lib"))) {
            Path picocli = jars.filter(jar -> jar.getFileName().toString().startsWith("picocli-"))
                    .findFirst()
                    .orElseThrow();
            Files.copy(picocli, lib.resolve(picocli.getFileName()));
        }
        Path deb = work.resolve("jar-check/vermerk-jar-check.deb");
        run(Duration.ofMinutes(2), Map.of(), "dpkg-deb", "-b", root.toString(), deb.toString())
                .expectExit(0, "dpkg-deb -b");
        run(
                        Duration.ofMinutes(2),
                        signing,
                        "debsigs",
                        "--sign=origin",
                        "-k",
                        signing.get("VERMERK_GPG_KEY"),
                        deb.toString())
                .expectExit(0, "debsigs");
        assertThat(verify(deb).expectExit(1, "verify").out)
                .contains("debsigs origin signature good")
                .contains("1 of 1 jars are not signed by the jar-signing certificate")
                .contains("picocli");
    }

    @Test
    @Order(5)
    void theDebInstallsRunsAndUninstallsCleanly() throws Exception {
        run(Duration.ofMinutes(5), Map.of(), "dpkg", "-i", deb.toString()).expectExit(0, "dpkg -i");
        try {
            assertThat(installedState()).isEqualTo("install ok installed");
            checkTheInstalledApplication();
        } finally {
            run(Duration.ofMinutes(5), Map.of(), "dpkg", "-r", "vermerk").expectExit(0, "dpkg -r");
        }
        assertThat(INSTALL_DIR).doesNotExist();
        assertThat(COMMAND).doesNotExist();
        assertThat(CLIENT_COMMAND).doesNotExist();
        // Removed; dpkg keeps only its record of the maintainer scripts until a purge.
        assertThat(installedState()).isEqualTo("deinstall ok config-files");
        run(Duration.ofMinutes(2), Map.of(), "dpkg", "-P", "vermerk").expectExit(0, "dpkg -P");
        assertThat(installedState()).isEmpty();
    }

    /** dpkg's status of the vermerk package, or "" when dpkg knows none. */
    private static String installedState() throws Exception {
        Result status = run(Duration.ofSeconds(10), Map.of(), "dpkg-query", "-W", "-f=${Status}", "vermerk");
        return status.exitCode == 0 ? status.out.strip() : "";
    }

    @Test
    @Order(6)
    void theRpmInstallsRunsAndUninstallsCleanly() throws Exception {
        assumeTrue(onPath("rpm"), "needs rpm");
        // Debian's rpm installs only when told that it is meant (--force-debian); the dependencies are
        // Fedora/RHEL names that Debian's rpm database does not know (--nodeps).
        run(Duration.ofMinutes(5), Map.of(), "rpm", "-i", "--nodeps", "--force-debian", rpm.toString())
                .expectExit(0, "rpm -i");
        try {
            Result listed = run(Duration.ofSeconds(30), Map.of(), "rpm", "-ql", "vermerk")
                    .expectExit(0, "rpm -ql");
            assertThat(listed.out)
                    .contains("/usr/bin/vermerk")
                    .contains("/opt/vermerk/bin/vermerk")
                    .contains("/usr/bin/vermerk-client");
            checkTheInstalledApplication();
        } finally {
            run(Duration.ofMinutes(5), Map.of(), "rpm", "-e", "--nodeps", "vermerk")
                    .expectExit(0, "rpm -e");
        }
        assertThat(INSTALL_DIR).doesNotExist();
        assertThat(COMMAND).doesNotExist();
        assertThat(CLIENT_COMMAND).doesNotExist();
    }

    /** What both packages must give: the command on PATH, the real policy code, JavaFX from the image. */
    private static void checkTheInstalledApplication() throws Exception {
        assertThat(COMMAND).isSymbolicLink();
        Result help = run(Duration.ofMinutes(1), Map.of(), COMMAND.toString(), "--help")
                .expectExit(0, "vermerk --help");
        assertThat(help.out).contains("Usage: vermerk").contains("policy").contains("server");
        // The desktop client's own launcher (ADR 0027): `vermerk client` with the client's JVM options.
        assertThat(CLIENT_COMMAND).isSymbolicLink();
        Path cacheHome = Files.createTempDirectory(work, "client-home");
        Result clientHelp = run(
                        Duration.ofMinutes(1),
                        Map.of("HOME", cacheHome.toString()),
                        CLIENT_COMMAND.toString(),
                        "--help")
                .expectExit(0, "vermerk-client --help");
        assertThat(clientHelp.out).contains("Usage: vermerk client").contains("--home");
        assertThat(cacheHome.resolve(".cache/vermerk")).isDirectory(); // ClassDataArchive made it for the JVM

        Result check = run(Duration.ofMinutes(1), Map.of(), "vermerk", "policy", "check", "--policy", POLICY.toString())
                .expectExit(0, "vermerk policy check");
        assertThat(check.out)
                .contains("Admin policy " + POLICY + " is valid.")
                .containsPattern("serverUrl\\s+policy-locked\\s+no\\s+https://vermerk.bmi.example:8443");
        Path invalid = work.resolve("invalid-policy.json");
        Files.writeString(invalid, "{\"idleLockMinutes\": 5000}");
        Result refused = run(
                        Duration.ofMinutes(1), Map.of(), "vermerk", "policy", "check", "--policy", invalid.toString())
                .expectExit(1, "vermerk policy check of an invalid policy");
        assertThat(refused.out).contains("idleLockMinutes").contains("The client refuses to start");

        // `vermerk package` is for source checkouts; the installed copy says so instead of failing oddly.
        assertThat(run(Duration.ofMinutes(1), Map.of(), "vermerk", "package").expectExit(2, "vermerk package").out)
                .contains("source checkout");

        showAWindowWithTheInstalledRuntime();
        runTheSmokeTestAsItRollsOut(invalid);
    }

    /**
     * IT's rollout check on the installed package: {@code vermerk --smoke-test} under Xvfb with a
     * fresh HOME opens and renders the first window and exits 0, unpacking nothing into the home; its
     * screenshot is kept in {@code packaging/target/installed-smoke-test.png}. An invalid policy stops
     * it with exit 1 and the key named.
     */
    private static void runTheSmokeTestAsItRollsOut(Path invalidPolicy) throws Exception {
        Path home = Files.createDirectories(work.resolve("smoke-home-" + System.nanoTime()));
        Path screenshot = TARGET.resolve("installed-smoke-test.png");
        Files.deleteIfExists(screenshot);
        Result smoke = run(
                        Duration.ofMinutes(2),
                        Map.of("HOME", home.toString()),
                        "xvfb-run",
                        "-a",
                        "vermerk",
                        "--policy",
                        POLICY.toString(),
                        "--smoke-test",
                        "--smoke-test-screenshot",
                        screenshot.toString())
                .expectExit(0, "vermerk --smoke-test");
        assertThat(smoke.out).contains("first window").contains("smoke test: passed");
        assertThat(screenshot).isNotEmptyFile();
        assertThat(home.resolve(".openjfx")).doesNotExist();

        Result refused = run(
                        Duration.ofMinutes(2),
                        Map.of("HOME", home.toString()),
                        "xvfb-run",
                        "-a",
                        "vermerk",
                        "--policy",
                        invalidPolicy.toString(),
                        "--smoke-test")
                .expectExit(1, "vermerk --smoke-test with an invalid policy");
        assertThat(refused.out).contains("smoke test failed").contains("idleLockMinutes");
    }

    /**
     * Opens a JavaFX window with the installed runtime (under Xvfb, a fresh HOME) and checks that
     * JavaFX loaded its native libraries from the image and unpacked nothing into the home directory.
     */
    private static void showAWindowWithTheInstalledRuntime() throws Exception {
        Path installedJava = INSTALL_DIR.resolve("lib/runtime/bin/java");
        assertThat(installedJava).isExecutable();
        Path probe = work.resolve("probe");
        Path home = Files.createDirectories(work.resolve("home-" + System.nanoTime()));
        if (Files.notExists(probe.resolve("JavaFxWindowProbe.class"))) {
            Path source = Files.createDirectories(work.resolve("probe-src")).resolve("JavaFxWindowProbe.java");
            try (var in = LinuxPackagesInstallTest.class.getResourceAsStream("JavaFxWindowProbe.java.txt")) {
                Files.write(source, in.readAllBytes());
            }
            String javafx;
            try (Stream<Path> jars = Files.list(TARGET.resolve("runtime/lib"))) {
                javafx = jars.filter(jar -> jar.getFileName().toString().matches("javafx-.*-linux\\.jar"))
                        .map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator));
            }
            int compiled = ToolProvider.getSystemJavaCompiler()
                    .run(
                            null,
                            null,
                            null,
                            "--release",
                            "25",
                            "--module-path",
                            javafx,
                            "--add-modules",
                            "javafx.controls",
                            "-d",
                            probe.toString(),
                            source.toString());
            assertThat(compiled).as("javac of the probe").isZero();
        }
        Result window = run(
                        Duration.ofMinutes(2),
                        Map.of("HOME", home.toString()),
                        "xvfb-run",
                        "-a",
                        installedJava.toString(),
                        "-Djavafx.verbose=true",
                        "-Dprism.order=sw",
                        "-cp",
                        probe.toString(),
                        "JavaFxWindowProbe")
                .expectExit(0, "JavaFX window with the installed runtime");
        assertThat(window.out)
                .contains("window shown")
                .contains("Loaded " + INSTALL_DIR.resolve("lib/runtime/lib/libglass.so"))
                .doesNotContain(".openjfx");
        assertThat(home.resolve(".openjfx")).doesNotExist();
    }

    private static Result verify(Path... packages) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                script("verify"),
                "--key",
                keys.resolve("package-signing-key.asc").toString(),
                "--jar-cert",
                keys.resolve("jar-signing.pem").toString()));
        Arrays.stream(packages).map(Path::toString).forEach(command::add);
        return run(
                Duration.ofMinutes(5),
                Map.of("JAVA_HOME", System.getProperty("java.home")),
                command.toArray(String[]::new));
    }

    private static String script(String name) {
        return PACKAGING.resolve(name).toString();
    }

    private static Path only(String glob) throws IOException {
        try (Stream<Path> found = Files.list(TARGET)) {
            var matcher = TARGET.getFileSystem().getPathMatcher("glob:" + glob);
            List<Path> matches =
                    found.filter(p -> matcher.matches(p.getFileName())).toList();
            assertThat(matches)
                    .as("packages matching " + glob + " in " + TARGET)
                    .hasSize(1);
            return matches.getFirst();
        }
    }

    private static boolean onPath(String tool) throws Exception {
        return run(Duration.ofSeconds(10), Map.of(), "sh", "-c", "command -v " + tool).exitCode == 0;
    }

    /** {@code export NAME='value'} lines as make-test-keys writes them. */
    private static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("export ") && line.contains("=")) {
                String assignment = line.substring("export ".length());
                int eq = assignment.indexOf('=');
                values.put(
                        assignment.substring(0, eq),
                        assignment.substring(eq + 1).replace("'", ""));
            }
        }
        return values;
    }

    /** Runs a command and returns its exit code with stdout and stderr together; kills it on timeout. */
    private static Result run(Duration timeout, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("vermerk-installer-test", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
