package org.vermerk.ui.firststart;

/**
 * A rough estimate of how hard a passphrase is to guess, for the meter beside the field: the
 * characters' pool size to the power of the length, discounted for repetition and runs ("aaaa",
 * "1234", "abcd"). It advises; only the policy's {@code passphraseMinLength} is enforced.
 */
public final class PassphraseStrength {
    /** The meter's levels; the key names the text shown beside it. */
    public enum Level {
        EMPTY("strength.empty"),
        TOO_SHORT("strength.tooShort"),
        WEAK("strength.weak"),
        FAIR("strength.fair"),
        STRONG("strength.strong"),
        VERY_STRONG("strength.veryStrong");

        private final String key;

        Level(String key) {
            this.key = key;
        }

        public String messageKey() {
            return key;
        }

        /** The style class of the meter at this level. */
        public String styleClass() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A rating: the level and the meter's fill from 0 to 1. */
    public record Rating(Level level, double bits, double fill) {}

    private static final double FULL_BITS = 100;

    private PassphraseStrength() {}

    public static Rating rate(CharSequence passphrase, int minLength) {
        int length = passphrase.length();
        if (length == 0) {
            return new Rating(Level.EMPTY, 0, 0);
        }
        double bits = effectiveLength(passphrase) * log2(poolSize(passphrase));
        double fill = Math.min(1.0, bits / FULL_BITS);
        if (length < minLength) {
            return new Rating(Level.TOO_SHORT, bits, Math.min(fill, 0.25));
        }
        Level level = bits < 50 ? Level.WEAK : bits < 70 ? Level.FAIR : bits < 90 ? Level.STRONG : Level.VERY_STRONG;
        return new Rating(level, bits, fill);
    }

    private static int poolSize(CharSequence s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c < 128) {
                symbol = true;
            } else {
                other = true;
            }
        }
        return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 60 : 0);
    }

    /** The length, counting a character that repeats or continues a run of its neighbours as a quarter. */
    private static double effectiveLength(CharSequence s) {
        double length = 1;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            length += (step == 0 || step == 1 || step == -1) ? 0.25 : 1;
        }
        return length;
    }

    private static double log2(int n) {
        return Math.log(Math.max(n, 2)) / Math.log(2);
    }
}
