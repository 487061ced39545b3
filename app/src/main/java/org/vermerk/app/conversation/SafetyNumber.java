package org.vermerk.app.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;

/**
 * The safety number two users compare out of band: 60 digits in twelve groups of five, the same on
 * both sides.
 *
 * <p>Each user contributes 30 digits: {@code SHA-256("vermerk safety number v1" || 0x00 || userId
 * || 0x00 || key_1 || … || key_n)} over the user's device signature keys in ascending byte order,
 * each key preceded by its length as two bytes; the first 30 bytes of the hash, in six chunks of
 * five, each read as an unsigned big-endian number modulo 100000. The two halves are ordered by
 * user ID, so the number does not depend on who looks. A new or changed device changes it.
 */
public final class SafetyNumber {
    private static final byte[] LABEL = "vermerk safety number v1".getBytes(StandardCharsets.US_ASCII);

    private SafetyNumber() {}

    /** The 60 digits, grouped by five with spaces. */
    public static String of(String userA, List<Bytes> keysA, String userB, List<Bytes> keysB) {
        Objects.requireNonNull(userA);
        Objects.requireNonNull(userB);
        String a = half(userA, keysA);
        String b = half(userB, keysB);
        String digits = userA.compareTo(userB) <= 0 ? a + b : b + a;
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 5) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(digits, i, i + 5);
        }
        return grouped.toString();
    }

    private static String half(String userId, List<Bytes> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a safety number needs at least one device key of " + userId);
        }
        List<Bytes> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
        sha.update(LABEL);
        sha.update((byte) 0);
        sha.update(userId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        for (Bytes key : sorted) {
            sha.update((byte) (key.size() >>> 8));
            sha.update((byte) key.size());
            sha.update(key.toByteArray());
        }
        byte[] hash = sha.digest();
        StringBuilder digits = new StringBuilder(30);
        for (int chunk = 0; chunk < 6; chunk++) {
            long value = 0;
            for (int i = 0; i < 5; i++) {
                value = (value << 8) | (hash[chunk * 5 + i] & 0xff);
            }
            digits.append(String.format("%05d", value % 100000));
        }
        return digits.toString();
    }
}
