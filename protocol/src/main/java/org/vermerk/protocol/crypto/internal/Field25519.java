package org.vermerk.protocol.crypto.internal;

/**
 * Arithmetic modulo p = 2^255 - 19 (RFC 8032 §5.1, RFC 7748 §4.1) for {@link Ed25519Verifier}:
 * an element is five {@code long} limbs in radix 2^51, {@code a0 + a1·2^51 + ... + a4·2^204}.
 * Products of limbs are 102–110 bits wide; their high halves come from {@link
 * Math#multiplyHigh(long, long)}, which the JIT compiles to the CPU's 64×64→128 multiply.
 *
 * <p><b>Variable time; public values only.</b> Branches depend on the values (square roots,
 * canonical checks). Nothing here may ever see a private key, a nonce or a shared secret: signing
 * and Diffie-Hellman stay in BouncyCastle (ADR 0025).
 *
 * <p>Bounds: every operation returns limbs below 2^51 + 2^18 ("reduced"), and accepts reduced
 * limbs. Inside {@link #mul}/{@link #square} the limbs are then below 2^52 and each 128-bit column
 * sum is split into its low 51 bits and the rest, both of which stay far below 2^63.
 */
final class Field25519 {
    static final int LIMBS = 5;
    private static final long MASK = (1L << 51) - 1;
    /** 2p limb by limb, added before a subtraction so that no limb goes negative. */
    private static final long TWO_P0 = 0xFFFFFFFFFFFDAL;

    private static final long TWO_P = 0xFFFFFFFFFFFFEL;

    private Field25519() {}

    static long[] create() {
        return new long[LIMBS];
    }

    static long[] of(long small) {
        long[] r = create();
        r[0] = small;
        return r;
    }

    static void copy(long[] a, long[] r) {
        System.arraycopy(a, 0, r, 0, LIMBS);
    }

    static void one(long[] r) {
        r[0] = 1;
        r[1] = 0;
        r[2] = 0;
        r[3] = 0;
        r[4] = 0;
    }

    static void zero(long[] r) {
        r[0] = 0;
        r[1] = 0;
        r[2] = 0;
        r[3] = 0;
        r[4] = 0;
    }

    static void add(long[] a, long[] b, long[] r) {
        carry(a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4], r);
    }

    static void sub(long[] a, long[] b, long[] r) {
        carry(
                a[0] + TWO_P0 - b[0],
                a[1] + TWO_P - b[1],
                a[2] + TWO_P - b[2],
                a[3] + TWO_P - b[3],
                a[4] + TWO_P - b[4],
                r);
    }

    static void negate(long[] a, long[] r) {
        carry(TWO_P0 - a[0], TWO_P - a[1], TWO_P - a[2], TWO_P - a[3], TWO_P - a[4], r);
    }

    /** One pass of carries: limbs below 2^51 again, the carry out of the top folded in as 19 (2^255 ≡ 19). */
    private static void carry(long r0, long r1, long r2, long r3, long r4, long[] r) {
        r1 += r0 >>> 51;
        r0 &= MASK;
        r2 += r1 >>> 51;
        r1 &= MASK;
        r3 += r2 >>> 51;
        r2 &= MASK;
        r4 += r3 >>> 51;
        r3 &= MASK;
        r0 += 19 * (r4 >>> 51);
        r4 &= MASK;
        r[0] = r0;
        r[1] = r1;
        r[2] = r2;
        r[3] = r3;
        r[4] = r4;
    }

    /** r = a·b mod p (schoolbook, with 2^255 ≡ 19 folded into the multiplier limbs). */
    static void mul(long[] a, long[] b, long[] r) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        long c1 = 19 * b1, c2 = 19 * b2, c3 = 19 * b3, c4 = 19 * b4;

        long l0 = (a0 * b0 & MASK) + (a1 * c4 & MASK) + (a2 * c3 & MASK) + (a3 * c2 & MASK) + (a4 * c1 & MASK);
        long h0 = hi(a0, b0) + hi(a1, c4) + hi(a2, c3) + hi(a3, c2) + hi(a4, c1);
        long l1 = (a0 * b1 & MASK) + (a1 * b0 & MASK) + (a2 * c4 & MASK) + (a3 * c3 & MASK) + (a4 * c2 & MASK);
        long h1 = hi(a0, b1) + hi(a1, b0) + hi(a2, c4) + hi(a3, c3) + hi(a4, c2);
        long l2 = (a0 * b2 & MASK) + (a1 * b1 & MASK) + (a2 * b0 & MASK) + (a3 * c4 & MASK) + (a4 * c3 & MASK);
        long h2 = hi(a0, b2) + hi(a1, b1) + hi(a2, b0) + hi(a3, c4) + hi(a4, c3);
        long l3 = (a0 * b3 & MASK) + (a1 * b2 & MASK) + (a2 * b1 & MASK) + (a3 * b0 & MASK) + (a4 * c4 & MASK);
        long h3 = hi(a0, b3) + hi(a1, b2) + hi(a2, b1) + hi(a3, b0) + hi(a4, c4);
        long l4 = (a0 * b4 & MASK) + (a1 * b3 & MASK) + (a2 * b2 & MASK) + (a3 * b1 & MASK) + (a4 * b0 & MASK);
        long h4 = hi(a0, b4) + hi(a1, b3) + hi(a2, b2) + hi(a3, b1) + hi(a4, b0);
        columns(l0, h0, l1, h1, l2, h2, l3, h3, l4, h4, r);
    }

    /** r = a² mod p: the 15 distinct products of {@link #mul}'s 25. */
    static void square(long[] a, long[] r) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long d0 = 2 * a0, d1 = 2 * a1, d2 = 2 * a2, d3 = 2 * a3;
        long e3 = 19 * a3, e4 = 19 * a4;

        long l0 = (a0 * a0 & MASK) + (d1 * e4 & MASK) + (d2 * e3 & MASK);
        long h0 = hi(a0, a0) + hi(d1, e4) + hi(d2, e3);
        long l1 = (d0 * a1 & MASK) + (d2 * e4 & MASK) + (a3 * e3 & MASK);
        long h1 = hi(d0, a1) + hi(d2, e4) + hi(a3, e3);
        long l2 = (d0 * a2 & MASK) + (a1 * a1 & MASK) + (d3 * e4 & MASK);
        long h2 = hi(d0, a2) + hi(a1, a1) + hi(d3, e4);
        long l3 = (d0 * a3 & MASK) + (d1 * a2 & MASK) + (a4 * e4 & MASK);
        long h3 = hi(d0, a3) + hi(d1, a2) + hi(a4, e4);
        long l4 = (d0 * a4 & MASK) + (d1 * a3 & MASK) + (a2 * a2 & MASK);
        long h4 = hi(d0, a4) + hi(d1, a3) + hi(a2, a2);
        columns(l0, h0, l1, h1, l2, h2, l3, h3, l4, h4, r);
    }

    /** r = a^(2^n) mod p. */
    static void squareTimes(long[] a, int n, long[] r) {
        square(a, r);
        for (int i = 1; i < n; i++) {
            square(r, r);
        }
    }

    /** The bits of x·y from bit 51 up (x, y non-negative, x·y below 2^114). */
    private static long hi(long x, long y) {
        return (Math.multiplyHigh(x, y) << 13) | ((x * y) >>> 51);
    }

    /**
     * Column k is {@code lk + hk·2^51}; hk belongs to column k+1. The top column's high part is
     * worth 2^255·h4 ≡ 19·h4, split so that 19 times it cannot overflow.
     */
    private static void columns(
            long l0, long h0, long l1, long h1, long l2, long h2, long l3, long h3, long l4, long h4, long[] r) {
        long t1 = l1 + h0;
        long t2 = l2 + h1 + (t1 >>> 51);
        t1 &= MASK;
        long t3 = l3 + h2 + (t2 >>> 51);
        t2 &= MASK;
        long t4 = l4 + h3 + (t3 >>> 51);
        t3 &= MASK;
        long top = h4 + (t4 >>> 51);
        t4 &= MASK;
        long t0 = l0 + 19 * (top & MASK);
        t1 += 19 * (top >>> 51) + (t0 >>> 51);
        t0 &= MASK;
        t2 += t1 >>> 51;
        t1 &= MASK;
        r[0] = t0;
        r[1] = t1;
        r[2] = t2;
        r[3] = t3;
        r[4] = t4;
    }

    /** r = z^(2^250 - 1), the common start of inversion and square root; z11 receives z^11. */
    private static void pow2250Minus1(long[] z, long[] r, long[] z11) {
        long[] t0 = create();
        long[] t1 = create();
        long[] z9 = create();
        square(z, t0); // z^2
        squareTimes(t0, 2, t1); // z^8
        mul(t1, z, z9); // z^9
        mul(z9, t0, z11); // z^11
        square(z11, t0); // z^22
        mul(t0, z9, t0); // z^31 = z^(2^5 - 1)
        squareTimes(t0, 5, t1);
        mul(t1, t0, t1); // 2^10 - 1
        long[] e10 = t1.clone();
        squareTimes(t1, 10, t0);
        mul(t0, e10, t0); // 2^20 - 1
        squareTimes(t0, 20, t1);
        mul(t1, t0, t1); // 2^40 - 1
        squareTimes(t1, 10, t0);
        mul(t0, e10, t0); // 2^50 - 1
        long[] e50 = t0.clone();
        squareTimes(t0, 50, t1);
        mul(t1, e50, t1); // 2^100 - 1
        squareTimes(t1, 100, t0);
        mul(t0, t1, t0); // 2^200 - 1
        squareTimes(t0, 50, t0);
        mul(t0, e50, r); // 2^250 - 1
    }

    /** r = z^(p-2) = z^-1 (Fermat); 0 for z = 0. */
    static void invert(long[] z, long[] r) {
        long[] z11 = create();
        long[] t = create();
        pow2250Minus1(z, t, z11);
        squareTimes(t, 5, t); // 2^255 - 32
        mul(t, z11, r); // 2^255 - 21 = p - 2
    }

    /** r = z^((p-5)/8) = z^(2^252 - 3), the exponent of RFC 8032 §5.1.3's square root. */
    static void pow22523(long[] z, long[] r) {
        long[] z11 = create();
        long[] t = create();
        pow2250Minus1(z, t, z11);
        squareTimes(t, 2, t); // 2^252 - 4
        mul(t, z, r); // 2^252 - 3
    }

    /** r = a mod p, fully reduced to [0, p). */
    static void canonical(long[] a, long[] r) {
        long[] t = create();
        carry(a[0], a[1], a[2], a[3], a[4], t);
        carry(t[0], t[1], t[2], t[3], t[4], t);
        // t < 2^255 + small now; subtract p once if t >= p, i.e. if t + 19 >= 2^255.
        long q = (t[0] + 19) >>> 51;
        q = (t[1] + q) >>> 51;
        q = (t[2] + q) >>> 51;
        q = (t[3] + q) >>> 51;
        q = (t[4] + q) >>> 51;
        long r0 = t[0] + 19 * q;
        long r1 = t[1] + (r0 >>> 51);
        r0 &= MASK;
        long r2 = t[2] + (r1 >>> 51);
        r1 &= MASK;
        long r3 = t[3] + (r2 >>> 51);
        r2 &= MASK;
        long r4 = t[4] + (r3 >>> 51);
        r3 &= MASK;
        r4 &= MASK;
        r[0] = r0;
        r[1] = r1;
        r[2] = r2;
        r[3] = r3;
        r[4] = r4;
    }

    static boolean isZero(long[] a) {
        long[] t = create();
        canonical(a, t);
        return (t[0] | t[1] | t[2] | t[3] | t[4]) == 0;
    }

    static boolean equal(long[] a, long[] b) {
        long[] t = create();
        sub(a, b, t);
        return isZero(t);
    }

    /** The low bit of the canonical value, the "sign" of x in RFC 8032 §5.1.2. */
    static int isNegative(long[] a) {
        long[] t = create();
        canonical(a, t);
        return (int) (t[0] & 1);
    }

    /** The low 255 bits of {@code in[off..off+32)} little-endian; bit 255 is left to the caller. */
    static void decode(byte[] in, int off, long[] r) {
        long w0 = le64(in, off);
        long w1 = le64(in, off + 8);
        long w2 = le64(in, off + 16);
        long w3 = le64(in, off + 24);
        r[0] = w0 & MASK;
        r[1] = ((w0 >>> 51) | (w1 << 13)) & MASK;
        r[2] = ((w1 >>> 38) | (w2 << 26)) & MASK;
        r[3] = ((w2 >>> 25) | (w3 << 39)) & MASK;
        r[4] = (w3 >>> 12) & MASK;
    }

    /** The canonical 32-byte little-endian encoding (bit 255 zero). */
    static void encode(long[] a, byte[] out, int off) {
        long[] t = create();
        canonical(a, t);
        long w0 = t[0] | (t[1] << 51);
        long w1 = (t[1] >>> 13) | (t[2] << 38);
        long w2 = (t[2] >>> 26) | (t[3] << 25);
        long w3 = (t[3] >>> 39) | (t[4] << 12);
        putLe64(w0, out, off);
        putLe64(w1, out, off + 8);
        putLe64(w2, out, off + 16);
        putLe64(w3, out, off + 24);
    }

    static long le64(byte[] in, int off) {
        long w = 0;
        for (int i = 7; i >= 0; i--) {
            w = (w << 8) | (in[off + i] & 0xFF);
        }
        return w;
    }

    private static void putLe64(long w, byte[] out, int off) {
        for (int i = 0; i < 8; i++) {
            out[off + i] = (byte) (w >>> (8 * i));
        }
    }
}
