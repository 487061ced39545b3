package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * {@link Sha256}'s HMAC and HKDF-Expand: the published test vectors, then agreement with
 * BouncyCastle's {@code HMac} and {@code HKDFBytesGenerator} (which the suite used before) for
 * keys around and beyond the block size, empty keys and multi-block outputs.
 */
class Sha256Test {
    private static final HexFormat HEX = HexFormat.of();

    /** SOURCE: RFC 4231 §4.3 (test case 2) and §4.7 (test case 6, a key longer than a block). */
    @Test
    void hmacMatchesRfc4231() {
        assertThat(HEX.formatHex(Sha256.hmac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        byte[] longKey = new byte[131];
        Arrays.fill(longKey, (byte) 0xaa);
        assertThat(HEX.formatHex(Sha256.hmac(
                        longKey,
                        "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    /** SOURCE: RFC 5869 Appendix A.1 (test case 1: extract, then a two-block expand to 42 bytes). */
    @Test
    void hkdfMatchesRfc5869() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] prk = Sha256.hmac(HEX.parseHex("000102030405060708090a0b0c"), ikm);
        assertThat(HEX.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(Sha256.hkdfExpand(prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void agreesWithBouncyCastle() {
        Random random = new Random(7);
        for (int keyLength : new int[] {0, 1, 16, 32, 63, 64, 65, 200}) {
            for (int dataLength : new int[] {0, 1, 55, 56, 64, 1000}) {
                byte[] key = bytes(random, keyLength);
                byte[] data = bytes(random, dataLength);
                assertThat(Sha256.hmac(key, data)).isEqualTo(bcHmac(key, data));
                assertThat(Sha256.hmac(
                                key,
                                Arrays.copyOf(data, dataLength / 2),
                                Arrays.copyOfRange(data, dataLength / 2, dataLength)))
                        .isEqualTo(bcHmac(key, data));
                assertThat(Sha256.hash(data)).isEqualTo(bcHash(data));
            }
        }
        for (int length : new int[] {0, 12, 16, 32, 33, 64, 100, 255 * 32}) {
            byte[] prk = bytes(random, 32);
            byte[] info = bytes(random, 40);
            assertThat(Sha256.hkdfExpand(prk, info, length)).isEqualTo(bcExpand(prk, info, length));
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] bcHmac(byte[] key, byte[] data) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[32];
        hmac.doFinal(out, 0);
        return out;
    }

    private static byte[] bcHash(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] bcExpand(byte[] prk, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(prk, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }
}
