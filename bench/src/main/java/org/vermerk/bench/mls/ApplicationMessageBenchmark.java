package org.vermerk.bench.mls;

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
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.ProcessedMessage;
import org.vermerk.protocol.group.SigningIdentity;
import org.vermerk.protocol.keypackage.NewKeyPackage;

/**
 * 1 KiB application messages in a two-member group, single-threaded: {@code roundTrip} encrypts
 * (PrivateMessage: signature, secret-tree ratchet, AEAD, sender-data encryption), encodes, decodes
 * and decrypts (the same in reverse, with signature verification) one message; {@code encrypt}
 * is the sender's part alone, including the encoding. One operation is one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApplicationMessageBenchmark {
    @Param({"1", "2"})
    int suite;

    @Param("1024")
    int size;

    private Group sender;
    private Group receiver;
    private byte[] plaintext;

    @Setup
    public void setUp() throws MlsException {
        MlsFixture fixture = new MlsFixture(suite);
        sender = fixture.create(fixture.identity("alice"));
        SigningIdentity bob = fixture.identity("bob");
        NewKeyPackage bobKp = fixture.keyPackage(bob);
        CreatedCommit created = sender.addMembers(java.util.List.of(bobKp.keyPackage()));
        sender.mergePendingCommit();
        receiver = fixture.join(bob, created.welcome().orElseThrow(), bobKp);
        plaintext = new byte[size];
        for (int i = 0; i < size; i++) {
            plaintext[i] = (byte) (i * 31 + 7);
        }
    }

    @Benchmark
    public ProcessedMessage roundTrip() throws MlsException {
        byte[] wire = sender.encrypt(plaintext, Bytes.EMPTY).encoded();
        return receiver.process(MlsFixture.decode(wire));
    }

    @Benchmark
    public byte[] encrypt() throws MlsException {
        return sender.encrypt(plaintext, Bytes.EMPTY).encoded();
    }
}
