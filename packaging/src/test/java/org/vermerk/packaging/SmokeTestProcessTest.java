package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vermerk --smoke-test} as IT runs it, in a child JVM: headless (Monocle) it opens and
 * renders the first window, keeps a screenshot and exits 0; an invalid policy and a missing display
 * each stop it non-zero with the reason. The installed package's run under Xvfb is in
 * {@code LinuxPackagesInstallTest}.
 */
class SmokeTestProcessTest {
    private static final List<String> HEADLESS = List.of(
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true");

    @TempDir
    Path work;

    private record Result(int exitCode, String out, String err) {}

    private Result vermerk(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.io.tmpdir=" + work, "-cp", classPath, VermerkCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("vermerk --smoke-test did not end within 3 minutes");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void opensAndRendersTheFirstWindowKeepsAScreenshotAndExitsZero() throws Exception {
        Path policy = work.resolve("policy.json");
        Files.writeString(policy, """
                {"serverUrl": "https://vermerk.bmi.example:8443", "passphraseMinLength": 16, "locked": ["serverUrl"]}
                """);
        Path png = work.resolve("first-window.png");

        Result result = vermerk(
                HEADLESS,
                Map.of(),
                "--policy",
                policy.toString(),
                "--smoke-test",
                "--smoke-test-screenshot",
                png.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("admin policy " + policy + " loaded")
                .contains("Vermerk")
                .contains("smoke test: passed");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);
        assertThat(image.getHeight()).isGreaterThan(300);
        assertThat(distinctColours(image))
                .as("a rendered window, not a blank image")
                .isGreaterThan(10);
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("the throw-away home is removed")
                    .noneMatch(name -> name.startsWith("vermerk-smoke-test"));
        }
    }

    @Test
    void anInvalidPolicyStopsItWithTheKeyAndTheProblem() throws Exception {
        Path policy = work.resolve("policy.json");
        Files.writeString(policy, "{\"idleLockMinutes\": 5000}");

        Result result = vermerk(HEADLESS, Map.of(), "--policy", policy.toString(), "--smoke-test");

        assertThat(result.exitCode()).isEqualTo(SmokeTestRun.INVALID_POLICY);
        assertThat(result.err()).contains("smoke test failed").contains("idleLockMinutes");
        assertThat(result.out()).doesNotContain("passed");
    }

    @Test
    @EnabledOnOs(OS.LINUX) // a display is an X11/Wayland notion; Windows and macOS always have their desktop
    void withoutADisplayItFailsWithTheReason() throws Exception {
        // The desktop platform (GTK on Linux) and no DISPLAY: what a broken rollout looks like.
        Result result = vermerk(List.of("-Dprism.order=sw"), Map.of(), "--smoke-test");

        assertThat(result.exitCode()).isEqualTo(SmokeTestRun.WINDOW_FAILED);
        assertThat(result.err()).contains("smoke test failed").containsIgnoringCase("display");
    }

    @Test
    void aScreenshotWithoutTheSmokeTestIsAUsageError() throws Exception {
        Result result = vermerk(
                HEADLESS,
                Map.of(),
                "--smoke-test-screenshot",
                work.resolve("x.png").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--smoke-test-screenshot needs --smoke-test");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
