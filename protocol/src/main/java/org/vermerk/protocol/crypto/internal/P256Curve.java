package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;

/**
 * The P-256 curve's constants (SEC 2 §2.4.2, FIPS 186-5 / SP 800-186 §3.2.1.3) as {@link
 * P256Field} elements, and the on-curve check of SEC 1 §3.2.2.1 step 2 (y² = x³ - 3x + b).
 */
final class P256Curve {
    /** The order n of the base point G. */
    static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    static final long[] ONE = P256Field.of(BigInteger.ONE);
    static final long[] B =
            P256Field.of(new BigInteger("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B", 16));
    static final P256Point.Affine G = new P256Point.Affine(
            P256Field.of(new BigInteger("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296", 16)),
            P256Field.of(new BigInteger("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5", 16)));

    private P256Curve() {}

    /** Whether (x, y) satisfies y² = x³ - 3x + b. */
    static boolean isOnCurve(long[] x, long[] y) {
        long[] lhs = P256Field.create();
        P256Field.square(y, lhs);
        long[] rhs = P256Field.create();
        P256Field.square(x, rhs);
        P256Field.mul(rhs, x, rhs);
        long[] threeX = P256Field.create();
        P256Field.add(x, x, threeX);
        P256Field.add(threeX, x, threeX);
        P256Field.sub(rhs, threeX, rhs);
        P256Field.add(rhs, B, rhs);
        return P256Field.equal(lhs, rhs);
    }
}
