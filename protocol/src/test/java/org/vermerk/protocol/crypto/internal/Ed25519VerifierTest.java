package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519Verifier} accepts exactly what BouncyCastle's Ed25519 verification accepts: RFC
 * 8032 §7.1's test vectors, then a differential test on many thousands of inputs — valid
 * signatures of random keys and messages, each mutated (bits of R, S, the key and the message),
 * and the edge encodings BouncyCastle treats specially: S = L and above, non-canonical y (≥ p),
 * x = 0 with the sign bit, all 8 small-order points as R and as the key, keys and R of mixed
 * order with signatures that hold only under the cofactored equation. Every input must get the
 * same verdict from both; the test also counts that both verdicts occur in each family, so that
 * it cannot pass by rejecting (or accepting) everything.
 */
class Ed25519VerifierTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 §7.1, TEST 1, 2 and 3: secret key, public key, message, signature. */
    private static final String[][] RFC8032_VECTORS = {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                    + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                    + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    private int accepted;
    private int rejected;

    @Test
    void acceptsTheRfc8032VectorsAndRejectsThemAltered() {
        for (String[] v : RFC8032_VECTORS) {
            byte[] publicKey = HEX.parseHex(v[1]);
            byte[] message = HEX.parseHex(v[2]);
            byte[] signature = HEX.parseHex(v[3]);
            byte[] derived = new byte[32];
            Ed25519.generatePublicKey(HEX.parseHex(v[0]), 0, derived, 0);
            assertThat(derived).isEqualTo(publicKey);
            assertThat(verify(publicKey, message, signature)).isTrue();
            for (int bit = 0; bit < 512; bit += 7) {
                byte[] altered = signature.clone();
                altered[bit >>> 3] ^= (byte) (1 << (bit & 7));
                assertThat(verify(publicKey, message, altered)).isFalse();
            }
            assertThat(verify(publicKey, append(message, (byte) 0), signature)).isFalse();
        }
    }

    @Test
    void agreesWithBouncyCastleOnRandomSignaturesAndTheirMutations() {
        Random random = new Random(8032);
        for (int i = 0; i < 1500; i++) {
            byte[] secret = bytes(random, 32);
            byte[] publicKey = new byte[32];
            Ed25519.generatePublicKey(secret, 0, publicKey, 0);
            byte[] message = bytes(random, random.nextInt(i % 10 == 0 ? 3000 : 200));
            byte[] signature = new byte[64];
            Ed25519.sign(secret, 0, publicKey, 0, message, 0, message.length, signature, 0);
            same(publicKey, message, signature);

            byte[] badSignature = signature.clone();
            badSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            same(publicKey, message, badSignature);
            byte[] badKey = publicKey.clone();
            badKey[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            same(badKey, message, signature);
            if (message.length > 0) {
                byte[] badMessage = message.clone();
                badMessage[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                same(publicKey, badMessage, signature);
            }
            byte[] randomR = signature.clone();
            System.arraycopy(bytes(random, 32), 0, randomR, 0, 32);
            same(publicKey, message, randomR);
            same(bytes(random, 32), message, signature);
            // S + L (and S + 2L ... while below 2^256) denote the same scalar: BouncyCastle refuses them.
            BigInteger s = littleEndian(signature, 32);
            for (BigInteger big = s.add(Ed25519Scalar.L); big.bitLength() <= 256; big = big.add(Ed25519Scalar.L)) {
                same(publicKey, message, withS(signature, big));
            }
        }
        assertThat(accepted).isGreaterThanOrEqualTo(1500);
        assertThat(rejected).isGreaterThan(6000);
    }

    @Test
    void agreesWithBouncyCastleOnEdgeEncodings() {
        Random random = new Random(25519);
        List<byte[]> edges = edgeEncodings();
        byte[] secret = bytes(random, 32);
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(secret, 0, publicKey, 0);
        byte[] message = bytes(random, 100);
        byte[] signature = new byte[64];
        Ed25519.sign(secret, 0, publicKey, 0, message, 0, message.length, signature, 0);
        same(publicKey, message, signature);
        for (byte[] edge : edges) {
            same(edge, message, signature); // as the key
            byte[] r = signature.clone();
            System.arraycopy(edge, 0, r, 0, 32);
            same(publicKey, message, r); // as R
            for (byte[] key : edges) {
                same(key, message, r);
            }
        }
        for (BigInteger s : List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                Ed25519Scalar.L.subtract(BigInteger.ONE),
                Ed25519Scalar.L,
                Ed25519Scalar.L.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(253),
                BigInteger.ONE.shiftLeft(255),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))) {
            same(publicKey, message, withS(signature, s));
            for (byte[] edge : edges) {
                byte[] sig = withS(signature, s);
                System.arraycopy(edge, 0, sig, 0, 32);
                same(publicKey, message, sig);
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isGreaterThan(1000);
    }

    /**
     * Signatures that hold only under the cofactored equation: R or the key carries a component
     * of small order. BouncyCastle accepts them (it multiplies by 8); a cofactorless check would
     * not, so this pins the equation.
     */
    @Test
    void agreesWithBouncyCastleOnMixedOrderKeysAndR() throws NoSuchAlgorithmException {
        Random random = new Random(8);
        List<TestPoint> torsion = TestPoint.torsion();
        int acceptedBefore = accepted;
        for (int i = 0; i < 100; i++) {
            byte[] secret = bytes(random, 32);
            BigInteger a = secretScalar(secret);
            TestPoint bigA = TestPoint.base().times(a);
            TestPoint t = torsion.get(i % torsion.size());
            BigInteger r = new BigInteger(300, random).mod(Ed25519Scalar.L);
            TestPoint bigR = TestPoint.base().times(r);
            byte[] message = bytes(random, 40);
            // R = [r]B + T, key A
            forgeAndCompare(bigA.encode(), bigR.plus(t).encode(), r, a, message);
            // R = [r]B, key A + T
            forgeAndCompare(bigA.plus(t).encode(), bigR.encode(), r, a, message);
            // both
            forgeAndCompare(bigA.plus(t).encode(), bigR.plus(torsion.get(i % 3)).encode(), r, a, message);
        }
        assertThat(accepted - acceptedBefore).isGreaterThan(150);
    }

    private void forgeAndCompare(byte[] key, byte[] encodedR, BigInteger r, BigInteger a, byte[] message)
            throws NoSuchAlgorithmException {
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        sha512.update(encodedR);
        sha512.update(key);
        sha512.update(message);
        BigInteger k = littleEndian(sha512.digest(), 0).mod(Ed25519Scalar.L);
        BigInteger s = r.add(k.multiply(a)).mod(Ed25519Scalar.L);
        byte[] signature = new byte[64];
        System.arraycopy(encodedR, 0, signature, 0, 32);
        same(key, message, withS(signature, s));
    }

    /**
     * Encodings BouncyCastle treats specially: the 8 small-order points, y = p .. p + 18 (non-canonical,
     * both sign bits), x = 0 with the sign bit (y = ±1), y with no x, all ones.
     */
    static List<byte[]> edgeEncodings() {
        List<byte[]> edges = new ArrayList<>();
        for (TestPoint t : TestPoint.torsion()) {
            byte[] e = t.encode();
            edges.add(e);
            byte[] flipped = e.clone();
            flipped[31] ^= (byte) 0x80;
            edges.add(flipped);
        }
        BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
        for (int i = 0; i < 19; i++) {
            byte[] e = toLittleEndian(p.add(BigInteger.valueOf(i)));
            edges.add(e);
            byte[] signed = e.clone();
            signed[31] |= (byte) 0x80;
            edges.add(signed);
        }
        for (BigInteger y : List.of(BigInteger.ONE, p.subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.TWO)) {
            byte[] e = toLittleEndian(y);
            e[31] |= (byte) 0x80;
            edges.add(e);
            edges.add(toLittleEndian(y));
        }
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        edges.add(ones);
        return edges;
    }

    private void same(byte[] publicKey, byte[] message, byte[] signature) {
        boolean expected = bouncyCastle(publicKey, message, signature);
        boolean actual = verify(publicKey, message, signature);
        assertThat(actual)
                .as(
                        "key %s message %s signature %s",
                        HEX.formatHex(publicKey), HEX.formatHex(message), HEX.formatHex(signature))
                .isEqualTo(expected);
        if (expected) {
            accepted++;
        } else {
            rejected++;
        }
    }

    static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519PublicKeyParameters key;
        try {
            key = new Ed25519PublicKeyParameters(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Verifier.PublicKey key = Ed25519Verifier.parse(publicKey);
        return key != null && Ed25519Verifier.verify(key, message, signature);
    }

    private static BigInteger secretScalar(byte[] secret) throws NoSuchAlgorithmException {
        byte[] h = MessageDigest.getInstance("SHA-512").digest(secret);
        h[0] &= (byte) 0xF8; // RFC 8032 §5.1.5 step 2
        h[31] &= 0x7F;
        h[31] |= 0x40;
        return littleEndian(h, 0).and(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    }

    private static byte[] withS(byte[] signature, BigInteger s) {
        byte[] out = signature.clone();
        System.arraycopy(toLittleEndian(s), 0, out, 32, 32);
        return out;
    }

    static BigInteger littleEndian(byte[] in, int off) {
        int n = Math.min(in.length - off, 64);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = in[off + n - 1 - i];
        }
        return new BigInteger(1, be);
    }

    static byte[] toLittleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] append(byte[] a, byte b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
