package org.vermerk.protocol.crypto;

import java.security.SecureRandom;
import java.util.Set;
import org.vermerk.protocol.crypto.internal.BouncyCastleCipherSuite;

/**
 * The registry of implemented cipher suites (RFC 9420 §17.1):
 *
 * <ul>
 *   <li>1 MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519
 *   <li>2 MLS_128_DHKEMP256_AES128GCM_SHA256_P256
 *   <li>3 MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519
 * </ul>
 */
public final class CipherSuites {
    public static final int X25519_AES128GCM_SHA256_ED25519 = 1;
    public static final int P256_AES128GCM_SHA256_P256 = 2;
    public static final int X25519_CHACHA20POLY1305_SHA256_ED25519 = 3;

    private static final Set<Integer> IMPLEMENTED =
            Set.of(X25519_AES128GCM_SHA256_ED25519, P256_AES128GCM_SHA256_P256, X25519_CHACHA20POLY1305_SHA256_ED25519);
    private static final SecureRandom SYSTEM_RANDOM = new SecureRandom();

    private CipherSuites() {}

    /** The suite with this value, drawing randomness from a shared {@link SecureRandom}. */
    public static CipherSuite byId(int id) throws UnsupportedCipherSuiteException {
        return byId(id, SYSTEM_RANDOM);
    }

    /** The suite with this value, drawing all randomness (keys, HPKE ephemerals) from {@code random}. */
    public static CipherSuite byId(int id, SecureRandom random) throws UnsupportedCipherSuiteException {
        return switch (id) {
            case X25519_AES128GCM_SHA256_ED25519 -> BouncyCastleCipherSuite.x25519Aes128GcmEd25519(random);
            case P256_AES128GCM_SHA256_P256 -> BouncyCastleCipherSuite.p256Aes128GcmP256(random);
            case X25519_CHACHA20POLY1305_SHA256_ED25519 -> BouncyCastleCipherSuite.x25519ChaChaEd25519(random);
            default -> throw new UnsupportedCipherSuiteException(id);
        };
    }

    /** Whether {@link #byId} knows this value. */
    public static boolean isImplemented(int id) {
        return IMPLEMENTED.contains(id);
    }

    /** The implemented suite values. */
    public static Set<Integer> implemented() {
        return IMPLEMENTED;
    }
}
