package org.vermerk.bench.mls;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.keypackage.KeyPackage;

/**
 * The creator of a fresh group adds N members in one commit: the time to create the commit and the
 * Welcome (KeyPackage validation, the tree, the path, the key schedule, one HPKE encryption of the
 * group secrets per new member, the signed GroupInfo with the ratchet tree). The KeyPackages are
 * made in setup. The commit is discarded after each shot, so every shot adds the same N members to
 * the same one-member group. Sizes: {@link MlsMessageSizes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class AddMembersBenchmark {
    @Param({"1", "2"})
    int suite;

    @Param({"10", "100", "1000"})
    int members;

    private Group creator;
    private List<KeyPackage> keyPackages;

    @Setup(Level.Trial)
    public void setUp() throws MlsException {
        MlsFixture fixture = new MlsFixture(suite);
        creator = fixture.create(fixture.identity("creator"));
        keyPackages = fixture.publicKeyPackages(members);
        // The same amount of warm-up work for each N (about 2,000 members added), so that the
        // small N are measured compiled, as in a client that has been running for a while.
        for (int i = 0; i < Math.max(1, 2_000 / members); i++) {
            creator.addMembers(keyPackages);
            creator.discardPendingCommit();
        }
    }

    @Benchmark
    public CreatedCommit addMembers() throws MlsException {
        return creator.addMembers(keyPackages);
    }

    @TearDown(Level.Invocation)
    public void discard() {
        creator.discardPendingCommit();
    }
}
