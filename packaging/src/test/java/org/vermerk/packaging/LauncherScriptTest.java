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
 * The launcher script's JVM options (./vermerk, ADR 0027): the desktop client and the demo get the
 * client's options from packaging/client-jvm-options and a class-data archive in the user's cache;
 * every other command gets neither; an archive that does not fit is replaced and an unwritable
 * cache only leaves the archive out. The script runs in a copy of the checkout whose JDK is a
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

        assertThat(args).contains("-XX:+UseSerialGC", "-Xmx160m", "-XX:+AutoCreateSharedArchive");
        assertThat(archiveOption(args)).startsWith("-XX:SharedArchiveFile=" + cache.resolve("vermerk/client-"));
        assertThat(args.subList(args.indexOf("org.vermerk.packaging.VermerkCommand"), args.size()))
                .containsExactly("org.vermerk.packaging.VermerkCommand", "client", "--home", "/tmp/x");
    }

    @Test
    void theDemoAndTheSmokeTestRunAsTheClientDoes() throws Exception {
        assertThat(run("demo")).contains("-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive");
        assertThat(run("--policy", "p.json", "--smoke-test")).contains("-XX:+UseSerialGC");
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
            assertThat(args).as("%s", command).doesNotContain("-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive");
        }
    }

    @Test
    void anArchiveOfAnotherBuildIsRemovedAndAFileThatIsNoArchiveIsReplaced() throws Exception {
        String archive = archiveOption(run("client")).substring("-XX:SharedArchiveFile=".length());
        Path current = Path.of(archive);
        Path older = current.resolveSibling(current.getFileName().toString().replaceAll("-[0-9]+\\.jsa$", "-1.jsa"));
        Files.writeString(older, "an archive of an older build");
        Files.writeString(current, "not an archive: the JVM would neither use nor rewrite it");

        assertThat(archiveOption(run("client"))).isEqualTo("-XX:SharedArchiveFile=" + archive);
        assertThat(older).doesNotExist();
        assertThat(current).doesNotExist(); // the JVM writes a fresh one when the client ends
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

        assertThat(args).contains("-XX:+UseSerialGC").doesNotContain("-XX:+AutoCreateSharedArchive");
        assertThat(args.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")))
                .isTrue();
    }

    @Test
    void aCacheOthersCanWriteToIsNotUsedForTheArchive() throws Exception {
        Path vermerkCache = cache.resolve("vermerk");
        Files.createDirectories(vermerkCache);
        Files.setPosixFilePermissions(vermerkCache, PosixFilePermissions.fromString("rwxrwxrwx"));

        List<String> args = run("client");

        assertThat(args).contains("-XX:+UseSerialGC").doesNotContain("-XX:+AutoCreateSharedArchive");
    }

    @Test
    void aNewCacheIsTheUsersAloneAndALinkInTheArchivesPlaceIsRemoved() throws Exception {
        Path current = Path.of(archiveOption(run("client")).substring("-XX:SharedArchiveFile=".length()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(current.getParent())))
                .isEqualTo("rwx------");
        Path elsewhere = dir.resolve("elsewhere.jsa");
        Files.createSymbolicLink(current, elsewhere);

        run("client");

        assertThat(Files.isSymbolicLink(current)).isFalse();
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void theServerStartsWithNoClientOptionsUnderSetU() throws Exception {
        // An empty option list must not trip `set -u` (bash before 4.4 calls it unbound).
        List<String> args = run("server", "--data", "d");
        assertThat(args.getFirst()).isEqualTo("--enable-native-access=ALL-UNNAMED");
        assertThat(args.get(1)).startsWith("-Dvermerk.source=");
    }

    private static String archiveOption(List<String> args) {
        return args.stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no archive option in " + args));
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
