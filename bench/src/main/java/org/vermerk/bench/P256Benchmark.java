package org.vermerk.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;

/**
 * P-256 operations of suite 2 side by side (ADR 0026), sample mode (JMH reports the median per
 * call):
 *
 * <ul>
 *   <li>ECDSA verification of one signature over 1,300 bytes (a 1 KiB application message's signed
 *       content) by the same key each time, as in a conversation: BouncyCastle's {@code
 *       DSADigestSigner} (key parsed once, a fresh signer per call, as the engine had it before ADR
 *       0026) against the engine's suite 2 ({@code CipherSuite.verify}, {@code P256Verifier});
 *   <li>the engine's signing (BouncyCastle, RFC 6979), for scale;
 *   <li>the scalar multiplications behind DHKEM(P-256) and key derivation: the variable-base one
 *       of ECDH by BouncyCastle's default multiplier (width-w NAF: its running time depends on the
 *       secret scalar) and by {@code ECAlgorithms.multiplySecret} (fixed window, cache-safe table),
 *       which its {@code ECDHCBasicAgreement} uses; k·G by the default multiplier and by the
 *       fixed-base comb.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class P256Benchmark {
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CustomNamedCurves.getByName("P-256"));

    private byte[] message;
    private byte[] signature;
    private Bytes key;
    private ECPublicKeyParameters bcKey;
    private CipherSuite engine;
    private org.vermerk.protocol.crypto.Secret signingKey;
    private BigInteger scalar;
    private ECPoint peer;

    @Setup
    public void setUp() throws Exception {
        Random random = new Random(256);
        engine = CipherSuites.byId(CipherSuites.P256_AES128GCM_SHA256_P256, new SecureRandom());
        var pair = engine.generateSignatureKeyPair();
        signingKey = pair.privateKey();
        key = pair.publicKey();
        message = new byte[1300];
        random.nextBytes(message);
        signature = engine.sign(signingKey, message);
        bcKey = new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(key.toByteArray()), DOMAIN);
        scalar = new BigInteger(256, random).mod(DOMAIN.getN());
        peer = DOMAIN.getG()
                .multiply(new BigInteger(256, random).mod(DOMAIN.getN()))
                .normalize();
        if (!verifyEngine() || !verifyBouncyCastle()) {
            throw new IllegalStateException("the signature does not verify");
        }
    }

    @Benchmark
    public boolean verifyBouncyCastle() {
        DSADigestSigner verifier = new DSADigestSigner(
                new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest(),
                StandardDSAEncoding.INSTANCE);
        verifier.init(false, bcKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Benchmark
    public boolean verifyEngine() {
        return engine.verify(key, message, signature);
    }

    @Benchmark
    public byte[] signEngine() throws Exception {
        return engine.sign(signingKey, message);
    }

    @Benchmark
    public ECPoint ecdhBouncyCastleWnaf() {
        return peer.multiply(scalar).normalize();
    }

    /** What {@code ECDHCBasicAgreement} does in BouncyCastle 1.87 (fixed window, cache-safe table). */
    @Benchmark
    public ECPoint ecdhBouncyCastleConstantTime() {
        return ECAlgorithms.multiplySecret(peer, scalar).normalize();
    }

    /** k·G by the curve's default multiplier (width-w NAF), as {@code P256.publicKeyOf} had it. */
    @Benchmark
    public ECPoint publicKeyBouncyCastleWnaf() {
        return DOMAIN.getG().multiply(scalar).normalize();
    }

    /** k·G by the fixed-base comb (constant-time table lookups) that BouncyCastle's signing uses. */
    @Benchmark
    public ECPoint publicKeyBouncyCastleComb() {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), scalar).normalize();
    }
}
