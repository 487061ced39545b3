package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's JVM options (./vermerk and packaging/aot-cache.sh, ADR 0027 and 0030): the
 * desktop client and the demo get the client's options from packaging/client-jvm-options and an AOT
 * cache in the user's cache directory (a training run writes it while there is none, later starts
 * use it); every other command gets neither; a cache that does not fit is replaced and an unwritable
 * cache directory only leaves the cache out. The script runs in a copy of the checkout whose JDK is
 * a stand-in {@code java} that prints its arguments, one per line, and, told to train, writes a
 * cache (the magic number and a few bytes) where {@code -XX:AOTCacheOutput} says, with its
 * configuration beside it while it runs, as the JVM does. {@code STANDIN_CACHE=none} makes it write
 * none, {@code STANDIN_EXIT} sets its exit status. One test runs the real JDK with the options.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final String STAND_IN_JAVA = """
            #!/bin/sh
            out=
            for a in "$@"; do
              echo "$a"
              case $a in -XX:AOTCacheOutput=*) out=${a#-XX:AOTCacheOutput=} ;; esac
            done
            if [ -n "$out" ]; then
              echo configuration > "$out.config"
              [ "${STANDIN_CACHE:-whole}" = none ] || printf '\\242\\253\\013\\360cache' > "$out"
              rm -f "$out.config"
            fi
            exit "${STANDIN_EXIT:-0}"
            """;

    @TempDir
    Path dir;

    private Path root;
    private Path jdk;
    private Path cache;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        root = dir.resolve("checkout");
        jdk = dir.resolve("jdk");
        Files.createDirectories(root.resolve(".mvn"));
        Files.createDirectories(root.resolve("packaging/target/runtime/lib"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.copy(CHECKOUT.resolve("vermerk"), root.resolve("vermerk"));
        Files.copy(CHECKOUT.resolve("packaging/aot-cache.sh"), root.resolve("packaging/aot-cache.sh"));
        Files.copy(CHECKOUT.resolve("packaging/client-jvm-options"), root.resolve("packaging/client-jvm-options"));
        Files.writeString(root.resolve("packaging/target/runtime/lib/vermerk-packaging-1.jar"), "jar");
        executable(root.resolve(".mvn/find-jdk"), "#!/bin/sh\necho " + jdk + "\n");
        executable(jdk.resolve("bin/java"), STAND_IN_JAVA);
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "the JVM");
        Files.writeString(root.resolve("packaging/target/runtime/.built"), "");
        cache = dir.resolve("cache");
    }

    @Test
    void theClientGetsItsOptionsAndTrainsACacheInTheUsersCache() throws Exception {
        List<String> args = run("client", "--home", "/tmp/x");

        assertThat(args).contains("-XX:+UseSerialGC", "-Xmx96m", "-Xlog:aot=off,cds=off");
        // the training run writes a file of its own, moved into place when the JVM has ended
        assertThat(archiveOption(args)).startsWith("-XX:AOTCacheOutput=" + cache.resolve("vermerk/client-"));
        assertThat(archiveOption(args)).matches(".*\\.aot\\.[0-9]+\\.tmp");
        assertThat(args).contains("-XX:+DisplayVMOutputToStderr");
        assertThat(args.subList(args.indexOf("org.vermerk.packaging.VermerkCommand"), args.size()))
                .containsExactly("org.vermerk.packaging.VermerkCommand", "client", "--home", "/tmp/x");
        assertThat(archivePath(args)).exists();
        assertThat(cachePath(args)).doesNotExist();
        assertThat(cache.resolve("vermerk")).isDirectoryContaining(p -> p.equals(archivePath(args)));
        try (var files = Files.list(cache.resolve("vermerk"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.endsWith(".aot") || n.endsWith(".lock"));
        }
    }

    @Test
    void aTrainingRunKeepsTheClientsExitStatusAndAnUnfinishedCacheIsNeverUsed() throws Exception {
        List<String> failed = run(Map.of("STANDIN_EXIT", "3"), 3, "client");
        assertThat(archivePath(failed)).exists(); // the JVM wrote it before it ended with the client's status
        Files.delete(archivePath(failed));

        List<String> killed = run(Map.of("STANDIN_CACHE", "none"), 0, "client");
        assertThat(archivePath(killed)).doesNotExist();
        assertThat(cachePath(killed)).doesNotExist();
        assertThat(Path.of(cachePath(killed) + ".config")).doesNotExist();
        assertThat(archiveOption(run("client"))).startsWith("-XX:AOTCacheOutput="); // trains again
    }

    @Test
    void theDemoAndTheSmokeTestRunAsTheClientDoes() throws Exception {
        assertThat(run("demo")).contains("-XX:+UseSerialGC");
        Path trained = archivePath(run("demo"));
        Files.delete(trained);
        List<String> smokeTest = run("--policy", "p.json", "--smoke-test");
        assertThat(smokeTest).contains("-XX:+UseSerialGC");
        // it uses a cache that is there but trains none: one window's classes would stay until the next build
        assertThat(smokeTest.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")))
                .isTrue();
        assertThat(trained).doesNotExist();
        Path cacheFile = archivePath(run("client"));
        assertThat(run("--smoke-test")).contains("-XX:AOTCache=" + cacheFile);
    }

    @Test
    void theServerAndTheOtherCommandsKeepTheJvmDefaults() throws Exception {
        for (List<String> command : List.of(
                List.of("server", "--data", "d"),
                List.of("cli", "send"),
                List.of("--version"),
                List.of("--policy", "client"),
                // help opens no window; an archive written by it would hold only help's classes
                List.of("client", "--help"))) {
            List<String> args = run(command.toArray(String[]::new));
            assertThat(args).as("%s", command).doesNotContain("-XX:+UseSerialGC");
            assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")))
                    .as("%s", command)
                    .isTrue();
        }
    }

    @Test
    void aCacheWrittenByTheTrainingRunIsUsedByTheNextStart() throws Exception {
        Path current = archivePath(run("client"));

        List<String> args = run("client");

        assertThat(args).contains("-XX:AOTCache=" + current);
        assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCacheOutput")))
                .isTrue();
        assertThat(current).exists();
    }

    @Test
    void aCacheOfAnotherBuildAndAnOldArchiveAreRemovedAndAFileThatIsNoCacheIsReplaced() throws Exception {
        Path current = archivePath(run("client"));
        String name = current.getFileName().toString();
        Path older = current.resolveSibling(name.replaceAll("-[0-9]+\\.aot$", "-1.aot"));
        Path olderTraining = current.resolveSibling(name.replaceAll("-[0-9]+\\.aot$", "-1.aot.config"));
        Path olderTmp = current.resolveSibling(name.replaceAll("-[0-9]+\\.aot$", "-1.aot.77.tmp"));
        Path dynamicArchive = current.resolveSibling(name.replaceAll("\\.aot$", ".jsa")); // before ADR 0030
        Path oldConfig = Path.of(current + ".config"); // the training file of the launcher before atomic writes
        Files.writeString(older, "a cache of an older build");
        Files.writeString(olderTraining, "an interrupted training run of an older build");
        Files.writeString(olderTmp, "an interrupted training run of an older build");
        Files.writeString(dynamicArchive, "a dynamic archive");
        Files.writeString(oldConfig, "an interrupted training run");
        Files.writeString(current, "not a cache: the JVM would neither use nor rewrite it");

        List<String> args = run("client");

        assertThat(archiveOption(args)).startsWith("-XX:AOTCacheOutput=" + current + ".");
        assertThat(older).doesNotExist();
        assertThat(olderTraining).doesNotExist();
        assertThat(olderTmp).doesNotExist();
        assertThat(dynamicArchive).doesNotExist();
        assertThat(oldConfig).doesNotExist();
        assertThat(Files.readAllBytes(current)).startsWith((byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0);
    }

    @Test
    void whatAKilledTrainingRunLeftGoesWhenTheCacheIsUsed() throws Exception {
        Path current = archivePath(run("client"));
        Path tmp = Path.of(current + ".4242.tmp");
        Path config = Path.of(current + ".4242.tmp.config");
        Files.writeString(tmp, "half a cache");
        Files.writeString(config, "55 MB of training configuration");

        assertThat(run("client")).contains("-XX:AOTCache=" + current);

        assertThat(tmp).doesNotExist();
        assertThat(config).doesNotExist();
        assertThat(current).exists();
    }

    @Test
    void directoriesAndLinksNamedLikeCachesNeitherStopTheStartNorLoseWhatTheyPointAt() throws Exception {
        Path current = archivePath(run("client"));
        String prefix = current.getFileName().toString().replaceAll("-[0-9]+\\.aot$", "-");
        Path directory = current.resolveSibling(prefix + "1.aot");
        Files.createDirectories(directory.resolve("inside"));
        Path someonesFile = dir.resolve("someones-file");
        Files.writeString(someonesFile, "kept");
        Path link = current.resolveSibling(prefix + "2.aot");
        Files.createSymbolicLink(link, someonesFile);

        assertThat(run("client")).contains("-XX:AOTCache=" + current);

        assertThat(directory.resolve("inside")).isDirectory();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(someonesFile).hasContent("kept");
    }

    @Test
    void aDirectoryInTheCachesPlaceLeavesOnlyTheCacheOut() throws Exception {
        Path current = archivePath(run("client"));
        Files.delete(current);
        Files.createDirectories(current.resolve("inside"));

        List<String> args = run("client");

        assertThat(args).contains("-XX:+UseSerialGC");
        assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCache"))).isTrue();
        assertThat(current.resolve("inside")).isDirectory();
    }

    @Test
    void aRebuiltRuntimeAnUpdatedJdkOrOtherClientOptionsGetACacheOfTheirOwn() throws Exception {
        List<String> names = new ArrayList<>();
        names.add(archivePath(run("client")).getFileName().toString());
        Path jar = root.resolve("packaging/target/runtime/lib/vermerk-packaging-1.jar");
        Files.writeString(jar, "a rebuilt jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
        names.add(archivePath(run("client")).getFileName().toString());
        // a JDK updated in place: same directory, another release
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.4\"\n");
        names.add(archivePath(run("client")).getFileName().toString());
        Path libjvm = jdk.resolve("lib/server/libjvm.so");
        Files.writeString(libjvm, "a patched JVM");
        names.add(archivePath(run("client")).getFileName().toString());
        Files.writeString(root.resolve("packaging/client-jvm-options"), "-XX:+UseSerialGC\n-Xmx256m\n");
        names.add(archivePath(run("client")).getFileName().toString());

        assertThat(names).doesNotHaveDuplicates();
        try (var files = Files.list(cache.resolve("vermerk"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".aot"))).hasSize(1); // the others' are removed
        }
    }

    @Test
    void cdsOptionsOfTheUsersLeaveTheAotOptionsOut() throws Exception {
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            for (String option : List.of(
                    "-Xshare:off",
                    "-XX:SharedArchiveFile=a.jsa",
                    "-XX:SharedClassListFile=c.lst",
                    "-XX:DumpLoadedClassList=c.lst",
                    "-XX:ArchiveClassesAtExit=a.jsa",
                    "-XX:AOTCache=a.aot",
                    "-XX:AOTCacheOutput=a.aot",
                    "-XX:AOTMode=off")) {
                List<String> args = run(Map.of(variable, "-Xss1m " + option), 0, "client");
                assertThat(args).as("%s=%s", variable, option).contains("-XX:+UseSerialGC");
                assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")))
                        .as("%s=%s", variable, option)
                        .isTrue();
            }
        }
        assertThat(archiveOption(run(Map.of("JDK_JAVA_OPTIONS", "-Xss1m"), 0, "client")))
                .startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void aStartWhileAnotherTrainsTrainsNoneAndStillStarts() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v flock").start().waitFor() == 0, "flock(1)");
        Path current = archivePath(run("client"));
        Files.delete(current);
        Path lock = current.resolveSibling(current.getFileName().toString().replaceAll("-[0-9]+\\.aot$", ".lock"));
        Process holder =
                new ProcessBuilder("flock", "-o", lock.toString(), "sh", "-c", "echo locked; exec sleep 60").start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8))
                    .isEqualTo("locked\n");

            List<String> args = run("client");

            assertThat(args).contains("-XX:+UseSerialGC");
            assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")))
                    .isTrue();
            assertThat(current).doesNotExist();
        } finally {
            holder.descendants().forEach(ProcessHandle::destroy);
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(archiveOption(run("client"))).startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void anUnwritableCacheLeavesOnlyTheArchiveOut() throws Exception {
        Files.writeString(cache, "a file where the cache directory should be");

        List<String> args = run("client");

        assertThat(args).contains("-XX:+UseSerialGC");
        assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCache"))).isTrue();
    }

    @Test
    void aCacheOthersCanWriteToIsNotUsedForTheArchive() throws Exception {
        Path vermerkCache = cache.resolve("vermerk");
        Files.createDirectories(vermerkCache);
        Files.setPosixFilePermissions(vermerkCache, PosixFilePermissions.fromString("rwxrwxrwx"));

        List<String> args = run("client");

        assertThat(args).contains("-XX:+UseSerialGC");
        assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCache"))).isTrue();
    }

    @Test
    void aNewCacheIsTheUsersAloneAndALinkInTheArchivesPlaceIsRemoved() throws Exception {
        Path current = archivePath(run("client"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(current.getParent())))
                .isEqualTo("rwx------");
        Files.delete(current);
        Path elsewhere = dir.resolve("elsewhere.aot");
        Path elsewhereConfig = dir.resolve("elsewhere.aot.config");
        Files.createSymbolicLink(current, elsewhere);
        // the launcher before ADR 0030's fixes let the JVM write its configuration beside the cache
        Path config = Path.of(current + ".config");
        Files.createSymbolicLink(config, elsewhereConfig);

        assertThat(archiveOption(run("client"))).startsWith("-XX:AOTCacheOutput="); // the stand-in writes

        assertThat(Files.isSymbolicLink(current)).isFalse();
        assertThat(current).isRegularFile();
        assertThat(Files.exists(config, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(elsewhere).doesNotExist();
        assertThat(elsewhereConfig).doesNotExist();
    }

    @Test
    void theServerStartsWithNoClientOptionsUnderSetU() throws Exception {
        // An empty option list must not trip `set -u` (bash before 4.4 calls it unbound).
        List<String> args = run("server", "--data", "d");
        assertThat(args.getFirst()).isEqualTo("--enable-native-access=ALL-UNNAMED");
        assertThat(args.get(1)).startsWith("-Dvermerk.source=");
    }

    /**
     * The real JDK (the one the build runs on) takes the JVM options the script builds, for the
     * training and for the using start (the stand-in cannot tell).
     */
    @Test
    void theRealJdkTakesTheOptionsOfTheTrainingAndTheUsingStart() throws Exception {
        Path realJava = realJdk().resolve("bin/java");
        List<String> training = run("client");
        Path current = archivePath(training);
        Files.delete(current); // the stand-in's
        assertThat(runJava(realJava, jvmOptions(training))).isZero(); // writes a real cache into the training file
        Files.move(cachePath(training), current);

        List<String> using = run("client");
        assertThat(using).contains("-XX:AOTCache=" + current);
        assertThat(runJava(realJava, jvmOptions(using))).isZero();
    }

    /** The JVM's options as the script passes them, up to the system properties of the command. */
    private static List<String> jvmOptions(List<String> args) {
        int end = 0;
        while (!args.get(end).startsWith("-Dvermerk.source=")) {
            end++;
        }
        return args.subList(0, end);
    }

    private int runJava(Path java, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-version");
        // a crash report, if any, lands in the test's directory
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        clearJavaOptions(builder);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(out);
        }
        return process.exitValue();
    }

    private static Path realJdk() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(CHECKOUT.resolve(".mvn/find-jdk").toString()).start();
        String home = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Path.of(home);
    }

    /** The AOT cache option: {@code -XX:AOTCache=} (use) or {@code -XX:AOTCacheOutput=} (train). */
    private static String archiveOption(List<String> args) {
        return args.stream()
                .filter(a -> a.startsWith("-XX:AOTCache=") || a.startsWith("-XX:AOTCacheOutput="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no AOT cache option in " + args));
    }

    /** The file the option names: the cache, or the file a training run writes. */
    private static Path cachePath(List<String> args) {
        String option = archiveOption(args);
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    /** The cache's place (a training run's file is moved there). */
    private static Path archivePath(List<String> args) {
        return Path.of(cachePath(args).toString().replaceFirst("\\.[0-9]+\\.tmp$", ""));
    }

    private List<String> run(String... arguments) throws IOException, InterruptedException {
        return run(Map.of(), 0, arguments);
    }

    private List<String> run(Map<String, String> environment, int exitStatus, String... arguments)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("vermerk").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        clearJavaOptions(builder);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(exitStatus);
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    private static void clearJavaOptions(ProcessBuilder builder) {
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            builder.environment().remove(variable);
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
