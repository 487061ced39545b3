package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;

/**
 * The DER form of an ECDSA signature, {@code SEQUENCE { r INTEGER, s INTEGER }} (RFC 9420 §5.1.2
 * via RFC 8446 §4.2.3 and RFC 3279 §2.2.3), read as strictly as BouncyCastle 1.87's {@code
 * StandardDSAEncoding.decode}: that method accepts exactly the canonical DER encodings of pairs
 * with 0 ≤ r, s < n (it parses, range-checks both values, re-encodes and compares the bytes). For
 * values below n < 2^256 the canonical form always has short-form lengths, so this reads exactly
 * that form and nothing else. Public values only.
 */
final class EcdsaDer {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    /** A value below 2^256 takes at most 32 bytes, plus a leading zero when its top bit is set. */
    private static final int MAX_INTEGER_LENGTH = 33;

    private EcdsaDer() {}

    /** {r, s}, each in [0, n); null when {@code der} is not such a pair's canonical DER encoding. */
    static BigInteger[] decode(byte[] der, BigInteger n) {
        if (der.length < 2 || (der[0] & 0xFF) != SEQUENCE || (der[1] & 0x80) != 0 || der[1] != der.length - 2) {
            return null;
        }
        int[] pos = {2};
        BigInteger r = integer(der, pos, n);
        if (r == null) {
            return null;
        }
        BigInteger s = integer(der, pos, n);
        if (s == null || pos[0] != der.length) {
            return null;
        }
        return new BigInteger[] {r, s};
    }

    /** The minimal, non-negative INTEGER at {@code pos[0]}, below n; advances {@code pos[0]}. */
    private static BigInteger integer(byte[] der, int[] pos, BigInteger n) {
        int at = pos[0];
        if (der.length - at < 3 || (der[at] & 0xFF) != INTEGER) {
            return null;
        }
        int length = der[at + 1] & 0xFF;
        int start = at + 2;
        if (length == 0 || length > MAX_INTEGER_LENGTH || der.length - start < length) {
            return null;
        }
        if (der[start] < 0) { // negative (X.690 §8.3.2: two's complement)
            return null;
        }
        if (length > 1 && der[start] == 0 && der[start + 1] >= 0) { // a needless leading zero (X.690 §8.3.2)
            return null;
        }
        BigInteger v = new BigInteger(1, java.util.Arrays.copyOfRange(der, start, start + length));
        if (v.compareTo(n) >= 0) {
            return null;
        }
        pos[0] = start + length;
        return v;
    }
}
