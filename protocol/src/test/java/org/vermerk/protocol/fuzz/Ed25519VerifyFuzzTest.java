package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;

/**
 * Fuzzes suite 1's signature verification (our own variable-time Ed25519 verifier, ADR 0025)
 * against BouncyCastle's: for every input both must give the same verdict. An input either is a
 * raw (key, signature, message) triple, or — so that the fuzzer also works near valid signatures
 * — a seed for a key whose valid signature of the message is then damaged by XOR masks taken
 * from the input (all-zero masks leave it valid). In the normal build this replays the corpus in
 * {@code src/test/resources/.../Ed25519VerifyFuzzTestInputs}; a long run: {@code JAZZER_FUZZ=1
 * ./mvnw -pl protocol test -Dtest=Ed25519VerifyFuzzTest}.
 */
class Ed25519VerifyFuzzTest {
    private static final CipherSuite SUITE = suite();

    @FuzzTest(maxDuration = "60s")
    void verdictEqualsBouncyCastles(FuzzedDataProvider data) {
        boolean fromSeed = data.consumeBoolean();
        byte[] publicKey;
        byte[] signature;
        byte[] message;
        if (fromSeed) {
            byte[] secret = data.consumeBytes(32);
            secret = java.util.Arrays.copyOf(secret, 32);
            byte[] keyMask = java.util.Arrays.copyOf(data.consumeBytes(32), 32);
            byte[] signatureMask = java.util.Arrays.copyOf(data.consumeBytes(64), 64);
            message = data.consumeRemainingAsBytes();
            publicKey = new byte[32];
            Ed25519.generatePublicKey(secret, 0, publicKey, 0);
            signature = new byte[64];
            Ed25519.sign(secret, 0, publicKey, 0, message, 0, message.length, signature, 0);
            xor(publicKey, keyMask);
            xor(signature, signatureMask);
        } else {
            publicKey = data.consumeBytes(32);
            signature = data.consumeBytes(64);
            message = data.consumeRemainingAsBytes();
        }
        boolean expected = bouncyCastle(publicKey, message, signature);
        boolean actual = SUITE.verify(Bytes.of(publicKey), message, signature);
        if (actual != expected) {
            throw new AssertionError("verdict " + actual + ", BouncyCastle's " + expected + " for key "
                    + Bytes.of(publicKey) + ", signature " + Bytes.of(signature) + ", message " + Bytes.of(message));
        }
    }

    private static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != 32 || signature.length != 64) {
            return false;
        }
        Ed25519PublicKeyParameters key;
        try {
            key = new Ed25519PublicKeyParameters(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    private static void xor(byte[] target, byte[] mask) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= mask[i];
        }
    }

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (UnsupportedCipherSuiteException e) {
            throw new IllegalStateException(e);
        }
    }
}
