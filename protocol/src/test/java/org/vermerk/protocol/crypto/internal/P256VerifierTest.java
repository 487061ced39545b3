package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.crypto.CryptoException;

/**
 * {@link P256Verifier} (through {@link EcdsaP256Scheme#verify}) accepts exactly what BouncyCastle's
 * ECDSA verification accepts for the keys {@link P256#publicKey} accepts: RFC 6979's P-256 vectors,
 * then a differential test on many thousands of inputs — valid signatures of random keys and
 * messages, each mutated (bits of the signature, the key and the message); r and s replaced by
 * edge values (0, 1, n - 1, n, n + 1, p, 2^256 - 1, values with the top bit set); DER variants
 * (needless leading zeros, negative integers, long-form lengths, trailing bytes, truncation);
 * signatures whose x(R) lies in [n, p), valid only through r + n; keys for which u1·G + u2·Q is the
 * point at infinity; keys off the curve, with coordinates ≥ p, compressed or of the wrong length.
 * Every input must get the same verdict from both; the test counts that both verdicts occur in
 * each family, so that it cannot pass by rejecting (or accepting) everything. The joint sum itself
 * is compared with BouncyCastle's on scalars and keys that drive it through its doubling and
 * infinity cases.
 */
class P256VerifierTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger N = P256Curve.N;
    private static final BigInteger P = P256Field.P;
    private static final ECPoint G = P256.DOMAIN.getG();

    /**
     * SOURCE: RFC 6979 Appendix A.2.5 (ECDSA, 256 bits, prime field), the public key U and the
     * SHA-256 signatures of "sample" and "test": message, r, s.
     */
    private static final String RFC6979_UX = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";

    private static final String RFC6979_UY = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
    private static final String[][] RFC6979_SHA256 = {
        {
            "sample",
            "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
            "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"
        },
        {
            "test",
            "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
            "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083"
        },
    };

    private final EcdsaP256Scheme scheme = new EcdsaP256Scheme();
    private int accepted;
    private int rejected;

    @Test
    void acceptsTheRfc6979VectorsAndRejectsThemAltered() throws Exception {
        byte[] key = HEX.parseHex("04" + RFC6979_UX + RFC6979_UY);
        for (String[] v : RFC6979_SHA256) {
            byte[] message = v[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] signature =
                    StandardDSAEncoding.INSTANCE.encode(N, new BigInteger(v[1], 16), new BigInteger(v[2], 16));
            assertThat(scheme.verify(key, message, signature)).isTrue();
            assertSame(key, message, signature);
            byte[] other = (v[0] + "!").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(scheme.verify(key, other, signature)).isFalse();
        }
    }

    @Test
    void agreesWithBouncyCastleOnRandomSignaturesAndTheirMutations() throws Exception {
        Random random = new Random(9420);
        SecureRandom keys = new SecureRandom();
        for (int k = 0; k < 300; k++) {
            byte[] privateKey = scheme.generatePrivateKey(keys);
            byte[] key = scheme.publicKey(privateKey);
            byte[] message = new byte[random.nextInt(k % 10 == 0 ? 2000 : 80)];
            random.nextBytes(message);
            byte[] signature = scheme.sign(privateKey, message);
            assertSame(key, message, signature);
            for (int m = 0; m < 6; m++) {
                byte[] altered = signature.clone();
                altered[random.nextInt(altered.length)] ^= (byte) (1 << random.nextInt(8));
                assertSame(key, message, altered);
            }
            byte[] alteredKey = key.clone();
            alteredKey[random.nextInt(alteredKey.length)] ^= (byte) (1 << random.nextInt(8));
            assertSame(alteredKey, message, signature);
            if (message.length > 0) {
                byte[] alteredMessage = message.clone();
                alteredMessage[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                assertSame(key, alteredMessage, signature);
            }
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, signature);
            // the other valid signature (r, n - s), and s replaced by edge values
            assertSame(key, message, der(rs[0], N.subtract(rs[1])));
            for (BigInteger edge : edgeScalars(random)) {
                assertSame(key, message, der(edge, rs[1]));
                assertSame(key, message, der(rs[0], edge));
            }
            for (byte[] variant : derVariants(rs[0], rs[1])) {
                assertSame(key, message, variant);
            }
        }
        assertBothVerdicts();
    }

    @Test
    void agreesWhereXOfRIsAtLeastNAndWhereTheSumIsInfinity() throws Exception {
        Random random = new Random(5903);
        // Points R with x in [n, p): r = x - n, and a key chosen so that u1·G + u2·Q = R.
        BigInteger x = N;
        int found = 0;
        while (found < 40) {
            x = x.add(BigInteger.valueOf(1 + random.nextInt(1000)));
            BigInteger rhs = x.pow(3)
                    .subtract(x.multiply(BigInteger.valueOf(3)))
                    .add(curveB())
                    .mod(P);
            BigInteger y = rhs.modPow(P.add(BigInteger.ONE).shiftRight(2), P); // p ≡ 3 mod 4
            if (!y.multiply(y).mod(P).equals(rhs)) {
                continue;
            }
            found++;
            ECPoint bigR = P256.DOMAIN.getCurve().createPoint(x, y);
            byte[] message = new byte[20];
            random.nextBytes(message);
            BigInteger e = new BigInteger(1, Sha256.hash(message));
            BigInteger r = x.subtract(N);
            BigInteger s = new BigInteger(255, random).add(BigInteger.ONE);
            BigInteger w = s.modInverse(N);
            BigInteger u1 = e.multiply(w).mod(N);
            BigInteger u2 = r.multiply(w).mod(N);
            ECPoint q = bigR.subtract(G.multiply(u1)).multiply(u2.modInverse(N)).normalize();
            byte[] key = q.getEncoded(false);
            assertThat(scheme.verify(key, message, der(r, s))).isTrue();
            assertSame(key, message, der(r, s));
            assertSame(key, message, der(r, N.subtract(s)));
            assertSame(key, message, der(r.add(BigInteger.ONE), s));
            // Q = -(u1/u2)·G makes u1·G + u2·Q the point at infinity
            BigInteger r2 = new BigInteger(255, random).add(BigInteger.ONE);
            BigInteger w2 = s.modInverse(N);
            BigInteger v1 = e.multiply(w2).mod(N);
            BigInteger v2 = r2.multiply(w2).mod(N);
            ECPoint infinityKey =
                    G.multiply(v1.multiply(v2.modInverse(N)).negate().mod(N)).normalize();
            assertSame(infinityKey.getEncoded(false), message, der(r2, s));
        }
        assertThat(accepted).isGreaterThanOrEqualTo(80);
        assertBothVerdicts();
    }

    @Test
    void agreesWithBouncyCastleOnMalformedKeys() throws Exception {
        Random random = new Random(1);
        SecureRandom keys = new SecureRandom();
        byte[] privateKey = scheme.generatePrivateKey(keys);
        byte[] key = scheme.publicKey(privateKey);
        byte[] message = "message".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = scheme.sign(privateKey, message);
        assertSame(key, message, signature);
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[0]);
        bad.add(new byte[65]);
        byte[] zeroPoint = new byte[65];
        zeroPoint[0] = 4;
        bad.add(zeroPoint);
        bad.add(new byte[] {0});
        bad.add(java.util.Arrays.copyOf(key, 64));
        bad.add(java.util.Arrays.copyOf(key, 66));
        byte[] compressed = P256.DOMAIN.getCurve().decodePoint(key).getEncoded(true);
        bad.add(compressed);
        for (int prefix : new int[] {0, 2, 3, 5, 6, 7}) {
            byte[] k = key.clone();
            k[0] = (byte) prefix;
            bad.add(k);
        }
        // coordinates at or above p: p itself, and x + p or y + p where that still fits in 32 bytes
        byte[] xIsP = key.clone();
        System.arraycopy(P256FieldTest.bytes(P), 0, xIsP, 1, 32);
        bad.add(xIsP);
        byte[] yIsP = key.clone();
        System.arraycopy(P256FieldTest.bytes(P), 0, yIsP, 33, 32);
        bad.add(yIsP);
        for (int i = 0; i < 30; i++) {
            ECPoint small = smallXPoint(random);
            byte[] plain = small.getEncoded(false);
            bad.add(plain);
            byte[] xPlusP = plain.clone();
            System.arraycopy(
                    P256FieldTest.bytes(small.getAffineXCoord().toBigInteger().add(P)), 0, xPlusP, 1, 32);
            bad.add(xPlusP);
            byte[] yPlusP = plain.clone();
            BigInteger y = small.getAffineYCoord().toBigInteger();
            if (y.add(P).bitLength() <= 256) {
                System.arraycopy(P256FieldTest.bytes(y.add(P)), 0, yPlusP, 33, 32);
                bad.add(yPlusP);
            }
            byte[] offCurve = key.clone();
            offCurve[33 + random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            bad.add(offCurve);
        }
        for (byte[] k : bad) {
            assertSame(k, message, signature);
        }
        assertThat(rejected).isGreaterThanOrEqualTo(bad.size());
    }

    /** The joint sum on inputs that reach the doubling and infinity branches of the additions. */
    @Test
    void sumOfMultiplesEqualsBouncyCastlesIncludingDoublingAndInfinity() {
        Random random = new Random(2);
        List<BigInteger> scalars = new ArrayList<>(edgeScalars(random));
        scalars.removeIf(v -> v.signum() < 0 || v.compareTo(N) >= 0);
        for (int i = 0; i < 30; i++) {
            scalars.add(BigInteger.valueOf(random.nextInt(1 << 12)));
            scalars.add(new BigInteger(256, random).mod(N));
            scalars.add(BigInteger.ONE.shiftLeft(random.nextInt(256)).mod(N));
            scalars.add(highHammingWeight(random));
        }
        List<ECPoint> keys = new ArrayList<>();
        keys.add(G);
        keys.add(G.negate());
        keys.add(G.twice());
        keys.add(G.multiply(BigInteger.valueOf(3)).negate());
        keys.add(G.multiply(N.subtract(BigInteger.ONE)));
        keys.add(G.multiply(new BigInteger(256, random).mod(N)));
        int infinities = 0;
        for (ECPoint q : keys) {
            q = q.normalize();
            P256Verifier.PublicKey key = P256Verifier.parse(q.getEncoded(false));
            assertThat(key).isNotNull();
            for (int i = 0; i < scalars.size(); i++) {
                BigInteger u1 = scalars.get(i);
                BigInteger u2 = scalars.get((i * 13 + 5) % scalars.size());
                for (BigInteger[] pair : new BigInteger[][] {{u1, u2}, {u1, u1}, {u2, u2}}) {
                    ECPoint expected =
                            G.multiply(pair[0]).add(q.multiply(pair[1])).normalize();
                    P256Point actual = P256Verifier.sumOfMultiples(pair[0], key, pair[1]);
                    if (expected.isInfinity()) {
                        infinities++;
                        assertThat(actual.isInfinity())
                                .as("u1 %s u2 %s", pair[0], pair[1])
                                .isTrue();
                        continue;
                    }
                    assertThat(actual.isInfinity()).isFalse();
                    long[] zInv = P256Field.create();
                    P256Field.invert(actual.z, zInv);
                    long[] zInv2 = P256Field.create();
                    P256Field.square(zInv, zInv2);
                    long[] ax = P256Field.create();
                    P256Field.mul(actual.x, zInv2, ax);
                    long[] ay = P256Field.create();
                    P256Field.mul(zInv2, zInv, zInv2);
                    P256Field.mul(actual.y, zInv2, ay);
                    assertThat(P256Field.toBigInteger(ax))
                            .as("u1 %s u2 %s", pair[0], pair[1])
                            .isEqualTo(expected.getAffineXCoord().toBigInteger());
                    assertThat(P256Field.toBigInteger(ay))
                            .isEqualTo(expected.getAffineYCoord().toBigInteger());
                }
            }
        }
        assertThat(infinities).isPositive(); // e.g. u1 = u2 with Q = -G
    }

    private void assertSame(byte[] key, byte[] message, byte[] signature) {
        boolean expected = bouncyCastle(key, message, signature);
        boolean actual = scheme.verify(key, message, signature);
        assertThat(actual)
                .as(
                        "key %s, signature %s, message %s",
                        HEX.formatHex(key), HEX.formatHex(signature), HEX.formatHex(message))
                .isEqualTo(expected);
        if (expected) {
            accepted++;
        } else {
            rejected++;
        }
    }

    private void assertBothVerdicts() {
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    /** The verdict of the code path this project used before ADR 0026: BouncyCastle all the way. */
    static boolean bouncyCastle(byte[] key, byte[] message, byte[] signature) {
        ECPublicKeyParameters parsed;
        try {
            parsed = P256.publicKey(key);
        } catch (CryptoException e) {
            return false;
        }
        DSADigestSigner verifier = new DSADigestSigner(
                new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest(),
                StandardDSAEncoding.INSTANCE);
        verifier.init(false, parsed);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static List<BigInteger> edgeScalars(Random random) {
        BigInteger one = BigInteger.ONE;
        List<BigInteger> v = new ArrayList<>(List.of(
                BigInteger.ZERO,
                one,
                BigInteger.TWO,
                N.subtract(one),
                N.subtract(BigInteger.TWO),
                N,
                N.add(one),
                P.subtract(one),
                P,
                one.shiftLeft(255),
                one.shiftLeft(256).subtract(one),
                N.shiftRight(1),
                N.shiftRight(1).add(one)));
        v.add(highHammingWeight(random));
        return v;
    }

    private static BigInteger highHammingWeight(Random random) {
        BigInteger v = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        for (int i = 0; i < 8; i++) {
            v = v.clearBit(random.nextInt(256));
        }
        return v.mod(N);
    }

    /** DER of (r, s) as BouncyCastle would encode it, but also for values it refuses (≥ n, negative). */
    private static byte[] der(BigInteger r, BigInteger s) {
        byte[] a = r.toByteArray();
        byte[] b = s.toByteArray();
        byte[] out = new byte[6 + a.length + b.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + a.length + b.length);
        out[2] = 0x02;
        out[3] = (byte) a.length;
        System.arraycopy(a, 0, out, 4, a.length);
        out[4 + a.length] = 0x02;
        out[5 + a.length] = (byte) b.length;
        System.arraycopy(b, 0, out, 6 + a.length, b.length);
        return out;
    }

    /** Encodings of (r, s) that differ from the canonical DER: each must be refused by both. */
    private static List<byte[]> derVariants(BigInteger r, BigInteger s) {
        List<byte[]> v = new ArrayList<>();
        byte[] canonical = der(r, s);
        // a needless leading zero in r, then in s
        byte[] a = r.toByteArray();
        byte[] padded = new byte[a.length + 1];
        System.arraycopy(a, 0, padded, 1, a.length);
        v.add(der(new BigInteger(padded), s)); // same value: canonical again (control)
        v.add(rawDer(padded, s.toByteArray()));
        byte[] b = s.toByteArray();
        byte[] paddedS = new byte[b.length + 1];
        System.arraycopy(b, 0, paddedS, 1, b.length);
        v.add(rawDer(a, paddedS));
        // negative r and s
        v.add(der(r.negate(), s));
        v.add(der(r, s.negate()));
        // long-form sequence length
        byte[] longForm = new byte[canonical.length + 1];
        longForm[0] = 0x30;
        longForm[1] = (byte) 0x81;
        System.arraycopy(canonical, 1, longForm, 2, canonical.length - 1);
        v.add(longForm);
        // indefinite length (BER)
        byte[] indefinite = new byte[canonical.length + 2];
        System.arraycopy(canonical, 0, indefinite, 0, canonical.length);
        indefinite[1] = (byte) 0x80;
        v.add(indefinite);
        // trailing bytes, inside and outside the sequence
        byte[] trailing = java.util.Arrays.copyOf(canonical, canonical.length + 1);
        v.add(trailing);
        byte[] inside = java.util.Arrays.copyOf(canonical, canonical.length + 2);
        inside[1] = (byte) (inside[1] + 2);
        inside[canonical.length] = 0x05; // NULL
        v.add(inside);
        // truncated, wrong tags, a third integer
        v.add(java.util.Arrays.copyOf(canonical, canonical.length - 1));
        byte[] wrongTag = canonical.clone();
        wrongTag[2] = 0x03;
        v.add(wrongTag);
        byte[] setTag = canonical.clone();
        setTag[0] = 0x31;
        v.add(setTag);
        byte[] three = java.util.Arrays.copyOf(canonical, canonical.length + 3);
        three[1] = (byte) (three[1] + 3);
        three[canonical.length] = 0x02;
        three[canonical.length + 1] = 0x01;
        three[canonical.length + 2] = 0x01;
        v.add(three);
        // one integer only, and an empty integer
        v.add(rawDer(a));
        v.add(rawDer(new byte[0], b));
        return v;
    }

    private static byte[] rawDer(byte[]... integers) {
        int length = 0;
        for (byte[] i : integers) {
            length += 2 + i.length;
        }
        byte[] out = new byte[2 + length];
        out[0] = 0x30;
        out[1] = (byte) length;
        int at = 2;
        for (byte[] i : integers) {
            out[at] = 0x02;
            out[at + 1] = (byte) i.length;
            System.arraycopy(i, 0, out, at + 2, i.length);
            at += 2 + i.length;
        }
        return out;
    }

    private static BigInteger curveB() {
        return P256.DOMAIN.getCurve().getB().toBigInteger();
    }

    /** A curve point with x below 2^200, so that x + p still fits in 32 bytes. */
    private static ECPoint smallXPoint(Random random) {
        while (true) {
            BigInteger x = new BigInteger(200, random);
            BigInteger rhs = x.pow(3)
                    .subtract(x.multiply(BigInteger.valueOf(3)))
                    .add(curveB())
                    .mod(P);
            BigInteger y = rhs.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
            if (y.multiply(y).mod(P).equals(rhs)) {
                return P256.DOMAIN.getCurve().createPoint(x, y);
            }
        }
    }
}
