package org.vermerk.ui.notifications;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the system: a tray icon's message ({@link TrayIcon#displayMessage}) where
 * the desktop has a system tray (Windows, macOS, Linux desktops with a tray); on Linux without one,
 * {@code notify-send} — but only with a fixed "Vermerk: new message", because a command line can
 * be read by every user of the machine ({@code /proc/<pid>/cmdline}), so neither names nor text go
 * on it. Not available when headless. Calls from any thread; the work runs on AWT's thread or in
 * a short process, never on the caller's.
 */
public final class SystemDesktopNotifier implements DesktopNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SystemDesktopNotifier.class);

    private enum Way {
        TRAY,
        NOTIFY_SEND,
        NONE
    }

    private final Way way;
    private final java.util.function.Supplier<String> fixedLinuxText;

    /** The tray icon once added; AWT thread only. */
    private TrayIcon icon;

    /** @param fixedLinuxText what {@code notify-send} shows (no names, no text), in the user's language */
    public SystemDesktopNotifier(java.util.function.Supplier<String> fixedLinuxText) {
        this.fixedLinuxText = fixedLinuxText;
        this.way = detect();
        LOG.info("event=notifications way={}", way);
    }

    private static Way detect() {
        if (GraphicsEnvironment.isHeadless()) {
            return Way.NONE;
        }
        try {
            if (SystemTray.isSupported()) {
                return Way.TRAY;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("event=tray_unavailable error={}", e.getClass().getSimpleName());
        }
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return linux && onPath("notify-send") ? Way.NOTIFY_SEND : Way.NONE;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean available() {
        return way != Way.NONE;
    }

    @Override
    public void show(String title, String body) {
        switch (way) {
            case TRAY -> EventQueue.invokeLater(() -> tray(title, body));
            case NOTIFY_SEND -> notifySend();
            case NONE -> {}
        }
    }

    private void tray(String title, String body) {
        try {
            if (icon == null) {
                icon = new TrayIcon(image(), "Vermerk");
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
            }
            icon.displayMessage(title, body, TrayIcon.MessageType.NONE);
        } catch (AWTException | RuntimeException e) {
            LOG.warn("event=notification_failed way=tray error={}", e.getClass().getSimpleName());
        }
    }

    private void notifySend() {
        try {
            new ProcessBuilder("notify-send", "--app-name=Vermerk", fixedLinuxText.get())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn(
                    "event=notification_failed way=notify-send error={}",
                    e.getClass().getSimpleName());
        }
    }

    /** The tray's icon: the app bar's blue with a white "V"-like mark, drawn (no file to ship). */
    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f, 0x4e, 0x79));
        g.fillRoundRect(0, 0, 32, 32, 8, 8);
        g.setColor(Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawLine(8, 8, 16, 24);
        g.drawLine(16, 24, 24, 8);
        g.dispose();
        return image;
    }

    @Override
    public void close() {
        if (way == Way.TRAY) {
            EventQueue.invokeLater(() -> {
                if (icon != null) {
                    SystemTray.getSystemTray().remove(icon);
                    icon = null;
                }
            });
        }
    }
}
