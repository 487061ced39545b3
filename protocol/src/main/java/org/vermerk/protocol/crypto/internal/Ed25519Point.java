package org.vermerk.protocol.crypto.internal;

import static org.vermerk.protocol.crypto.internal.Field25519.add;
import static org.vermerk.protocol.crypto.internal.Field25519.create;
import static org.vermerk.protocol.crypto.internal.Field25519.mul;
import static org.vermerk.protocol.crypto.internal.Field25519.square;
import static org.vermerk.protocol.crypto.internal.Field25519.sub;

import java.math.BigInteger;

/**
 * A point of edwards25519, {@code -x² + y² = 1 + d·x²·y²} (RFC 8032 §5.1), in extended coordinates
 * (X : Y : Z : T) with x = X/Z, y = Y/Z, x·y = T/Z, and the formulas of Hisil, Wong, Carter and
 * Dawson, "Twisted Edwards Curves Revisited" (2008), §3.1–3.3 for a = -1, which RFC 8032 §5.1.4
 * also gives. Mutable, for {@link Ed25519Verifier}'s inner loop; public values only (variable
 * time, see {@link Field25519}).
 */
final class Ed25519Point {
    /** d = -121665/121666 (RFC 8032 §5.1). */
    static final long[] D = fromBigInteger(curveD());

    static final long[] D2 = fromBigInteger(curveD().shiftLeft(1).mod(pBig()));

    /** sqrt(-1) = 2^((p-1)/4) mod p (RFC 8032 §5.1.3). */
    static final long[] SQRT_M1 = fromBigInteger(BigInteger.TWO.modPow(pMinus1Over4(), pBig()));

    final long[] x = create();
    final long[] y = create();
    final long[] z = create();
    final long[] t = create();

    /** The neutral element (0 : 1 : 1 : 0). */
    static Ed25519Point neutral() {
        Ed25519Point p = new Ed25519Point();
        p.y[0] = 1;
        p.z[0] = 1;
        return p;
    }

    /**
     * The point a sum or double yields before its last four multiplications ("completed"
     * coordinates): X = e·f, Y = g·h, Z = f·g, T = e·h.
     */
    static final class Completed {
        final long[] e = create();
        final long[] f = create();
        final long[] g = create();
        final long[] h = create();
    }

    /**
     * A point prepared as the second operand of additions: (Y+X, Y-X, 2Z, 2d·T). For the base
     * point tables Z is 1 and {@code z2} is null (one multiplication less per addition).
     */
    static final class Cached {
        final long[] yPlusX = create();
        final long[] yMinusX = create();
        final long[] z2;
        final long[] t2d = create();

        Cached(boolean affine) {
            z2 = affine ? null : create();
        }
    }

    /** Scratch space for one thread's work; the formulas keep their temporaries here. */
    static final class Scratch {
        final long[] a = create();
        final long[] b = create();
        final long[] c = create();
        final long[] d = create();
    }

    void set(Ed25519Point p) {
        Field25519.copy(p.x, x);
        Field25519.copy(p.y, y);
        Field25519.copy(p.z, z);
        Field25519.copy(p.t, t);
    }

    /** This point (x, y) in affine coordinates. */
    static Ed25519Point affine(long[] ax, long[] ay) {
        Ed25519Point p = new Ed25519Point();
        Field25519.copy(ax, p.x);
        Field25519.copy(ay, p.y);
        Field25519.one(p.z);
        mul(ax, ay, p.t);
        return p;
    }

    void cache(Cached out) {
        add(y, x, out.yPlusX);
        sub(y, x, out.yMinusX);
        mul(t, D2, out.t2d);
        if (out.z2 != null) {
            add(z, z, out.z2);
        } else {
            // Only affine points (Z = 1) may be cached without Z.
            long[] inv = create();
            Field25519.invert(z, inv);
            mul(out.yPlusX, inv, out.yPlusX);
            mul(out.yMinusX, inv, out.yMinusX);
            mul(out.t2d, inv, out.t2d);
        }
    }

    /** 2P, from X, Y, Z only (dbl-2008-hwcd with a = -1, signs folded so that no negation is needed). */
    void dbl(Completed r, Scratch s) {
        square(x, s.a); // A = X²
        square(y, s.b); // B = Y²
        square(z, s.c);
        add(s.c, s.c, s.c); // C = 2Z²
        add(s.a, s.b, r.h); // H = A + B
        add(x, y, s.d);
        square(s.d, s.d);
        sub(r.h, s.d, r.e); // E = H - (X+Y)²
        sub(s.a, s.b, r.g); // G = A - B
        add(r.g, s.c, r.f); // F = G + C
    }

    /** P + Q (add-2008-hwcd-3) or P - Q when {@code subtract}; needs this point's T. */
    void plus(Cached q, boolean subtract, Completed r, Scratch s) {
        add(y, x, s.a);
        sub(y, x, s.b);
        mul(s.a, subtract ? q.yMinusX : q.yPlusX, s.a); // B = (Y1+X1)·(Y2±X2)
        mul(s.b, subtract ? q.yPlusX : q.yMinusX, s.b); // A = (Y1-X1)·(Y2∓X2)
        mul(t, q.t2d, s.c); // C = T1·2d·T2
        if (q.z2 == null) {
            add(z, z, s.d); // D = 2·Z1 (Z2 = 1)
        } else {
            mul(z, q.z2, s.d); // D = Z1·2·Z2
        }
        sub(s.a, s.b, r.e); // E = B - A
        add(s.a, s.b, r.h); // H = B + A
        if (subtract) {
            add(s.d, s.c, r.f);
            sub(s.d, s.c, r.g);
        } else {
            sub(s.d, s.c, r.f); // F = D - C
            add(s.d, s.c, r.g); // G = D + C
        }
    }

    /** This point := r with T (for an addition next). */
    void setExtended(Completed r) {
        mul(r.e, r.f, x);
        mul(r.g, r.h, y);
        mul(r.f, r.g, z);
        mul(r.e, r.h, t);
    }

    /** This point := r without T (for a doubling next; T is then stale). */
    void setProjective(Completed r) {
        mul(r.e, r.f, x);
        mul(r.g, r.h, y);
        mul(r.f, r.g, z);
    }

    /** Whether this is the neutral element (0, 1): X = 0 and Y = Z. */
    boolean isNeutral() {
        return Field25519.isZero(x) && Field25519.equal(y, z);
    }

    private static BigInteger pBig() {
        return BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    }

    private static BigInteger pMinus1Over4() {
        return pBig().subtract(BigInteger.ONE).shiftRight(2);
    }

    private static BigInteger curveD() {
        BigInteger p = pBig();
        return BigInteger.valueOf(-121665)
                .multiply(BigInteger.valueOf(121666).modInverse(p))
                .mod(p);
    }

    static long[] fromBigInteger(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < be.length && i < 32; i++) {
            le[i] = be[be.length - 1 - i];
        }
        long[] r = create();
        Field25519.decode(le, 0, r);
        return r;
    }
}
