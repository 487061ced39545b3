package org.vermerk.bench;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;

/**
 * Ed25519 verification of one signature over a message the size of a 1 KiB application message's
 * signed content (1,300 bytes), by the same key each time as in a conversation: BouncyCastle's
 * {@code Ed25519PublicKeyParameters.verify} (key parsed once) against the engine's suite 1
 * ({@code CipherSuite.verify}, our own verifier with its cached key tables, ADR 0025). Sample
 * mode: JMH reports the median per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ed25519VerifyBenchmark {
    @Param({"1300"})
    int size;

    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;
    private Bytes key;
    private Ed25519PublicKeyParameters bcKey;
    private CipherSuite engine;

    @Setup
    public void setUp() throws UnsupportedCipherSuiteException {
        Random random = new Random(25519);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        publicKey = new byte[32];
        Ed25519.generatePublicKey(secret, 0, publicKey, 0);
        message = new byte[size];
        random.nextBytes(message);
        signature = new byte[64];
        Ed25519.sign(secret, 0, publicKey, 0, message, 0, message.length, signature, 0);
        key = Bytes.of(publicKey);
        bcKey = new Ed25519PublicKeyParameters(publicKey);
        engine = CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519, new SecureRandom());
        if (!verifyEngine() || !verifyBouncyCastle()) {
            throw new IllegalStateException("the signature does not verify");
        }
    }

    @Benchmark
    public boolean verifyBouncyCastle() {
        return bcKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    @Benchmark
    public boolean verifyEngine() {
        return engine.verify(key, message, signature);
    }
}
