package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * edwards25519 in affine coordinates on {@link BigInteger}, slow and plain (RFC 8032 §5.1.4's
 * addition law, §5.1.3's decoding): an implementation independent of {@link Field25519} and
 * {@link Ed25519Point}, to build test inputs such as points of small order.
 */
record TestPoint(BigInteger x, BigInteger y) {
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);
    private static final BigInteger SQRT_M1 =
            BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    static TestPoint neutral() {
        return new TestPoint(BigInteger.ZERO, BigInteger.ONE);
    }

    static TestPoint base() {
        BigInteger y = BigInteger.valueOf(4)
                .multiply(BigInteger.valueOf(5).modInverse(P))
                .mod(P);
        return fromY(y, 0);
    }

    /** The point with this y and the low bit of x equal to {@code sign}; null when there is none. */
    static TestPoint fromY(BigInteger y, int sign) {
        BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(x2)) {
            return null;
        }
        if (x.testBit(0) != (sign == 1)) {
            x = P.subtract(x).mod(P);
        }
        return new TestPoint(x, y);
    }

    TestPoint plus(TestPoint q) {
        BigInteger xx = x.multiply(q.x);
        BigInteger yy = y.multiply(q.y);
        BigInteger dxy = D.multiply(xx).multiply(yy).mod(P);
        BigInteger x3 = x.multiply(q.y)
                .add(y.multiply(q.x))
                .multiply(BigInteger.ONE.add(dxy).modInverse(P));
        BigInteger y3 = yy.add(xx).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P));
        return new TestPoint(x3.mod(P), y3.mod(P));
    }

    TestPoint times(BigInteger n) {
        TestPoint result = neutral();
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            result = result.plus(result);
            if (n.testBit(i)) {
                result = result.plus(this);
            }
        }
        return result;
    }

    byte[] encode() {
        byte[] e = Ed25519VerifierTest.toLittleEndian(y);
        if (x.testBit(0)) {
            e[31] |= (byte) 0x80;
        }
        return e;
    }

    /** The 8 points of order dividing 8: the multiples of a point of order 8 found as [L]·(a point). */
    static List<TestPoint> torsion() {
        for (int y = 2; ; y++) {
            TestPoint p = fromY(BigInteger.valueOf(y), 0);
            if (p == null) {
                continue;
            }
            TestPoint t = p.times(Ed25519Scalar.L);
            if (t.times(BigInteger.valueOf(4)).equals(neutral())) {
                continue; // order below 8
            }
            List<TestPoint> all = new ArrayList<>();
            TestPoint m = neutral();
            for (int i = 0; i < 8; i++) {
                all.add(m);
                m = m.plus(t);
            }
            return all;
        }
    }
}
