package org.vermerk.protocol.crypto.internal;

import java.util.function.Supplier;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;

/** An AEAD from BouncyCastle's lightweight API: ChaCha20-Poly1305 (RFC 8439), or AES-GCM for comparison. */
public final class BcAead implements Aead {
    private static final int TAG_BITS = 128;

    private final String name;
    private final int keyLength;
    private final Supplier<AEADCipher> cipher;

    private BcAead(String name, int keyLength, Supplier<AEADCipher> cipher) {
        this.name = name;
        this.keyLength = keyLength;
        this.cipher = cipher;
    }

    public static BcAead aesGcm(int keyLength) {
        return new BcAead("AES-GCM", keyLength, () -> GCMBlockCipher.newInstance(AESEngine.newInstance()));
    }

    public static BcAead chaCha20Poly1305() {
        return new BcAead("ChaCha20-Poly1305", 32, ChaCha20Poly1305::new);
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
        AEADCipher c = init(true, key, nonce, aad);
        byte[] out = new byte[c.getOutputSize(plaintext.length)];
        int n = c.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(name + " failed to encrypt", e);
        }
        return out;
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws CryptoException {
        checkSizes(key, nonce);
        if (ciphertext.length < TAG_BITS / 8) {
            throw new CryptoException(CryptoRule.AEAD_TAG, name + " ciphertext shorter than its tag");
        }
        AEADCipher c = init(false, key, nonce, aad);
        byte[] out = new byte[c.getOutputSize(ciphertext.length)];
        int n = c.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(CryptoRule.AEAD_TAG, name + " tag does not verify");
        }
        return out;
    }

    private AEADCipher init(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        AEADCipher c = cipher.get();
        c.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        return c;
    }
}
