package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK discovery that ./mvnw and ./vermerk share (.mvn/find-jdk, ADR 0001): it finds a JDK 25
 * without JAVA_HOME, prefers the newest, ignores older ones, and says in one line when none exists.
 */
@DisabledOnOs(OS.WINDOWS)
class FindJdkScriptTest {
    private static final Path SCRIPT =
            Path.of("..", ".mvn", "find-jdk").toAbsolutePath().normalize();

    @TempDir
    Path roots;

    private record Result(int exitCode, String out, String err) {}

    private Result run(String javaHome) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
        builder.environment().put("VERMERK_JDK_ROOTS", roots.toString());
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("PATH", toolsWithoutJava().toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = Files.createTempFile(roots, "out", ".txt");
        Path err = Files.createTempFile(roots, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out).strip(),
                Files.readString(err).strip());
    }

    /** A PATH with the few tools the script uses and no java, so the machine's own JDKs stay out. */
    private Path toolsWithoutJava() throws IOException {
        Path tools = roots.resolve("tools"); // not a JDK: no bin/java, so the search skips it
        Files.createDirectories(tools);
        for (String tool : List.of("grep", "sed", "dirname", "readlink")) {
            Path link = tools.resolve(tool);
            if (Files.notExists(link)) {
                Files.createSymbolicLink(link, which(tool));
            }
        }
        return tools;
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " not found on PATH");
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = roots.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path file = home.resolve("bin").resolve(tool);
            Files.writeString(file, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n", StandardCharsets.UTF_8);
        return home;
    }

    @Test
    void findsAJdk25BesideAnOlderDefaultWithoutJavaHome() throws Exception {
        fakeJdk("jdk-17", "17.0.15");
        Path jdk25 = fakeJdk("temurin-25", "25.0.3");

        Result result = run("");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(jdk25.toString());
    }

    @Test
    void prefersTheNewestOfSeveralSuitableJdks() throws Exception {
        fakeJdk("temurin-25", "25.0.3");
        Path jdk26 = fakeJdk("jdk-26", "26");

        assertThat(run("").out()).isEqualTo(jdk26.toString());
    }

    @Test
    void takesJavaHomeWhenItIsSuitable() throws Exception {
        fakeJdk("jdk-26", "26");
        Path chosen = fakeJdk("temurin-25", "25.0.1");

        assertThat(run(chosen.toString()).out()).isEqualTo(chosen.toString());
    }

    @Test
    void ignoresAnOlderJavaHome() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.15");
        Path jdk25 = fakeJdk("temurin-25", "25");

        assertThat(run(old.toString()).out()).isEqualTo(jdk25.toString());
    }

    @Test
    void withoutAnyJdk25ItStopsWithOneClearLine() throws Exception {
        fakeJdk("jdk-17", "17.0.15");

        Result result = run("");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).contains("needs a JDK 25").contains("JAVA_HOME");
    }
}
