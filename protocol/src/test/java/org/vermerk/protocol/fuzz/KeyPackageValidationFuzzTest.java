package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackageValidator;

/**
 * Fuzzes KeyPackage validation (RFC 9420 §10.1) as a client does it on a KeyPackage from the
 * delivery service: arbitrary bytes are decoded as an MLSMessage and, when they carry a KeyPackage,
 * validated at a fixed time by the validator of the KeyPackage's own suite when the engine
 * implements it (so that P-256 keys and signatures are fuzzed too), else by suite 1's (which refuses
 * it with KEYPACKAGE-2). Only the engine's MlsExceptions may come out, within {@link FuzzBudget}.
 * The corpus holds KeyPackages of the official vectors and KeyPackages that fail single rules.
 */
class KeyPackageValidationFuzzTest {
    private static final Decoder<MlsMessage> DECODER = MlsMessage::decode;
    private static final Map<Integer, KeyPackageValidator> VALIDATORS = validators();

    private static Map<Integer, KeyPackageValidator> validators() {
        Map<Integer, KeyPackageValidator> validators = new HashMap<>();
        for (int suite : CipherSuites.implemented()) {
            try {
                validators.put(suite, new KeyPackageValidator(CipherSuites.byId(suite), FuzzFixtures.CLOCK));
            } catch (UnsupportedCipherSuiteException e) {
                throw new AssertionError(e);
            }
        }
        return Map.copyOf(validators);
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void decodesAndValidatesOrFailsWithMlsException(byte[] input) {
        FuzzBudget.check(input.length, () -> {
            if (DECODER.decodeAll(input) instanceof MlsMessage.OfKeyPackage(KeyPackage keyPackage)) {
                VALIDATORS
                        .getOrDefault(
                                keyPackage.cipherSuite(), VALIDATORS.get(CipherSuites.X25519_AES128GCM_SHA256_ED25519))
                        .validate(keyPackage);
            }
        });
    }
}
