package org.vermerk.bench.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A virtual X display for the measured client: {@code Xvfb} on the first free display number (it
 * chooses and prints it, {@code -displayfd}), so JavaFX runs its real Glass and Prism pipelines
 * against an X server, as on a desktop (with Mesa's software OpenGL, or Prism's software pipeline
 * where there is no GLX).
 */
final class Xvfb implements AutoCloseable {
    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** @param screen width x height x depth, e.g. {@code 1920x1080x24} */
    static Xvfb start(String screen) throws IOException {
        Process process = new ProcessBuilder(
                        List.of("Xvfb", "-displayfd", "1", "-screen", "0", screen, "-nolisten", "tcp"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            process.destroy();
            throw new IOException("Xvfb did not start (is it installed? apt-get install xvfb)");
        }
        return new Xvfb(process, ":" + number.strip());
    }

    /** The value for {@code DISPLAY}. */
    String display() {
        return display;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
