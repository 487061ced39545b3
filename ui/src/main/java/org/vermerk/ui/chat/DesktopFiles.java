package org.vermerk.ui.chat;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a decrypted file to the desktop's program for its type. {@code java.awt.Desktop} where it
 * can open files (Windows, macOS, GNOME), else the platform's opener command ({@code xdg-open} on
 * Linux). JavaFX's {@code HostServices} needs an {@code Application} instance, which the client does
 * not have (it starts the toolkit with {@code Platform.startup} to own its life cycle, ADR 0007).
 * Runs on a thread of its own: some desktops block while they start the program.
 */
final class DesktopFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopFiles.class);

    private DesktopFiles() {}

    static void open(Path file) {
        Thread.ofVirtual().name("vermerk-open").start(() -> {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless()
                        && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(file.toFile());
                    return;
                }
                new ProcessBuilder(command(file)).inheritIO().start();
            } catch (IOException | RuntimeException e) {
                LOG.warn("event=open_failed error={}", e.getClass().getSimpleName());
            }
        });
    }

    private static List<String> command(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", file.toString());
        }
        if (os.contains("mac")) {
            return List.of("open", file.toString());
        }
        return List.of("xdg-open", file.toString());
    }
}
