package org.vermerk.protocol.crypto.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.HpkeExport;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;

/**
 * HPKE in base mode (RFC 9180 §5.1.1) on BouncyCastle's {@link HPKE}. Ephemeral keys are derived
 * from the injected random source, so that tests can make encryption deterministic. BouncyCastle
 * rejects null for info and AAD; callers always pass arrays (possibly empty).
 */
final class BcHpke {
    private final HPKE hpke;
    private final KemKeys keys;
    private final SecureRandom random;

    BcHpke(short kemId, short kdfId, short aeadId, KemKeys keys, SecureRandom random) {
        this.hpke = new HPKE(HPKE.mode_base, kemId, kdfId, aeadId);
        this.keys = keys;
        this.random = random;
    }

    KeyPair deriveKeyPair(byte[] ikm) {
        AsymmetricCipherKeyPair pair = hpke.deriveKeyPair(ikm);
        return new KeyPair(
                Secret.wrap(hpke.serializePrivateKey(pair.getPrivate())),
                Bytes.of(hpke.serializePublicKey(pair.getPublic())));
    }

    KeyPair generateKeyPair() {
        byte[] seed = new byte[keys.privateKeyLength];
        random.nextBytes(seed);
        try {
            return deriveKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    Bytes publicKeyOf(Secret privateKey) throws CryptoException {
        byte[] sk = privateKey.expose();
        try {
            return Bytes.of(keys.publicKeyOf(sk));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    HpkeCiphertext seal(Bytes publicKey, byte[] info, byte[] aad, byte[] plaintext) throws CryptoException {
        HPKEContextWithEncapsulation context = hpke.setupBaseS(recipient(publicKey), info, ephemeral());
        try {
            byte[] ciphertext = context.seal(aad, plaintext);
            return new HpkeCiphertext(Bytes.of(context.getEncapsulation()), Bytes.of(ciphertext));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    byte[] open(Secret privateKey, HpkeCiphertext ciphertext, byte[] info, byte[] aad) throws CryptoException {
        HPKEContext context = receiver(privateKey, ciphertext.kemOutput().toByteArray(), info);
        try {
            return context.open(aad, ciphertext.ciphertext().toByteArray());
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException(CryptoRule.HPKE_OPEN, "HPKE ciphertext does not open");
        }
    }

    HpkeExport exportSender(Bytes publicKey, byte[] info, byte[] exporterContext, int length) throws CryptoException {
        HPKEContextWithEncapsulation context = hpke.setupBaseS(recipient(publicKey), info, ephemeral());
        return new HpkeExport(
                Bytes.of(context.getEncapsulation()), Secret.wrap(context.export(exporterContext, length)));
    }

    byte[] exportReceiver(Secret privateKey, byte[] kemOutput, byte[] info, byte[] exporterContext, int length)
            throws CryptoException {
        return receiver(privateKey, kemOutput, info).export(exporterContext, length);
    }

    private AsymmetricCipherKeyPair ephemeral() {
        byte[] seed = new byte[keys.privateKeyLength];
        random.nextBytes(seed);
        try {
            return hpke.deriveKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private AsymmetricKeyParameter recipient(Bytes publicKey) throws CryptoException {
        byte[] pk = publicKey.toByteArray();
        keys.checkPublicKey(pk);
        try {
            return hpke.deserializePublicKey(pk);
        } catch (RuntimeException e) {
            throw new CryptoException(CryptoRule.MALFORMED_PUBLIC_KEY, "HPKE public key does not parse");
        }
    }

    private HPKEContext receiver(Secret privateKey, byte[] kemOutput, byte[] info) throws CryptoException {
        byte[] sk = privateKey.expose();
        try {
            AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(sk, keys.publicKeyOf(sk));
            try {
                return hpke.setupBaseR(kemOutput, pair, info);
            } catch (RuntimeException e) {
                throw new CryptoException(CryptoRule.HPKE_OPEN, "HPKE decapsulation failed");
            }
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }
}
