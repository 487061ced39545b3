package org.vermerk.bench.mls;

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

/**
 * In a group of 1001 members made by one add commit of its creator, the creator commits a
 * self-update (a fresh path, no proposals): the committer's side. The group is as a freshly
 * created one is: only the creator's direct path is set, so the other copath nodes resolve to
 * their leaves and the path secrets are encrypted to about 1,000 HPKE public keys. The commit is
 * discarded after each shot, so every shot starts from the same epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class SelfUpdateBenchmark {
    @Param({"1", "2"})
    int suite;

    @Param("1001")
    int groupSize;

    private Group committer;

    @Setup(Level.Trial)
    public void setUp() throws MlsException {
        committer = new MlsFixture(suite).bigGroup(groupSize - 2).committer();
    }

    @Benchmark
    public CreatedCommit selfUpdate() throws MlsException {
        return committer.selfUpdate();
    }

    @TearDown(Level.Invocation)
    public void discard() {
        committer.discardPendingCommit();
    }
}
