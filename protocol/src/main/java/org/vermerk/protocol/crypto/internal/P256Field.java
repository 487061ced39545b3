package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;

/**
 * Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1 (FIPS 186-5 / SEC 2
 * §2.4.2) for {@link P256Verifier}: an element is four {@code long} limbs, little-endian, in
 * Montgomery form (a·2^256 mod p), always fully reduced below p, so equal elements have equal limbs.
 * Products of limbs take their high halves from {@link Math#unsignedMultiplyHigh(long, long)}, which
 * the JIT compiles to the CPU's 64×64→128 multiply. Because p ≡ -1 mod 2^64, the Montgomery
 * factor -p^-1 mod 2^64 is 1: each reduction step adds q·p with q = t_i, and because the low
 * limbs of p are 2^64 - 1 and 2^32 - 1, q·(p0 + p1·2^64) = q·2^96 - q needs no multiplication.
 *
 * <p>The carries inside the product come from {@link Long#compareUnsigned} (the JIT emits a compare
 * and a set-on-carry), which measured 1.6 times faster than computing them with bit operations
 * (docs/benchmarks.md).
 *
 * <p><b>Variable time; public values only</b> (ADR 0026). Nothing here is written or tested to run
 * in constant time ({@link #invert} and the callers' point formulas branch on values); nothing here
 * may see a private key, a nonce or a shared secret.
 */
final class P256Field {
    static final int LIMBS = 4;
    static final BigInteger P = BigInteger.ONE
            .shiftLeft(256)
            .subtract(BigInteger.ONE.shiftLeft(224))
            .add(BigInteger.ONE.shiftLeft(192))
            .add(BigInteger.ONE.shiftLeft(96))
            .subtract(BigInteger.ONE);

    private static final long P0 = 0xFFFFFFFFFFFFFFFFL;
    private static final long P1 = 0x00000000FFFFFFFFL;
    private static final long P2 = 0L;
    private static final long P3 = 0xFFFFFFFF00000001L;
    /** 2^512 mod p: multiplying by it converts into Montgomery form. */
    private static final long[] R2 = words(BigInteger.ONE.shiftLeft(512).mod(P));
    /** The plain number 1: multiplying by it converts out of Montgomery form. */
    private static final long[] PLAIN_ONE = {1, 0, 0, 0};
    /** p - 2, the exponent of the inverse (Fermat). */
    private static final BigInteger P_MINUS_2 = P.subtract(BigInteger.TWO);

    private P256Field() {}

    static long[] create() {
        return new long[LIMBS];
    }

    static void copy(long[] a, long[] r) {
        System.arraycopy(a, 0, r, 0, LIMBS);
    }

    /** The element for the number {@code v} in [0, p). */
    static long[] of(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(P) >= 0) {
            throw new IllegalArgumentException("not a field element");
        }
        long[] r = words(v);
        mul(r, R2, r);
        return r;
    }

    /** The number the element stands for. */
    static BigInteger toBigInteger(long[] a) {
        long[] plain = create();
        mul(a, PLAIN_ONE, plain);
        BigInteger v = BigInteger.ZERO;
        for (int i = LIMBS - 1; i >= 0; i--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(plain[i])));
        }
        return v;
    }

    /**
     * The element for the 32-byte big-endian number at {@code in[off..off+32)}; false (and
     * {@code r} undefined) when the number is not below p.
     */
    static boolean decode(byte[] in, int off, long[] r) {
        for (int i = 0; i < LIMBS; i++) {
            r[i] = be64(in, off + 8 * (LIMBS - 1 - i));
        }
        if (!isBelowP(r[0], r[1], r[2], r[3])) {
            return false;
        }
        mul(r, R2, r);
        return true;
    }

    static boolean isZero(long[] a) {
        return (a[0] | a[1] | a[2] | a[3]) == 0;
    }

    static boolean equal(long[] a, long[] b) {
        return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0;
    }

    /** r = a + b mod p (r may be a or b). */
    static void add(long[] a, long[] b, long[] r) {
        long x0 = a[0], x1 = a[1], x2 = a[2], x3 = a[3];
        long y0 = b[0], y1 = b[1], y2 = b[2], y3 = b[3];
        long s0 = x0 + y0;
        long c = ((x0 & y0) | ((x0 | y0) & ~s0)) >>> 63;
        long s1 = x1 + y1 + c;
        c = ((x1 & y1) | ((x1 | y1) & ~s1)) >>> 63;
        long s2 = x2 + y2 + c;
        c = ((x2 & y2) | ((x2 | y2) & ~s2)) >>> 63;
        long s3 = x3 + y3 + c;
        c = ((x3 & y3) | ((x3 | y3) & ~s3)) >>> 63;
        subtractPIfNeeded(s0, s1, s2, s3, c, r);
    }

    /** r = a - b mod p (r may be a or b). */
    static void sub(long[] a, long[] b, long[] r) {
        long x0 = a[0], x1 = a[1], x2 = a[2], x3 = a[3];
        long y0 = b[0], y1 = b[1], y2 = b[2], y3 = b[3];
        long d0 = x0 - y0;
        long w = ((~x0 & y0) | (~(x0 ^ y0) & d0)) >>> 63;
        long d1 = x1 - y1 - w;
        w = ((~x1 & y1) | (~(x1 ^ y1) & d1)) >>> 63;
        long d2 = x2 - y2 - w;
        w = ((~x2 & y2) | (~(x2 ^ y2) & d2)) >>> 63;
        long d3 = x3 - y3 - w;
        w = ((~x3 & y3) | (~(x3 ^ y3) & d3)) >>> 63;
        // On a borrow the difference is a - b + 2^256: add p back (mask = all ones), wrapping past 2^256.
        long mask = -w;
        long q0 = P0 & mask, q1 = P1 & mask, q3 = P3 & mask;
        long s0 = d0 + q0;
        long c = ((d0 & q0) | ((d0 | q0) & ~s0)) >>> 63;
        long s1 = d1 + q1 + c;
        c = ((d1 & q1) | ((d1 | q1) & ~s1)) >>> 63;
        long s2 = d2 + c;
        c = ((d2 & c) | ((d2 | c) & ~s2)) >>> 63;
        long s3 = d3 + q3 + c;
        r[0] = s0;
        r[1] = s1;
        r[2] = s2;
        r[3] = s3;
    }

    /** r = -a mod p. */
    static void negate(long[] a, long[] r) {
        sub(new long[LIMBS], a, r);
    }

    /** r = a²·2^-256 mod p: {@link #mul} with each cross product computed once and doubled. */
    static void square(long[] a, long[] r) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long t0, t1, t2, t3, t4, t5, t6, t7, t8 = 0;
        long lo, hi, s, c;
        // the products a_i·a_j with i < j, once
        c = 0;
        lo = a0 * a1;
        hi = Math.unsignedMultiplyHigh(a0, a1);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t1 = s;
        c = hi;
        lo = a0 * a2;
        hi = Math.unsignedMultiplyHigh(a0, a2);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t2 = s;
        c = hi;
        lo = a0 * a3;
        hi = Math.unsignedMultiplyHigh(a0, a3);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        t4 = c;
        c = 0;
        lo = a1 * a2;
        hi = Math.unsignedMultiplyHigh(a1, a2);
        s = lo + t3;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        lo = a1 * a3;
        hi = Math.unsignedMultiplyHigh(a1, a3);
        s = lo + t4;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t4 = s;
        c = hi;
        t5 = c;
        c = 0;
        lo = a2 * a3;
        hi = Math.unsignedMultiplyHigh(a2, a3);
        s = lo + t5;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t5 = s;
        c = hi;
        t6 = c;
        // twice them
        t7 = t6 >>> 63;
        t6 = (t6 << 1) | (t5 >>> 63);
        t5 = (t5 << 1) | (t4 >>> 63);
        t4 = (t4 << 1) | (t3 >>> 63);
        t3 = (t3 << 1) | (t2 >>> 63);
        t2 = (t2 << 1) | (t1 >>> 63);
        t1 = t1 << 1;
        t0 = 0;
        // plus the squares a_i² at 2^(128·i)
        c = 0;
        lo = a0 * a0;
        hi = Math.unsignedMultiplyHigh(a0, a0);
        s = t0 + lo;
        long c0 = Long.compareUnsigned(s, t0) < 0 ? 1 : 0;
        t0 = s + c;
        c = c0 + (Long.compareUnsigned(t0, s) < 0 ? 1 : 0);
        s = t1 + hi;
        long c1 = Long.compareUnsigned(s, t1) < 0 ? 1 : 0;
        t1 = s + c;
        c = c1 + (Long.compareUnsigned(t1, s) < 0 ? 1 : 0);
        lo = a1 * a1;
        hi = Math.unsignedMultiplyHigh(a1, a1);
        s = t2 + lo;
        long c2 = Long.compareUnsigned(s, t2) < 0 ? 1 : 0;
        t2 = s + c;
        c = c2 + (Long.compareUnsigned(t2, s) < 0 ? 1 : 0);
        s = t3 + hi;
        long c3 = Long.compareUnsigned(s, t3) < 0 ? 1 : 0;
        t3 = s + c;
        c = c3 + (Long.compareUnsigned(t3, s) < 0 ? 1 : 0);
        lo = a2 * a2;
        hi = Math.unsignedMultiplyHigh(a2, a2);
        s = t4 + lo;
        long c4 = Long.compareUnsigned(s, t4) < 0 ? 1 : 0;
        t4 = s + c;
        c = c4 + (Long.compareUnsigned(t4, s) < 0 ? 1 : 0);
        s = t5 + hi;
        long c5 = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s + c;
        c = c5 + (Long.compareUnsigned(t5, s) < 0 ? 1 : 0);
        lo = a3 * a3;
        hi = Math.unsignedMultiplyHigh(a3, a3);
        s = t6 + lo;
        long c6 = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s + c;
        c = c6 + (Long.compareUnsigned(t6, s) < 0 ? 1 : 0);
        s = t7 + hi;
        long c7 = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s + c;
        c = c7 + (Long.compareUnsigned(t7, s) < 0 ? 1 : 0);
        // reduction 0: t += q·p·2^0 with q = t0 (clears t0); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t1 + (t0 << 32);
        c = (t0 >>> 32) + (Long.compareUnsigned(s, t1) < 0 ? 1 : 0);
        t1 = s;
        s = t2 + c;
        c = Long.compareUnsigned(s, t2) < 0 ? 1 : 0;
        t2 = s;
        lo = t0 * P3;
        hi = Math.unsignedMultiplyHigh(t0, P3);
        s = lo + t3;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        s = t4 + c;
        c = Long.compareUnsigned(s, t4) < 0 ? 1 : 0;
        t4 = s;
        s = t5 + c;
        c = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s;
        s = t6 + c;
        c = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        // reduction 1: t += q·p·2^64 with q = t1 (clears t1); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t2 + (t1 << 32);
        c = (t1 >>> 32) + (Long.compareUnsigned(s, t2) < 0 ? 1 : 0);
        t2 = s;
        s = t3 + c;
        c = Long.compareUnsigned(s, t3) < 0 ? 1 : 0;
        t3 = s;
        lo = t1 * P3;
        hi = Math.unsignedMultiplyHigh(t1, P3);
        s = lo + t4;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t4 = s;
        c = hi;
        s = t5 + c;
        c = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s;
        s = t6 + c;
        c = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        // reduction 2: t += q·p·2^128 with q = t2 (clears t2); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t3 + (t2 << 32);
        c = (t2 >>> 32) + (Long.compareUnsigned(s, t3) < 0 ? 1 : 0);
        t3 = s;
        s = t4 + c;
        c = Long.compareUnsigned(s, t4) < 0 ? 1 : 0;
        t4 = s;
        lo = t2 * P3;
        hi = Math.unsignedMultiplyHigh(t2, P3);
        s = lo + t5;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t5 = s;
        c = hi;
        s = t6 + c;
        c = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        // reduction 3: t += q·p·2^192 with q = t3 (clears t3); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t4 + (t3 << 32);
        c = (t3 >>> 32) + (Long.compareUnsigned(s, t4) < 0 ? 1 : 0);
        t4 = s;
        s = t5 + c;
        c = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s;
        lo = t3 * P3;
        hi = Math.unsignedMultiplyHigh(t3, P3);
        s = lo + t6;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t6 = s;
        c = hi;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        subtractPIfNeeded(t4, t5, t6, t7, t8, r);
    }

    /** r = a·b·2^-256 mod p, the Montgomery product (r may be a or b). */
    static void mul(long[] a, long[] b, long[] r) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long t0, t1, t2, t3, t4, t5, t6, t7, t8 = 0;
        long lo, hi, s, c;
        // row 0: t += a·b0·2^0
        c = 0;
        lo = a0 * b0;
        hi = Math.unsignedMultiplyHigh(a0, b0);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t0 = s;
        c = hi;
        lo = a1 * b0;
        hi = Math.unsignedMultiplyHigh(a1, b0);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t1 = s;
        c = hi;
        lo = a2 * b0;
        hi = Math.unsignedMultiplyHigh(a2, b0);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t2 = s;
        c = hi;
        lo = a3 * b0;
        hi = Math.unsignedMultiplyHigh(a3, b0);
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        t4 = c;
        // row 1: t += a·b1·2^64
        c = 0;
        lo = a0 * b1;
        hi = Math.unsignedMultiplyHigh(a0, b1);
        s = lo + t1;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t1 = s;
        c = hi;
        lo = a1 * b1;
        hi = Math.unsignedMultiplyHigh(a1, b1);
        s = lo + t2;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t2 = s;
        c = hi;
        lo = a2 * b1;
        hi = Math.unsignedMultiplyHigh(a2, b1);
        s = lo + t3;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        lo = a3 * b1;
        hi = Math.unsignedMultiplyHigh(a3, b1);
        s = lo + t4;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t4 = s;
        c = hi;
        t5 = c;
        // row 2: t += a·b2·2^128
        c = 0;
        lo = a0 * b2;
        hi = Math.unsignedMultiplyHigh(a0, b2);
        s = lo + t2;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t2 = s;
        c = hi;
        lo = a1 * b2;
        hi = Math.unsignedMultiplyHigh(a1, b2);
        s = lo + t3;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        lo = a2 * b2;
        hi = Math.unsignedMultiplyHigh(a2, b2);
        s = lo + t4;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t4 = s;
        c = hi;
        lo = a3 * b2;
        hi = Math.unsignedMultiplyHigh(a3, b2);
        s = lo + t5;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t5 = s;
        c = hi;
        t6 = c;
        // row 3: t += a·b3·2^192
        c = 0;
        lo = a0 * b3;
        hi = Math.unsignedMultiplyHigh(a0, b3);
        s = lo + t3;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        lo = a1 * b3;
        hi = Math.unsignedMultiplyHigh(a1, b3);
        s = lo + t4;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t4 = s;
        c = hi;
        lo = a2 * b3;
        hi = Math.unsignedMultiplyHigh(a2, b3);
        s = lo + t5;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t5 = s;
        c = hi;
        lo = a3 * b3;
        hi = Math.unsignedMultiplyHigh(a3, b3);
        s = lo + t6;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t6 = s;
        c = hi;
        t7 = c;
        // reduction 0: t += q·p·2^0 with q = t0 (clears t0); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t1 + (t0 << 32);
        c = (t0 >>> 32) + (Long.compareUnsigned(s, t1) < 0 ? 1 : 0);
        t1 = s;
        s = t2 + c;
        c = Long.compareUnsigned(s, t2) < 0 ? 1 : 0;
        t2 = s;
        lo = t0 * P3;
        hi = Math.unsignedMultiplyHigh(t0, P3);
        s = lo + t3;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t3 = s;
        c = hi;
        s = t4 + c;
        c = Long.compareUnsigned(s, t4) < 0 ? 1 : 0;
        t4 = s;
        s = t5 + c;
        c = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s;
        s = t6 + c;
        c = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        // reduction 1: t += q·p·2^64 with q = t1 (clears t1); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t2 + (t1 << 32);
        c = (t1 >>> 32) + (Long.compareUnsigned(s, t2) < 0 ? 1 : 0);
        t2 = s;
        s = t3 + c;
        c = Long.compareUnsigned(s, t3) < 0 ? 1 : 0;
        t3 = s;
        lo = t1 * P3;
        hi = Math.unsignedMultiplyHigh(t1, P3);
        s = lo + t4;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t4 = s;
        c = hi;
        s = t5 + c;
        c = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s;
        s = t6 + c;
        c = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        // reduction 2: t += q·p·2^128 with q = t2 (clears t2); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t3 + (t2 << 32);
        c = (t2 >>> 32) + (Long.compareUnsigned(s, t3) < 0 ? 1 : 0);
        t3 = s;
        s = t4 + c;
        c = Long.compareUnsigned(s, t4) < 0 ? 1 : 0;
        t4 = s;
        lo = t2 * P3;
        hi = Math.unsignedMultiplyHigh(t2, P3);
        s = lo + t5;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t5 = s;
        c = hi;
        s = t6 + c;
        c = Long.compareUnsigned(s, t6) < 0 ? 1 : 0;
        t6 = s;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        // reduction 3: t += q·p·2^192 with q = t3 (clears t3); q·p0 + q·p1·2^64 = q·2^96 - q
        s = t4 + (t3 << 32);
        c = (t3 >>> 32) + (Long.compareUnsigned(s, t4) < 0 ? 1 : 0);
        t4 = s;
        s = t5 + c;
        c = Long.compareUnsigned(s, t5) < 0 ? 1 : 0;
        t5 = s;
        lo = t3 * P3;
        hi = Math.unsignedMultiplyHigh(t3, P3);
        s = lo + t6;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        s = lo + c;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        t6 = s;
        c = hi;
        s = t7 + c;
        c = Long.compareUnsigned(s, t7) < 0 ? 1 : 0;
        t7 = s;
        s = t8 + c;
        c = Long.compareUnsigned(s, t8) < 0 ? 1 : 0;
        t8 = s;
        subtractPIfNeeded(t4, t5, t6, t7, t8, r);
    }

    /** r = a^-1 = a^(p-2) (Fermat); zero for zero. Variable time in nothing but the public exponent. */
    static void invert(long[] a, long[] r) {
        long[] base = create();
        copy(a, base);
        long[] acc = of(BigInteger.ONE);
        for (int i = P_MINUS_2.bitLength() - 1; i >= 0; i--) {
            square(acc, acc);
            if (P_MINUS_2.testBit(i)) {
                mul(acc, base, acc);
            }
        }
        copy(acc, r);
    }

    /** r = t - p when the 257-bit t = (t0..t3, t4) is at least p, else t; t must be below 2p. */
    private static void subtractPIfNeeded(long t0, long t1, long t2, long t3, long t4, long[] r) {
        long d0 = t0 - P0;
        long w = ((~t0 & P0) | (~(t0 ^ P0) & d0)) >>> 63;
        long d1 = t1 - P1 - w;
        w = ((~t1 & P1) | (~(t1 ^ P1) & d1)) >>> 63;
        long d2 = t2 - P2 - w;
        w = ((~t2 & P2) | (~(t2 ^ P2) & d2)) >>> 63;
        long d3 = t3 - P3 - w;
        w = ((~t3 & P3) | (~(t3 ^ P3) & d3)) >>> 63;
        // keep t when the subtraction borrowed out of the whole 257 bits: t4 = 0 and a borrow
        long keep = -(w & ~t4 & 1);
        r[0] = (t0 & keep) | (d0 & ~keep);
        r[1] = (t1 & keep) | (d1 & ~keep);
        r[2] = (t2 & keep) | (d2 & ~keep);
        r[3] = (t3 & keep) | (d3 & ~keep);
    }

    private static boolean isBelowP(long w0, long w1, long w2, long w3) {
        long[] p = {P0, P1, P2, P3};
        long[] w = {w0, w1, w2, w3};
        for (int i = LIMBS - 1; i >= 0; i--) {
            int c = Long.compareUnsigned(w[i], p[i]);
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    private static long be64(byte[] in, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (in[off + i] & 0xFF);
        }
        return v;
    }

    /** The big-endian 32-byte encoding of the element's number (SEC 1 §2.3.5). */
    static void encode(long[] a, byte[] out, int off) {
        long[] plain = create();
        mul(a, PLAIN_ONE, plain);
        for (int i = 0; i < LIMBS; i++) {
            long v = plain[LIMBS - 1 - i];
            for (int j = 0; j < 8; j++) {
                out[off + 8 * i + j] = (byte) (v >>> (56 - 8 * j));
            }
        }
    }

    static long[] words(BigInteger v) {
        long[] w = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            w[i] = v.shiftRight(64 * i).longValue();
        }
        return w;
    }
}
