package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA P-256 / SHA-256 verification (FIPS 186-5 §6.4.2, SEC 1 §4.1.4) that accepts exactly
 * what BouncyCastle 1.87's {@code DSADigestSigner(ECDSASigner, SHA-256, StandardDSAEncoding)}
 * accepts for a key that {@code P256.publicKey} accepted, in less time (docs/benchmarks.md, ADR
 * 0026). Signing stays in BouncyCastle: this class handles public data only and runs in variable
 * time.
 *
 * <p>BouncyCastle's rules, which this class repeats:
 *
 * <ul>
 *   <li>public key Q: 65 bytes {@code 04 || X || Y}, X and Y below p, (X, Y) on the curve (the
 *       point at infinity has no such encoding; the cofactor is 1, so every such point has order n);
 *   <li>signature: the canonical DER encoding of (r, s) with both below n ({@link EcdsaDer}); then
 *       r and s in [1, n-1];
 *   <li>e = SHA-256(message) as a 256-bit number, not reduced (n has 256 bits: no truncation);
 *       R = u1·G + u2·Q with w = s^-1, u1 = e·w mod n, u2 = r·w mod n; R not the point at infinity
 *       and x(R) mod n = r.
 * </ul>
 *
 * <p>How: u1·G + u2·Q as one interleaved (Straus) sum over 64 doublings. Each scalar's width-w NAF
 * is cut into four slices of 64 digits (the last slice also takes digit 256), slice s going to a
 * table of odd multiples of 2^(64·s) times the point, all affine: fixed tables for G (w = 8) built
 * once, and per-key tables for Q (w = 5) built when the key is parsed, which {@link PublicKeyCache}
 * keeps. The x check needs no inversion: x(R) = X/Z², so it tests r·Z² = X and, when r + n < p,
 * (r + n)·Z² = X. BouncyCastle needs 256 doublings.
 */
final class P256Verifier {
    static final int KEY_BYTES = 65;
    private static final int WIDTH_Q = 5;
    private static final int WIDTH_G = 8;
    /** Each scalar is cut into this many slices of {@link #SLICE} digits, one table per slice. */
    private static final int SLICES = 4;

    private static final int SLICE = 64;
    private static final BigInteger N = P256Curve.N;

    private P256Verifier() {}

    /** A public key that passed BouncyCastle's checks, with its tables of odd multiples. Immutable. */
    static final class PublicKey {
        private final P256Point.Affine[][] q;

        private PublicKey(P256Point.Affine[][] q) {
            this.q = q;
        }
    }

    /** The fixed tables of odd multiples of G, 2^64·G, 2^128·G and 2^192·G, built on first use. */
    private static final class Base {
        static final P256Point.Affine[][] G = sliceTables(P256Point.of(P256Curve.G), WIDTH_G);
    }

    /** The key with its tables; null when BouncyCastle would refuse it (see the class comment). */
    static PublicKey parse(byte[] encoded) {
        if (encoded.length != KEY_BYTES || encoded[0] != 0x04) {
            return null;
        }
        long[] x = P256Field.create();
        long[] y = P256Field.create();
        if (!P256Field.decode(encoded, 1, x) || !P256Field.decode(encoded, 33, y) || !P256Curve.isOnCurve(x, y)) {
            return null;
        }
        P256Point q = new P256Point();
        q.setAffine(x, y);
        return new PublicKey(sliceTables(q, WIDTH_Q));
    }

    /** For s = 0 .. SLICES-1, the odd multiples P, 3P, ..., (2^(w-1) - 1)P of 2^(SLICE·s)·P, affine. */
    private static P256Point.Affine[][] sliceTables(P256Point p, int w) {
        int count = 1 << (w - 2);
        P256Point[] all = new P256Point[SLICES * count];
        P256Point slice = new P256Point();
        slice.set(p);
        for (int s = 0; s < SLICES; s++) {
            if (s > 0) {
                for (int i = 0; i < SLICE; i++) {
                    slice.dbl();
                }
            }
            P256Point twice = new P256Point();
            twice.set(slice);
            twice.dbl();
            P256Point current = new P256Point();
            current.set(slice);
            for (int i = 0; i < count; i++) {
                all[s * count + i] = new P256Point();
                all[s * count + i].set(current);
                current.add(twice);
            }
        }
        P256Point.Affine[] affine = P256Point.normalizeAll(all);
        P256Point.Affine[][] tables = new P256Point.Affine[SLICES][count];
        for (int s = 0; s < SLICES; s++) {
            System.arraycopy(affine, s * count, tables[s], 0, count);
        }
        return tables;
    }

    /** The verdict on {@code signature} over {@code message} under {@code key} (class comment). */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        BigInteger[] rs = EcdsaDer.decode(signature, N);
        if (rs == null || rs[0].signum() == 0 || rs[1].signum() == 0) {
            return false;
        }
        BigInteger r = rs[0];
        BigInteger e = new BigInteger(1, Sha256.hash(message));
        // s is public: the variable-time binary GCD inverse (what BouncyCastle's verification uses too)
        BigInteger w = BigIntegers.modOddInverseVar(N, rs[1]);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        P256Point sum = sumOfMultiples(u1, key, u2);
        if (sum.isInfinity()) {
            return false;
        }
        long[] zz = P256Field.create();
        P256Field.square(sum.z, zz);
        long[] candidate = P256Field.of(r);
        P256Field.mul(candidate, zz, candidate);
        if (P256Field.equal(candidate, sum.x)) {
            return true;
        }
        BigInteger rPlusN = r.add(N); // x(R) in [n, p) also reduces to r
        if (rPlusN.compareTo(P256Field.P) >= 0) {
            return false;
        }
        candidate = P256Field.of(rPlusN);
        P256Field.mul(candidate, zz, candidate);
        return P256Field.equal(candidate, sum.x);
    }

    /** u1·G + u2·Q (Jacobian). */
    static P256Point sumOfMultiples(BigInteger u1, PublicKey key, BigInteger u2) {
        byte[] nafG = P256Scalar.nonAdjacentForm(u1, WIDTH_G);
        byte[] nafQ = P256Scalar.nonAdjacentForm(u2, WIDTH_Q);
        P256Point acc = new P256Point();
        // Σ naf[i]·2^i·P = Σ_s Σ_j naf[SLICE·s + j]·2^j·(2^(SLICE·s)·P); digit 256 is j = 64 of the last slice.
        for (int j = SLICE; j >= 0; j--) {
            if (!acc.isInfinity()) {
                acc.dbl();
            }
            for (int s = 0; s < SLICES; s++) {
                if (j == SLICE && s < SLICES - 1) {
                    continue;
                }
                int i = s * SLICE + j;
                addDigit(acc, Base.G[s], nafG[i]);
                addDigit(acc, key.q[s], nafQ[i]);
            }
        }
        return acc;
    }

    /** acc += digit · the table's point (the table holds P, 3P, 5P, ...). */
    private static void addDigit(P256Point acc, P256Point.Affine[] table, int digit) {
        if (digit > 0) {
            P256Point.Affine a = table[digit >>> 1];
            acc.addAffine(a.x(), a.y());
        } else if (digit < 0) {
            P256Point.Affine a = table[(-digit) >>> 1];
            acc.addAffine(a.x(), a.negY());
        }
    }
}
