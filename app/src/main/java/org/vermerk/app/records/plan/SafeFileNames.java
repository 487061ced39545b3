package org.vermerk.app.records.plan;

import java.text.Normalizer;

/**
 * Turns an attachment's name, chosen by whoever sent it, into a name that is safe as a ZIP entry
 * and a file on Windows and Linux and in any DMS import: no directories, no control or reserved
 * characters, no leading dots, ASCII only (German letters transliterated: ä → ae, ß → ss; other
 * letters lose their accents; anything else becomes {@code _}), at most {@value #MAX_LENGTH}
 * characters, the extension kept. The original name stays in the xdomea message
 * (DateinameOriginal), in messages.json and in the transcript.
 */
public final class SafeFileNames {
    public static final int MAX_LENGTH = 100;

    private SafeFileNames() {}

    public static String sanitize(String untrusted) {
        String name = Normalizer.normalize(untrusted, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> safe.append(ascii(cp)));
        String result = safe.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        while (result.endsWith(".") || result.endsWith(" ")) {
            result = result.substring(0, result.length() - 1);
        }
        if (result.isEmpty()) {
            result = "Anhang";
        }
        if (result.length() > MAX_LENGTH) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
            result = result.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return result;
    }

    private static String ascii(int cp) {
        switch (cp) {
            case 'ä':
                return "ae";
            case 'ö':
                return "oe";
            case 'ü':
                return "ue";
            case 'Ä':
                return "Ae";
            case 'Ö':
                return "Oe";
            case 'Ü':
                return "Ue";
            case 'ß':
                return "ss";
            default:
                break;
        }
        if (cp < 0x80) {
            return isSafe(cp) ? String.valueOf((char) cp) : "_";
        }
        if (Character.isLetter(cp)) {
            String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            if (base.length() == 1 && base.charAt(0) < 0x80 && Character.isLetter(base.charAt(0))) {
                return base;
            }
        }
        return "_";
    }

    private static boolean isSafe(int cp) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return false;
        }
        return switch (cp) {
            case '<', '>', ':', '"', '/', '\\', '|', '?', '*' -> false;
            default -> Character.isLetterOrDigit(cp) || " .,_-()+&'#@=~!$%".indexOf(cp) >= 0;
        };
    }
}
