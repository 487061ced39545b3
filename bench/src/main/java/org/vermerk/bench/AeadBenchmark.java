package org.vermerk.bench;

import java.util.concurrent.TimeUnit;
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
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.internal.Aead;
import org.vermerk.protocol.crypto.internal.BcAead;
import org.vermerk.protocol.crypto.internal.JdkAesGcm;

/**
 * AES-128-GCM seal and open, the JDK provider ({@code AES/GCM/NoPadding}) against BouncyCastle's
 * {@code GCMBlockCipher}, both through the engine's own {@link Aead} adapters, so that each call
 * costs what the engine pays (a fresh cipher per message). Payloads from a chat message to an
 * attachment chunk. Sample mode, so that JMH reports the median (p0.50) per benchmark.
 *
 * <p>Each trial first runs both adapters 20,000 times on 1 KiB, as an application does all day.
 * Without that, the 1 MiB trials call the JDK cipher too few times for C2 to compile its
 * intrinsic AES-GCM path, and would measure the interpreter (about 40 MB/s) instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AeadBenchmark {
    @Param({"64", "1024", "16384", "1048576"})
    int size;

    private final Aead jdk = new JdkAesGcm(16);
    private final Aead bc = BcAead.aesGcm(16);
    private final byte[] key = new byte[16];
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[32];
    private byte[] plaintext;
    private byte[] sealed;

    @Setup
    public void setUp() {
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        plaintext = new byte[size];
        for (int i = 0; i < size; i++) {
            plaintext[i] = (byte) i;
        }
        sealed = jdk.seal(key, nonce, aad, plaintext);
        byte[] small = new byte[1024];
        for (int i = 0; i < 20_000; i++) {
            try {
                jdk.open(key, nonce, aad, jdk.seal(key, nonce, aad, small));
                bc.open(key, nonce, aad, bc.seal(key, nonce, aad, small));
            } catch (CryptoException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Benchmark
    public byte[] sealJdk() {
        return jdk.seal(key, nonce, aad, plaintext);
    }

    @Benchmark
    public byte[] sealBouncyCastle() {
        return bc.seal(key, nonce, aad, plaintext);
    }

    @Benchmark
    public byte[] openJdk() throws CryptoException {
        return jdk.open(key, nonce, aad, sealed);
    }

    @Benchmark
    public byte[] openBouncyCastle() throws CryptoException {
        return bc.open(key, nonce, aad, sealed);
    }
}
