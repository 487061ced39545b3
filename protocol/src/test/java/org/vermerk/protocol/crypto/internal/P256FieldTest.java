package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link P256Field} computes what {@link BigInteger} arithmetic modulo p computes, on random
 * elements and on the edge values where carries and the final subtraction of p happen (0, 1,
 * p - 1, p - 2, 2^255, 2^224, limbs all ones below p, and values just below p in every limb).
 */
class P256FieldTest {
    private static final BigInteger P = P256Field.P;

    @Test
    void arithmeticEqualsBigIntegersModP() {
        Random random = new Random(256);
        List<BigInteger> values = new ArrayList<>(edgeValues());
        for (int i = 0; i < 3000; i++) {
            values.add(new BigInteger(256, random).mod(P));
        }
        long[] r = P256Field.create();
        for (int i = 0; i < values.size(); i++) {
            BigInteger a = values.get(i);
            BigInteger b = values.get((i * 7 + 3) % values.size());
            long[] fa = P256Field.of(a);
            long[] fb = P256Field.of(b);
            assertThat(P256Field.toBigInteger(fa)).isEqualTo(a);
            P256Field.mul(fa, fb, r);
            assertThat(P256Field.toBigInteger(r))
                    .as("%s · %s", a, b)
                    .isEqualTo(a.multiply(b).mod(P));
            P256Field.add(fa, fb, r);
            assertThat(P256Field.toBigInteger(r))
                    .as("%s + %s", a, b)
                    .isEqualTo(a.add(b).mod(P));
            P256Field.sub(fa, fb, r);
            assertThat(P256Field.toBigInteger(r))
                    .as("%s - %s", a, b)
                    .isEqualTo(a.subtract(b).mod(P));
            P256Field.square(fa, r);
            assertThat(P256Field.toBigInteger(r)).isEqualTo(a.multiply(a).mod(P));
            assertThat(P256Field.equal(fa, fb)).isEqualTo(a.equals(b));
            if (i % 50 == 0 && a.signum() != 0) {
                P256Field.invert(fa, r);
                assertThat(P256Field.toBigInteger(r)).isEqualTo(a.modInverse(P));
            }
        }
    }

    /**
     * The same on the edge values as the limbs themselves (the Montgomery form the operations see),
     * not converted by {@code of}, which would turn them into effectively random limbs: the
     * element whose limbs are W stands for W·R⁻¹ mod p (R = 2^256).
     */
    @Test
    void edgeLimbPatternsComputeWhatBigIntegersDo() {
        BigInteger rInverse = BigInteger.ONE.shiftLeft(256).modInverse(P);
        List<BigInteger> raw = edgeValues();
        long[] r = P256Field.create();
        for (BigInteger wa : raw) {
            for (BigInteger wb : raw) {
                long[] fa = P256Field.words(wa);
                long[] fb = P256Field.words(wb);
                BigInteger a = wa.multiply(rInverse).mod(P);
                BigInteger b = wb.multiply(rInverse).mod(P);
                assertThat(P256Field.toBigInteger(fa)).isEqualTo(a);
                P256Field.mul(fa, fb, r);
                assertThat(P256Field.toBigInteger(r))
                        .as("limbs %s · %s", wa, wb)
                        .isEqualTo(a.multiply(b).mod(P));
                P256Field.add(fa, fb, r);
                assertThat(P256Field.toBigInteger(r))
                        .as("limbs %s + %s", wa, wb)
                        .isEqualTo(a.add(b).mod(P));
                P256Field.sub(fa, fb, r);
                assertThat(P256Field.toBigInteger(r))
                        .as("limbs %s - %s", wa, wb)
                        .isEqualTo(a.subtract(b).mod(P));
                P256Field.square(fa, r);
                assertThat(P256Field.toBigInteger(r))
                        .as("limbs %s²", wa)
                        .isEqualTo(a.multiply(a).mod(P));
            }
        }
    }

    @Test
    void decodeRefusesNumbersFromPUp() {
        long[] r = P256Field.create();
        assertThat(P256Field.decode(bytes(P.subtract(BigInteger.ONE)), 0, r)).isTrue();
        assertThat(P256Field.toBigInteger(r)).isEqualTo(P.subtract(BigInteger.ONE));
        assertThat(P256Field.decode(bytes(P), 0, r)).isFalse();
        assertThat(P256Field.decode(bytes(P.add(BigInteger.ONE)), 0, r)).isFalse();
        assertThat(P256Field.decode(bytes(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), 0, r))
                .isFalse();
        byte[] out = new byte[32];
        BigInteger v = new BigInteger("123456789abcdef0123456789abcdef", 16);
        P256Field.encode(P256Field.of(v), out, 0);
        assertThat(out).isEqualTo(bytes(v));
    }

    static List<BigInteger> edgeValues() {
        List<BigInteger> v = new ArrayList<>();
        BigInteger one = BigInteger.ONE;
        v.add(BigInteger.ZERO);
        v.add(one);
        v.add(BigInteger.TWO);
        v.add(P.subtract(one));
        v.add(P.subtract(BigInteger.TWO));
        v.add(one.shiftLeft(255));
        v.add(one.shiftLeft(224));
        v.add(one.shiftLeft(192).subtract(one));
        v.add(one.shiftLeft(64).subtract(one));
        v.add(one.shiftLeft(128).subtract(one));
        v.add(P.shiftRight(1));
        v.add(P.subtract(one.shiftLeft(64)));
        v.add(P.subtract(one.shiftLeft(128)));
        v.add(P.subtract(one.shiftLeft(192)));
        // top limb 0xFFFFFFFF00000000: just below p's, with the lower limbs empty or full
        v.add(new BigInteger("FFFFFFFF00000000", 16).shiftLeft(192));
        v.add(new BigInteger("FFFFFFFF00000000", 16)
                .shiftLeft(192)
                .add(one.shiftLeft(192).subtract(one)));
        return v;
    }

    static byte[] bytes(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
