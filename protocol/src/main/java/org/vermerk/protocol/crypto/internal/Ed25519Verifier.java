package org.vermerk.protocol.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ed25519 signature verification (RFC 8032 §5.1.7, pure Ed25519 without context) that accepts
 * exactly what BouncyCastle 1.87's {@code Ed25519PublicKeyParameters.verify} accepts, in less
 * time (docs/benchmarks.md, ADR 0025). Signing stays in BouncyCastle: this class handles public
 * data only and runs in variable time.
 *
 * <p>BouncyCastle's rules, which this class repeats:
 *
 * <ul>
 *   <li>public key A: 32 bytes, y below p (canonical), a point of the curve, and not one of the 8
 *       points of small order (BouncyCastle's "partial" validation; points of mixed order are
 *       accepted);
 *   <li>R: y below p, a point of the curve, and not x = 0 with the sign bit set (RFC 8032
 *       §5.1.3 step 4); small-order R is accepted;
 *   <li>S: the whole 32-byte little-endian number below L;
 *   <li>the cofactored equation [8][S]B = [8]R + [8][k]A with k = SHA-512(R || A || M) mod L
 *       (RFC 8032 §5.1.7 step 3).
 * </ul>
 *
 * <p>How: [S]B - [k]A - R is computed as one Straus (joint) sum over 63 doublings. Each 253-bit
 * scalar's width-w NAF is cut into four slices of 64 digits, slice s going to a table of odd
 * multiples of 2^(64·s) times the point: fixed tables for B (w = 8, affine) built once, and per-key
 * tables for -A (w = 5) built when the key is parsed, which {@link PublicKeyCache} keeps. Then
 * three doublings (the cofactor 8) and the check for the neutral element. BouncyCastle needs 128
 * doublings (after a lattice reduction of k) and builds tables for A and R on every call.
 */
final class Ed25519Verifier {
    static final int KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;
    private static final int WIDTH_A = 5;
    private static final int WIDTH_B = 8;
    /** Each scalar is cut into this many slices of {@link #SLICE} bits, one table per slice. */
    private static final int SLICES = 4;

    private static final int SLICE = 256 / SLICES;

    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(Ed25519Verifier::newSha512);

    private Ed25519Verifier() {}

    /**
     * A public key that passed BouncyCastle's checks, with tables of odd multiples of -A,
     * -2^64·A, -2^128·A and -2^192·A. Immutable.
     */
    static final class PublicKey {
        private final byte[] encoded;
        private final Ed25519Point.Cached[][] minusA;

        private PublicKey(byte[] encoded, Ed25519Point.Cached[][] minusA) {
            this.encoded = encoded;
            this.minusA = minusA;
        }
    }

    /** The fixed tables of odd multiples of B, 2^64·B, 2^128·B and 2^192·B (affine), built on first use. */
    private static final class Base {
        static final Ed25519Point.Cached[][] B;

        static {
            // RFC 8032 §5.1: B = (x, 4/5) with x positive.
            byte[] encoded =
                    HexFormat.of().parseHex("5866666666666666666666666666666666666666666666666666666666666666");
            B = sliceTables(decode(encoded, 0), WIDTH_B, true);
        }
    }

    /** The key with its tables; null when BouncyCastle would refuse it (see the class comment). */
    static PublicKey parse(byte[] encoded) {
        if (encoded.length != KEY_BYTES) {
            return null;
        }
        Ed25519Point a = decode(encoded, 0);
        if (a == null || timesTwoPower(a, 3).isNeutral()) { // small order: [8]A = 0
            return null;
        }
        Field25519.negate(a.x, a.x);
        Field25519.negate(a.t, a.t);
        return new PublicKey(encoded.clone(), sliceTables(a, WIDTH_A, false));
    }

    /** For s = 0 .. SLICES-1, the odd multiples of 2^(SLICE·s)·P. */
    private static Ed25519Point.Cached[][] sliceTables(Ed25519Point p, int w, boolean affine) {
        Ed25519Point.Cached[][] tables = new Ed25519Point.Cached[SLICES][];
        Ed25519Point slice = p;
        for (int s = 0; s < SLICES; s++) {
            if (s > 0) {
                slice = timesTwoPower(slice, SLICE);
            }
            tables[s] = oddMultiples(slice, w, affine);
        }
        return tables;
    }

    /** RFC 8032 §5.1.7 with BouncyCastle's acceptance rules (class comment). */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES || !Ed25519Scalar.isBelowL(signature, 32)) {
            return false;
        }
        Ed25519Point r = decode(signature, 0);
        if (r == null) {
            return false;
        }
        MessageDigest sha512 = SHA512.get();
        sha512.update(signature, 0, 32);
        sha512.update(key.encoded);
        sha512.update(message);
        byte[] k = Ed25519Scalar.reduce(sha512.digest());
        byte[] s = new byte[32];
        System.arraycopy(signature, 32, s, 0, 32);

        byte[] nafS = Ed25519Scalar.nonAdjacentForm(s, WIDTH_B);
        byte[] nafK = Ed25519Scalar.nonAdjacentForm(k, WIDTH_A);
        Ed25519Point acc = Ed25519Point.neutral();
        Ed25519Point.Completed c = new Ed25519Point.Completed();
        Ed25519Point.Scratch scratch = new Ed25519Point.Scratch();
        // Σ naf[i]·2^i·P = Σ_s Σ_j naf[SLICE·s + j]·2^j·(2^(SLICE·s)·P): SLICE - 1 doublings in all.
        int top = SLICE - 1;
        while (top >= 0 && !anyDigit(nafS, nafK, top)) {
            top--;
        }
        for (int j = top; j >= 0; j--) {
            boolean pending = false;
            if (j != top) {
                acc.dbl(c, scratch);
                pending = true;
            }
            for (int slice = 0; slice < SLICES; slice++) {
                int i = slice * SLICE + j;
                pending = addDigit(acc, c, pending, Base.B[slice], nafS[i], scratch);
                pending = addDigit(acc, c, pending, key.minusA[slice], nafK[i], scratch);
            }
            if (pending && j == 0) {
                acc.setExtended(c); // T is needed for subtracting R
            } else if (pending) {
                acc.setProjective(c); // a doubling is next, which needs no T
            }
        }
        // acc = [S]B - [k]A; subtract R, then multiply by the cofactor 8.
        Ed25519Point.Cached cachedR = new Ed25519Point.Cached(false);
        r.cache(cachedR);
        acc.plus(cachedR, true, c, scratch);
        acc.setProjective(c);
        for (int i = 0; i < 3; i++) {
            acc.dbl(c, scratch);
            acc.setProjective(c);
        }
        return acc.isNeutral();
    }

    private static boolean anyDigit(byte[] nafS, byte[] nafK, int j) {
        for (int slice = 0; slice < SLICES; slice++) {
            if ((nafS[slice * SLICE + j] | nafK[slice * SLICE + j]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** acc += digit · table's point (table holds P, 3P, 5P, ...); returns whether acc is left completed in c. */
    private static boolean addDigit(
            Ed25519Point acc,
            Ed25519Point.Completed c,
            boolean pending,
            Ed25519Point.Cached[] table,
            int digit,
            Ed25519Point.Scratch scratch) {
        if (digit == 0) {
            return pending;
        }
        if (pending) {
            acc.setExtended(c);
        }
        if (digit > 0) {
            acc.plus(table[digit >>> 1], false, c, scratch);
        } else {
            acc.plus(table[(-digit) >>> 1], true, c, scratch);
        }
        return true;
    }

    /**
     * The point encoded at {@code in[off..off+32)} (RFC 8032 §5.1.3), or null when y is not below
     * p, no x exists, or x = 0 with the sign bit set.
     */
    static Ed25519Point decode(byte[] in, int off) {
        if (!isCanonicalY(in, off)) {
            return null;
        }
        int sign = (in[off + 31] >>> 7) & 1;
        long[] y = Field25519.create();
        Field25519.decode(in, off, y);
        long[] u = Field25519.create();
        long[] v = Field25519.create();
        Field25519.square(y, u);
        Field25519.mul(u, Ed25519Point.D, v);
        Field25519.sub(u, Field25519.of(1), u); // u = y² - 1
        Field25519.add(v, Field25519.of(1), v); // v = d·y² + 1
        // x = u·v³·(u·v⁷)^((p-5)/8) (step 2)
        long[] v3 = Field25519.create();
        Field25519.square(v, v3);
        Field25519.mul(v3, v, v3);
        long[] x = Field25519.create();
        Field25519.square(v3, x);
        Field25519.mul(x, v, x);
        Field25519.mul(x, u, x); // u·v⁷
        Field25519.pow22523(x, x);
        Field25519.mul(x, v3, x);
        Field25519.mul(x, u, x);
        // step 3: v·x² = u, or = -u (then x·sqrt(-1)), else no square root
        long[] vx2 = Field25519.create();
        Field25519.square(x, vx2);
        Field25519.mul(vx2, v, vx2);
        if (!Field25519.equal(vx2, u)) {
            Field25519.add(vx2, u, vx2);
            if (!Field25519.isZero(vx2)) {
                return null;
            }
            Field25519.mul(x, Ed25519Point.SQRT_M1, x);
        }
        // step 4
        boolean xIsZero = Field25519.isZero(x);
        if (xIsZero && sign == 1) {
            return null;
        }
        if (Field25519.isNegative(x) != sign) {
            Field25519.negate(x, x);
        }
        return Ed25519Point.affine(x, y);
    }

    /** Whether the low 255 bits are below p = 2^255 - 19, i.e. not in [2^255 - 19, 2^255). */
    private static boolean isCanonicalY(byte[] in, int off) {
        if ((in[off + 31] & 0x7F) != 0x7F) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if (in[off + i] != (byte) 0xFF) {
                return true;
            }
        }
        return (in[off] & 0xFF) < 0xED;
    }

    /** [2^n]P as a new point (with T). */
    private static Ed25519Point timesTwoPower(Ed25519Point p, int n) {
        Ed25519Point r = new Ed25519Point();
        r.set(p);
        Ed25519Point.Completed c = new Ed25519Point.Completed();
        Ed25519Point.Scratch s = new Ed25519Point.Scratch();
        for (int i = 0; i < n; i++) {
            r.dbl(c, s);
            if (i == n - 1) {
                r.setExtended(c);
            } else {
                r.setProjective(c);
            }
        }
        return r;
    }

    /** P, 3P, 5P, ..., (2^(w-1) - 1)P, cached for additions. */
    private static Ed25519Point.Cached[] oddMultiples(Ed25519Point p, int w, boolean affine) {
        int count = 1 << (w - 2);
        Ed25519Point.Cached[] table = new Ed25519Point.Cached[count];
        Ed25519Point.Completed c = new Ed25519Point.Completed();
        Ed25519Point.Scratch s = new Ed25519Point.Scratch();
        Ed25519Point twice = timesTwoPower(p, 1);
        Ed25519Point.Cached twiceCached = new Ed25519Point.Cached(false);
        twice.cache(twiceCached);
        Ed25519Point current = new Ed25519Point();
        current.set(p);
        for (int i = 0; i < count; i++) {
            table[i] = new Ed25519Point.Cached(affine);
            current.cache(table[i]);
            if (i + 1 < count) {
                current.plus(twiceCached, false, c, s);
                current.setExtended(c);
            }
        }
        return table;
    }

    private static MessageDigest newSha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }
}
