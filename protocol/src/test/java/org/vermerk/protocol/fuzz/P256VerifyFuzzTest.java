package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;

/**
 * Fuzzes suite 2's signature verification (our own variable-time ECDSA P-256 verifier, ADR 0026)
 * against BouncyCastle's: for every input both must give the same verdict. An input either is a
 * raw (key, signature, message) triple — 65 bytes of key, then a DER-sized signature (two bytes
 * plus the length its second byte names, as far as the input reaches), then the message — or a
 * seed for a key whose valid RFC 6979 signature of the message is then damaged by XOR masks taken
 * from the input (all-zero masks leave it valid). In the normal build this replays the corpus in
 * {@code src/test/resources/.../P256VerifyFuzzTestInputs}; a long run: {@code JAZZER_FUZZ=1
 * ./mvnw -pl protocol test -Dtest=P256VerifyFuzzTest}.
 */
class P256VerifyFuzzTest {
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CustomNamedCurves.getByName("P-256"));
    private static final CipherSuite SUITE = suite();

    @FuzzTest(maxDuration = "60s")
    void verdictEqualsBouncyCastles(FuzzedDataProvider data) {
        boolean fromSeed = data.consumeBoolean();
        byte[] publicKey;
        byte[] signature;
        byte[] message;
        if (fromSeed) {
            BigInteger d = new BigInteger(1, data.consumeBytes(32))
                    .mod(DOMAIN.getN().subtract(BigInteger.ONE))
                    .add(BigInteger.ONE);
            byte[] keyMask = Arrays.copyOf(data.consumeBytes(65), 65);
            byte[] signatureMask = Arrays.copyOf(data.consumeBytes(72), 72);
            message = data.consumeRemainingAsBytes();
            publicKey = DOMAIN.getG().multiply(d).normalize().getEncoded(false);
            DSADigestSigner signer = signer();
            signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
            signer.update(message, 0, message.length);
            signature = signer.generateSignature();
            xor(publicKey, keyMask);
            xor(signature, signatureMask);
        } else {
            publicKey = data.consumeBytes(65);
            byte[] rest = data.consumeRemainingAsBytes();
            int length = rest.length < 2 ? rest.length : Math.min(rest.length, 2 + (rest[1] & 0xFF));
            signature = Arrays.copyOf(rest, length);
            message = Arrays.copyOfRange(rest, length, rest.length);
        }
        boolean expected = bouncyCastle(publicKey, message, signature);
        boolean actual = SUITE.verify(Bytes.of(publicKey), message, signature);
        if (actual != expected) {
            throw new AssertionError("verdict " + actual + ", BouncyCastle's " + expected + " for key "
                    + Bytes.of(publicKey) + ", signature " + Bytes.of(signature) + ", message " + Bytes.of(message));
        }
    }

    /** BouncyCastle end to end, with the key checks the engine used before ADR 0026 ({@code P256.publicKey}). */
    private static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != 65 || publicKey[0] != 0x04) {
            return false;
        }
        ECPublicKeyParameters key;
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(publicKey);
            key = new ECPublicKeyParameters(DOMAIN.validatePublicPoint(point), DOMAIN);
        } catch (IllegalArgumentException e) {
            return false;
        }
        DSADigestSigner verifier = signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static DSADigestSigner signer() {
        return new DSADigestSigner(
                new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest(),
                StandardDSAEncoding.INSTANCE);
    }

    private static void xor(byte[] target, byte[] mask) {
        for (int i = 0; i < target.length && i < mask.length; i++) {
            target[i] ^= mask[i];
        }
    }

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.P256_AES128GCM_SHA256_P256);
        } catch (UnsupportedCipherSuiteException e) {
            throw new IllegalStateException(e);
        }
    }
}
