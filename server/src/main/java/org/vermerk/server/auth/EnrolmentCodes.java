package org.vermerk.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import org.vermerk.protocol.codec.Bytes;

/**
 * One-time enrolment codes: 20 characters of Crockford's base32 (100 random bits) in groups of
 * five, e.g. {@code 7KQ2M-XR4TD-9HB3N-WC6EP}. The server stores only a code's SHA-256; with 100
 * random bits a plain hash is enough. Input is normalised (case, dashes, spaces, and the look-alike
 * letters I, L, O) before hashing.
 */
public final class EnrolmentCodes {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 20;

    private final SecureRandom random;

    public EnrolmentCodes(SecureRandom random) {
        this.random = random;
    }

    public String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The hash under which a code (as typed by a user) is stored and looked up. */
    public static Bytes hash(String code) {
        String normalised = code.toUpperCase(Locale.ROOT)
                .replace("-", "")
                .replace(" ", "")
                .replace('I', '1')
                .replace('L', '1')
                .replace('O', '0');
        try {
            return Bytes.of(
                    MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
