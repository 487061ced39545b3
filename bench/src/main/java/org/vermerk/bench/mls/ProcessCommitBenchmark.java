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
import org.openjdk.jmh.annotations.Warmup;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.ProcessedMessage;

/**
 * In a group of 1001 members (as in {@link SelfUpdateBenchmark}), another member (the last leaf,
 * joined by the Welcome) receives the creator's self-update commit as bytes and decodes,
 * processes and merges it: the receiver's side. Before each shot the creator makes the next commit
 * and merges it itself (not timed), so both move one epoch per shot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(1)
public class ProcessCommitBenchmark {
    @Param({"1", "2"})
    int suite;

    @Param("1001")
    int groupSize;

    private Group committer;
    private Group processor;
    private byte[] commit;

    @Setup(Level.Trial)
    public void setUp() throws MlsException {
        MlsFixture.Pair pair = new MlsFixture(suite).bigGroup(groupSize - 2);
        committer = pair.committer();
        processor = pair.processor();
    }

    @Setup(Level.Invocation)
    public void nextCommit() throws MlsException {
        CreatedCommit created = committer.selfUpdate();
        committer.mergePendingCommit();
        commit = created.commit().encoded();
    }

    @Benchmark
    public Group processAndMerge() throws MlsException {
        ProcessedMessage.CommitMessage processed =
                (ProcessedMessage.CommitMessage) processor.process(MlsFixture.decode(commit));
        processor.mergeStagedCommit(processed.staged());
        return processor;
    }
}
