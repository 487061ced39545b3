package org.vermerk.ui.chat;

import java.util.Locale;

/** A size as people read it: "512 B", "70 KB", "3,4 MB" (1 KB = 1,024 bytes, one decimal from MB up). */
final class FileSizes {
    private FileSizes() {}

    static String of(long bytes) {
        return of(bytes, Locale.GERMANY);
    }

    static String of(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
