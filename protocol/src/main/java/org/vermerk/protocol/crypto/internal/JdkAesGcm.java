package org.vermerk.protocol.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;

/**
 * AES-GCM with a 16-byte tag from the JDK's own provider ({@code AES/GCM/NoPadding}), which uses
 * the CPU's AES and carry-less multiply instructions. Chosen over BouncyCastle's GCM for bulk
 * data after measuring both (docs/benchmarks.md). Stateless and thread-safe: each thread re-uses
 * one {@link Cipher} of its own ({@link ThreadLocal}; {@code Cipher.getInstance} cost about as
 * much as sealing a 1 KiB message), re-initialised with the call's key and nonce every time, so no
 * key/nonce pair is ever carried over from one call to the next, and with a fixed zero key after
 * it, so that no key outlives its call there. The JDK refuses to re-initialise
 * an instance for encryption with the key and nonce it last encrypted with; such a call (a nonce
 * reuse that MLS itself never makes) gets a fresh instance, as every call did before.
 */
public final class JdkAesGcm implements Aead {
    private static final int TAG_BITS = 128;
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(JdkAesGcm::newCipher);
    private static final SecretKeySpec ZERO_KEY = new SecretKeySpec(new byte[16], "AES");
    private static final GCMParameterSpec ZERO_NONCE = new GCMParameterSpec(TAG_BITS, new byte[12]);
    private final int keyLength;

    public JdkAesGcm(int keyLength) {
        if (keyLength != 16 && keyLength != 32) {
            throw new IllegalArgumentException("AES key length " + keyLength);
        }
        this.keyLength = keyLength;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public int nonceLength() {
        return 12;
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        checkSizes(key, nonce);
        Cipher cipher = null;
        try {
            cipher = init(Cipher.ENCRYPT_MODE, key, nonce, aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            forgetKey(cipher);
        }
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws CryptoException {
        checkSizes(key, nonce);
        Cipher cipher;
        try {
            cipher = init(Cipher.DECRYPT_MODE, key, nonce, aad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        try {
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new CryptoException(CryptoRule.AEAD_TAG, "AES-GCM tag does not verify");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoRule.AEAD_TAG, "AES-GCM ciphertext is malformed");
        } finally {
            forgetKey(cipher);
        }
    }

    /**
     * Re-initialises the thread's cipher with a fixed all-zero key, so that its key schedule no
     * longer holds the call's key: a message key the secret tree deleted (§9.2), or an HPKE key on a
     * pool thread, must not live on in a cached object until the thread's next call. Decryption
     * mode, because the JDK refuses a repeated key and nonce only for encryption.
     */
    private static void forgetKey(Cipher cipher) {
        if (cipher == null) {
            return;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, ZERO_KEY, ZERO_NONCE);
        } catch (GeneralSecurityException | RuntimeException e) {
            CIPHER.remove(); // a fresh instance next time; this one is dropped with its key
        }
    }

    private static Cipher init(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        SecretKeySpec keySpec = new SecretKeySpec(key, "AES");
        GCMParameterSpec params = new GCMParameterSpec(TAG_BITS, nonce);
        Cipher cipher = CIPHER.get();
        try {
            cipher.init(mode, keySpec, params);
        } catch (InvalidAlgorithmParameterException e) {
            // Same key and nonce as this thread's last encryption: the caller asked for it, the
            // JDK's per-instance guard objects; a fresh instance behaves as before this cache.
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keySpec, params);
            CIPHER.set(cipher);
        }
        cipher.updateAAD(aad);
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
