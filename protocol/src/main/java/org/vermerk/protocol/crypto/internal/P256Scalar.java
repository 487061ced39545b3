package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;

/** Width-w non-adjacent forms of scalars below 2^256 for {@link P256Verifier}. Public values only. */
final class P256Scalar {
    /** Digits 0 .. 256: a scalar below 2^256 may need a digit at 2^256 after a negative one below. */
    static final int DIGITS = 257;

    private P256Scalar() {}

    /**
     * The width-{@code w} NAF (2 ≤ w ≤ 8) of {@code k} in [0, 2^256): {@code naf[i]} is 0 or odd
     * with |naf[i]| < 2^(w-1), at least w-1 zeros follow each non-zero digit, and Σ naf[i]·2^i = k.
     */
    static byte[] nonAdjacentForm(BigInteger k, int w) {
        long[] bits = new long[5];
        for (int i = 0; i < 4; i++) {
            bits[i] = k.shiftRight(64 * i).longValue();
        }
        byte[] naf = new byte[DIGITS];
        int full = 1 << w;
        int half = full >>> 1;
        int carry = 0;
        int i = 0;
        while (i < DIGITS) {
            if (bit(bits, i) == carry) { // even once the carry is added: digit 0, the carry moves on
                i++;
                continue;
            }
            int window = window(bits, i, w) + carry; // odd, in [1, 2^w]
            if (window > half) {
                naf[i] = (byte) (window - full); // negative; the 2^w it leaves is carried up
                carry = 1;
            } else {
                naf[i] = (byte) window;
                carry = 0;
            }
            i += w;
        }
        return naf;
    }

    private static int bit(long[] bits, int i) {
        return (int) (bits[i >>> 6] >>> (i & 63)) & 1;
    }

    /** Bits i .. i+w-1 as a number (bits from 256 on are zero). */
    private static int window(long[] bits, int i, int w) {
        int word = i >>> 6;
        int shift = i & 63;
        long v = bits[word] >>> shift;
        if (shift + w > 64 && word + 1 < bits.length) {
            v |= bits[word + 1] << (64 - shift);
        }
        return (int) (v & ((1L << w) - 1));
    }
}
