package org.vermerk.ui.notifications;

/** Shows a notification on the desktop, where the system offers a way to. */
public interface DesktopNotifier extends AutoCloseable {
    /** Whether notifications can be shown on this desktop at all (Settings says so when not). */
    boolean available();

    /**
     * Shows one notification; does nothing when not {@link #available()}. Never blocks the caller.
     *
     * @param body shown under the title; empty for none
     */
    void show(String title, String body);

    /** Removes what this notifier added to the desktop (the tray icon). Idempotent. */
    @Override
    void close();
}
