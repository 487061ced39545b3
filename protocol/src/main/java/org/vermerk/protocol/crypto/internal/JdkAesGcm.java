package org.vermerk.protocol.crypto.internal;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;

/**
 * AES-GCM with a 16-byte tag from the JDK's own provider ({@code AES/GCM/NoPadding}), which uses
 * the CPU's AES and carry-less multiply instructions. Chosen over BouncyCastle's GCM for bulk
 * data after measuring both (docs/benchmarks.md). A fresh {@link Cipher} per call: the JDK refuses
 * to re-initialise one instance with a key and IV it already encrypted with, and instances are not
 * thread-safe.
 */
public final class JdkAesGcm implements Aead {
    private static final int TAG_BITS = 128;
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
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, key, nonce, aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
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
        }
    }

    private static Cipher init(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }
}
