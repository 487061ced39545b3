package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's JVM options (./vermerk, ADR 0027 and 0030): the desktop client and the demo
 * get the client's options from packaging/client-jvm-options and an AOT cache in the user's cache
 * directory (a training run writes it while there is none, later starts use it); every other
 * command gets neither; a cache that does not fit is replaced and an unwritable cache directory only
 * leaves the cache out. The script runs in a copy of the checkout whose JDK is a
 * stand-in {@code java} that prints its arguments, one per line.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path root;
    private Path cache;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        root = dir.resolve("checkout");
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(root.resolve(".mvn"));
        Files.createDirectories(root.resolve("packaging/target/runtime/lib"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(CHECKOUT.resolve("vermerk"), root.resolve("vermerk"));
        Files.copy(CHECKOUT.resolve("packaging/client-jvm-options"), root.resolve("packaging/client-jvm-options"));
        Files.writeString(root.resolve("packaging/target/runtime/lib/vermerk-packaging-1.jar"), "jar");
        executable(root.resolve(".mvn/find-jdk"), "#!/bin/sh\necho " + jdk + "\n");
        executable(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.writeString(root.resolve("packaging/target/runtime/.built"), "");
        cache = dir.resolve("cache");
    }

    @Test
    void theClientGetsItsOptionsAndAnArchiveInTheUsersCache() throws Exception {
        List<String> args = run("client", "--home", "/tmp/x");

        assertThat(args).contains("-XX:+UseSerialGC", "-Xmx160m", "-Xlog:aot=off,cds=off");
        assertThat(archiveOption(args)).startsWith("-XX:AOTCacheOutput=" + cache.resolve("vermerk/client-"));
        assertThat(archiveOption(args)).endsWith(".aot");
        assertThat(args.subList(args.indexOf("org.vermerk.packaging.VermerkCommand"), args.size()))
                .containsExactly("org.vermerk.packaging.VermerkCommand", "client", "--home", "/tmp/x");
    }

    @Test
    void theDemoAndTheSmokeTestRunAsTheClientDoes() throws Exception {
        assertThat(run("demo")).contains("-XX:+UseSerialGC");
        assertThat(archiveOption(run("demo"))).startsWith("-XX:AOTCacheOutput=");
        List<String> smokeTest = run("--policy", "p.json", "--smoke-test");
        assertThat(smokeTest).contains("-XX:+UseSerialGC");
        // it uses a cache that is there but trains none: one window's classes would stay until the next build
        assertThat(smokeTest.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")))
                .isTrue();
        Path cacheFile = cachePath(run("client"));
        Files.write(cacheFile, new byte[] {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0});
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
        Path current = cachePath(run("client"));
        // what the JVM writes: an AOT cache starts with HotSpot's static archive magic, 0xf00baba2
        Files.write(current, new byte[] {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0, 1, 2, 3});

        List<String> args = run("client");

        assertThat(args).contains("-XX:AOTCache=" + current);
        assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:AOTCacheOutput")))
                .isTrue();
        assertThat(current).exists();
    }

    @Test
    void aCacheOfAnotherBuildAndAnOldArchiveAreRemovedAndAFileThatIsNoCacheIsReplaced() throws Exception {
        Path current = cachePath(run("client"));
        String name = current.getFileName().toString();
        Path older = current.resolveSibling(name.replaceAll("-[0-9]+\\.aot$", "-1.aot"));
        Path olderTraining = current.resolveSibling(name.replaceAll("-[0-9]+\\.aot$", "-1.aot.config"));
        Path dynamicArchive = current.resolveSibling(name.replaceAll("\\.aot$", ".jsa")); // before ADR 0030
        Files.writeString(older, "a cache of an older build");
        Files.writeString(olderTraining, "an interrupted training run of an older build");
        Files.writeString(dynamicArchive, "a dynamic archive");
        Files.writeString(current, "not a cache: the JVM would neither use nor rewrite it");

        assertThat(archiveOption(run("client"))).isEqualTo("-XX:AOTCacheOutput=" + current);
        assertThat(older).doesNotExist();
        assertThat(olderTraining).doesNotExist();
        assertThat(dynamicArchive).doesNotExist();
        assertThat(current).doesNotExist(); // the training run writes a fresh one when the client ends
    }

    @Test
    void aRebuiltRuntimeGetsAnArchiveOfItsOwn() throws Exception {
        String before = archiveOption(run("client"));
        Path jar = root.resolve("packaging/target/runtime/lib/vermerk-packaging-1.jar");
        Files.writeString(jar, "a rebuilt jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));

        assertThat(archiveOption(run("client"))).isNotEqualTo(before);
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
        Path current = cachePath(run("client"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(current.getParent())))
                .isEqualTo("rwx------");
        Path elsewhere = dir.resolve("elsewhere.aot");
        Path elsewhereConfig = dir.resolve("elsewhere.aot.config");
        Files.createSymbolicLink(current, elsewhere);
        // the training run writes its configuration beside the cache before assembling it
        Path config = current.resolveSibling(current.getFileName() + ".config");
        Files.createSymbolicLink(config, elsewhereConfig);

        run("client");

        assertThat(Files.isSymbolicLink(current)).isFalse();
        assertThat(Files.isSymbolicLink(config)).isFalse();
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

    /** The AOT cache option: {@code -XX:AOTCache=} (use) or {@code -XX:AOTCacheOutput=} (train). */
    private static String archiveOption(List<String> args) {
        return args.stream()
                .filter(a -> a.startsWith("-XX:AOTCache=") || a.startsWith("-XX:AOTCacheOutput="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no AOT cache option in " + args));
    }

    private static Path cachePath(List<String> args) {
        String option = archiveOption(args);
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    private List<String> run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", root.resolve("vermerk").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
