package org.vermerk.protocol.crypto.internal;

/**
 * A point of P-256 (y² = x³ - 3x + b, SEC 2 §2.4.2) in Jacobian coordinates (X : Y : Z) for
 * (X/Z², Y/Z³), with Z = 0 for the point at infinity; coordinates are {@link P256Field} elements.
 * Mutable, with its own scratch space: one object per thread at a time.
 *
 * <p>Formulas from the Explicit-Formulas Database for short Weierstrass curves with a = -3,
 * Jacobian coordinates: "dbl-2001-b", "madd-2007-bl" (mixed, the other point affine) and
 * "add-2007-bl". They are not complete: the cases they do not cover (a point added to itself or to
 * its negative, the point at infinity) are tested for and handled apart. <b>Variable time; public
 * values only</b> (ADR 0026).
 */
final class P256Point {
    final long[] x = P256Field.create();
    final long[] y = P256Field.create();
    final long[] z = P256Field.create();

    private final long[] t1 = P256Field.create();
    private final long[] t2 = P256Field.create();
    private final long[] t3 = P256Field.create();
    private final long[] t4 = P256Field.create();
    private final long[] t5 = P256Field.create();
    private final long[] t6 = P256Field.create();
    private final long[] t7 = P256Field.create();

    /**
     * A point with affine coordinates, as tables hold them, with -y kept for subtractions; never the
     * point at infinity. Its arrays are never changed.
     */
    record Affine(long[] x, long[] y, long[] negY) {
        Affine(long[] x, long[] y) {
            this(x, y, negated(y));
        }

        private static long[] negated(long[] y) {
            long[] r = P256Field.create();
            P256Field.negate(y, r);
            return r;
        }
    }

    /** The point at infinity. */
    P256Point() {}

    static P256Point of(Affine a) {
        P256Point p = new P256Point();
        p.setAffine(a.x(), a.y());
        return p;
    }

    boolean isInfinity() {
        return P256Field.isZero(z);
    }

    void setInfinity() {
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(y, 0);
        java.util.Arrays.fill(z, 0);
    }

    void set(P256Point p) {
        P256Field.copy(p.x, x);
        P256Field.copy(p.y, y);
        P256Field.copy(p.z, z);
    }

    void setAffine(long[] ax, long[] ay) {
        P256Field.copy(ax, x);
        P256Field.copy(ay, y);
        P256Field.copy(P256Curve.ONE, z);
    }

    /** this = 2·this ("dbl-2001-b"); the point at infinity stays there (Z3 = 0). */
    void dbl() {
        long[] delta = t1;
        long[] gamma = t2;
        long[] beta = t3;
        long[] alpha = t4;
        P256Field.square(z, delta);
        P256Field.square(y, gamma);
        P256Field.mul(x, gamma, beta);
        P256Field.sub(x, delta, t5);
        P256Field.add(x, delta, t6);
        P256Field.mul(t5, t6, alpha);
        P256Field.add(alpha, alpha, t5);
        P256Field.add(alpha, t5, alpha); // alpha = 3(X - delta)(X + delta)
        // Z3 = (Y + Z)² - gamma - delta
        P256Field.add(y, z, t5);
        P256Field.square(t5, t5);
        P256Field.sub(t5, gamma, t5);
        P256Field.sub(t5, delta, z);
        // X3 = alpha² - 8 beta
        P256Field.add(beta, beta, beta);
        P256Field.add(beta, beta, beta); // 4 beta
        P256Field.square(alpha, x);
        P256Field.add(beta, beta, t5);
        P256Field.sub(x, t5, x);
        // Y3 = alpha (4 beta - X3) - 8 gamma²
        P256Field.sub(beta, x, t5);
        P256Field.mul(alpha, t5, t5);
        P256Field.square(gamma, t6);
        P256Field.add(t6, t6, t6);
        P256Field.add(t6, t6, t6);
        P256Field.add(t6, t6, t6);
        P256Field.sub(t5, t6, y);
    }

    /** this = this + (ax, ay) ("madd-2007-bl"), with the cases it does not cover handled apart. */
    void addAffine(long[] ax, long[] ay) {
        if (isInfinity()) {
            setAffine(ax, ay);
            return;
        }
        long[] z1z1 = t1;
        long[] h = t2;
        long[] r = t3;
        P256Field.square(z, z1z1);
        P256Field.mul(ax, z1z1, h); // U2
        P256Field.sub(h, x, h); // H = U2 - X1
        P256Field.mul(z, z1z1, r);
        P256Field.mul(ay, r, r); // S2
        P256Field.sub(r, y, r);
        P256Field.add(r, r, r); // r = 2 (S2 - Y1)
        if (P256Field.isZero(h)) {
            if (P256Field.isZero(r)) { // the same point
                setAffine(ax, ay);
                dbl();
            } else { // its negative
                setInfinity();
            }
            return;
        }
        long[] hh = t4;
        long[] i = t5;
        long[] j = t6;
        long[] v = t7;
        P256Field.square(h, hh);
        P256Field.add(hh, hh, i);
        P256Field.add(i, i, i); // I = 4 HH
        P256Field.mul(h, i, j); // J = H I
        P256Field.mul(x, i, v); // V = X1 I
        // Z3 = (Z1 + H)² - Z1Z1 - HH
        P256Field.add(z, h, z);
        P256Field.square(z, z);
        P256Field.sub(z, z1z1, z);
        P256Field.sub(z, hh, z);
        // X3 = r² - J - 2V
        P256Field.square(r, x);
        P256Field.sub(x, j, x);
        P256Field.sub(x, v, x);
        P256Field.sub(x, v, x);
        // Y3 = r (V - X3) - 2 Y1 J
        P256Field.mul(y, j, j);
        P256Field.add(j, j, j);
        P256Field.sub(v, x, v);
        P256Field.mul(r, v, y);
        P256Field.sub(y, j, y);
    }

    /** this = this + q ("add-2007-bl"), with the cases it does not cover handled apart. */
    void add(P256Point q) {
        if (q.isInfinity()) {
            return;
        }
        if (isInfinity()) {
            set(q);
            return;
        }
        long[] z1z1 = t1;
        long[] z2z2 = t2;
        long[] u1 = t3;
        long[] s1 = t4;
        long[] h = t5;
        long[] r = t6;
        P256Field.square(z, z1z1);
        P256Field.square(q.z, z2z2);
        P256Field.mul(x, z2z2, u1);
        P256Field.mul(q.x, z1z1, h);
        P256Field.sub(h, u1, h); // H = U2 - U1
        P256Field.mul(y, q.z, s1);
        P256Field.mul(s1, z2z2, s1); // S1
        P256Field.mul(q.y, z, r);
        P256Field.mul(r, z1z1, r); // S2
        P256Field.sub(r, s1, r);
        P256Field.add(r, r, r); // r = 2 (S2 - S1)
        if (P256Field.isZero(h)) {
            if (P256Field.isZero(r)) {
                dbl();
            } else {
                setInfinity();
            }
            return;
        }
        long[] i = t7;
        long[] j = P256Field.create();
        long[] v = P256Field.create();
        P256Field.add(h, h, i);
        P256Field.square(i, i); // I = (2H)²
        P256Field.mul(h, i, j); // J = H I
        P256Field.mul(u1, i, v); // V = U1 I
        // Z3 = ((Z1 + Z2)² - Z1Z1 - Z2Z2) H
        P256Field.add(z, q.z, z);
        P256Field.square(z, z);
        P256Field.sub(z, z1z1, z);
        P256Field.sub(z, z2z2, z);
        P256Field.mul(z, h, z);
        // X3 = r² - J - 2V
        P256Field.square(r, x);
        P256Field.sub(x, j, x);
        P256Field.sub(x, v, x);
        P256Field.sub(x, v, x);
        // Y3 = r (V - X3) - 2 S1 J
        P256Field.mul(s1, j, j);
        P256Field.add(j, j, j);
        P256Field.sub(v, x, v);
        P256Field.mul(r, v, y);
        P256Field.sub(y, j, y);
    }

    /**
     * The affine forms of {@code points} (none at infinity) with one field inversion for all
     * (Montgomery's trick).
     */
    static Affine[] normalizeAll(P256Point[] points) {
        int n = points.length;
        long[][] prefix = new long[n][];
        long[] acc = P256Curve.ONE.clone();
        for (int k = 0; k < n; k++) {
            prefix[k] = acc.clone(); // z_0 ... z_(k-1)
            P256Field.mul(acc, points[k].z, acc);
        }
        long[] inv = P256Field.create();
        P256Field.invert(acc, inv); // 1 / (z_0 ... z_(n-1))
        Affine[] out = new Affine[n];
        long[] zInv = P256Field.create();
        long[] zInv2 = P256Field.create();
        for (int k = n - 1; k >= 0; k--) {
            P256Field.mul(inv, prefix[k], zInv); // 1 / z_k
            P256Field.mul(inv, points[k].z, inv); // 1 / (z_0 ... z_(k-1))
            P256Field.square(zInv, zInv2);
            long[] ax = P256Field.create();
            long[] ay = P256Field.create();
            P256Field.mul(points[k].x, zInv2, ax);
            P256Field.mul(zInv2, zInv, zInv2);
            P256Field.mul(points[k].y, zInv2, ay);
            out[k] = new Affine(ax, ay);
        }
        return out;
    }
}
