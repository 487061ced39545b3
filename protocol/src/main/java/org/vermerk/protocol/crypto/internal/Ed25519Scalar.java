package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;

/**
 * Scalars modulo the group order L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032
 * §5.1) as {@link Ed25519Verifier} needs them: the range check of S, the reduction of the 64-byte
 * hash k, and width-w non-adjacent forms. Little-endian 32-byte encodings (RFC 8032 §5.1.2).
 * Variable time; public values only.
 */
final class Ed25519Scalar {
    static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** L as four little-endian 64-bit words, for the range check. */
    private static final long[] L_WORDS = words(L);

    private Ed25519Scalar() {}

    /**
     * Whether the 256-bit little-endian number at {@code in[off..off+32)} is below L (RFC 8032
     * §5.1.7 step 1: "If ... S ≥ L, the signature is invalid" — all 256 bits count).
     */
    static boolean isBelowL(byte[] in, int off) {
        for (int i = 3; i >= 0; i--) {
            long w = Field25519.le64(in, off + 8 * i);
            int c = Long.compareUnsigned(w, L_WORDS[i]);
            if (c != 0) {
                return c < 0;
            }
        }
        return false; // equal to L
    }

    /** The 64-byte little-endian {@code wide} modulo L, as 32 little-endian bytes. */
    static byte[] reduce(byte[] wide) {
        byte[] be = new byte[wide.length];
        for (int i = 0; i < wide.length; i++) {
            be[i] = wide[wide.length - 1 - i];
        }
        BigInteger k = new BigInteger(1, be).mod(L);
        byte[] out = new byte[32];
        byte[] kb = k.toByteArray(); // big-endian, possibly with a leading zero byte
        for (int i = 0; i < 32 && i < kb.length; i++) {
            out[i] = kb[kb.length - 1 - i];
        }
        return out;
    }

    /**
     * The width-{@code w} NAF of a scalar below 2^255: {@code naf[i]} is 0 or odd with |naf[i]| <
     * 2^(w-1), at least w-1 zeros follow each non-zero digit, and Σ naf[i]·2^i equals the scalar.
     */
    static byte[] nonAdjacentForm(byte[] scalar, int w) {
        long[] bits = new long[5];
        for (int i = 0; i < 4; i++) {
            bits[i] = Field25519.le64(scalar, 8 * i);
        }
        byte[] naf = new byte[256];
        int full = 1 << w;
        int half = full >>> 1;
        int carry = 0;
        int i = 0;
        while (i < 256) {
            if (bit(bits, i) == carry) { // this position is even once the carry is added: digit 0
                i++;
                continue;
            }
            int window = window(bits, i, w) + carry; // odd, in [1, 2^w]
            if (window > half) {
                naf[i] = (byte) (window - full); // negative digit; the 2^w it leaves is carried up
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

    /** Bits i .. i+w-1 (w ≤ 8, i < 256) as a number. */
    private static int window(long[] bits, int i, int w) {
        int word = i >>> 6;
        int shift = i & 63;
        long v = bits[word] >>> shift;
        if (shift + w > 64) {
            v |= bits[word + 1] << (64 - shift);
        }
        return (int) (v & ((1L << w) - 1));
    }

    private static long[] words(BigInteger v) {
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            w[i] = v.shiftRight(64 * i).longValue();
        }
        return w;
    }
}
