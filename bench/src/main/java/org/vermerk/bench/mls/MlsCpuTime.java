package org.vermerk.bench.mls;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.ProcessedMessage;
import org.vermerk.protocol.group.SigningIdentity;
import org.vermerk.protocol.keypackage.NewKeyPackage;

/**
 * The MLS benchmarks' operations timed in CPU time as well as wall-clock time, for a machine that
 * others share: the JMH numbers follow the load average, CPU time much less. "Per core" figures
 * divide by the benchmark thread's own CPU time ({@link ThreadMXBean}); the self-update, whose
 * HPKE seals run on several threads, reports wall time and the whole process's CPU time.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.vermerk.bench.mls.MlsCpuTime [suite ...]
 * </pre>
 *
 * Prints one line per operation and suite: medians over the rounds, min-max in brackets.
 */
public final class MlsCpuTime {
    private static final int MESSAGE_ROUNDS = 7;
    private static final long MESSAGE_ROUND_NANOS = 2_000_000_000L;
    private static final int COMMIT_WARMUP = 5;
    private static final int COMMIT_ROUNDS = 15;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private MlsCpuTime() {}

    public static void main(String[] args) throws MlsException {
        List<String> suites = args.length == 0 ? List.of("1", "2") : List.of(args);
        System.out.printf(
                "cores %d, load average at start %.1f%n",
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
        for (String suite : suites) {
            messages(Integer.parseInt(suite));
            commits(Integer.parseInt(suite));
        }
        System.out.printf("load average at end %.1f%n", OS.getSystemLoadAverage());
    }

    /** 1 KiB application messages, encrypted, encoded, decoded and decrypted, one at a time. */
    private static void messages(int suite) throws MlsException {
        MlsFixture fixture = new MlsFixture(suite);
        Group sender = fixture.create(fixture.identity("alice"));
        SigningIdentity bob = fixture.identity("bob");
        NewKeyPackage bobKp = fixture.keyPackage(bob);
        CreatedCommit created = sender.addMembers(List.of(bobKp.keyPackage()));
        sender.mergePendingCommit();
        Group receiver = fixture.join(bob, created.welcome().orElseThrow(), bobKp);
        byte[] plaintext = new byte[1024];
        Arrays.fill(plaintext, (byte) 7);

        double[] perCpuSecond = new double[MESSAGE_ROUNDS];
        double[] perWallSecond = new double[MESSAGE_ROUNDS];
        for (int round = -2; round < MESSAGE_ROUNDS; round++) { // two rounds of warm-up
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long count = 0;
            while (System.nanoTime() - wall0 < MESSAGE_ROUND_NANOS) {
                byte[] wire = sender.encrypt(plaintext, Bytes.EMPTY).encoded();
                if (!(receiver.process(MlsFixture.decode(wire)) instanceof ProcessedMessage.ApplicationMessage)) {
                    throw new IllegalStateException("not an application message");
                }
                count++;
            }
            if (round >= 0) {
                perCpuSecond[round] = count * 1e9 / (THREADS.getCurrentThreadCpuTime() - cpu0);
                perWallSecond[round] = count * 1e9 / (System.nanoTime() - wall0);
            }
        }
        print(suite, "1 KiB round trips per CPU-second (one thread)", perCpuSecond, "/s");
        print(suite, "1 KiB round trips per wall-clock second", perWallSecond, "/s");
    }

    /** The self-update commit in a 1001-member group, and another member processing it. */
    private static void commits(int suite) throws MlsException {
        MlsFixture.Pair pair = new MlsFixture(suite).bigGroup(999);
        double[] updateWall = new double[COMMIT_ROUNDS];
        double[] updateCpu = new double[COMMIT_ROUNDS];
        double[] processWall = new double[COMMIT_ROUNDS];
        double[] processCpu = new double[COMMIT_ROUNDS];
        for (int round = -COMMIT_WARMUP; round < COMMIT_ROUNDS; round++) {
            long processCpu0 = OS.getProcessCpuTime();
            long wall0 = System.nanoTime();
            CreatedCommit created = pair.committer().selfUpdate();
            long wall1 = System.nanoTime();
            long processCpu1 = OS.getProcessCpuTime();
            pair.committer().mergePendingCommit();
            byte[] commit = created.commit().encoded();

            long threadCpu2 = THREADS.getCurrentThreadCpuTime();
            long wall2 = System.nanoTime();
            ProcessedMessage.CommitMessage processed =
                    (ProcessedMessage.CommitMessage) pair.processor().process(MlsFixture.decode(commit));
            pair.processor().mergeStagedCommit(processed.staged());
            long wall3 = System.nanoTime();
            long threadCpu3 = THREADS.getCurrentThreadCpuTime();
            if (round >= 0) {
                updateWall[round] = (wall1 - wall0) / 1e6;
                updateCpu[round] = (processCpu1 - processCpu0) / 1e6;
                processWall[round] = (wall3 - wall2) / 1e6;
                processCpu[round] = (threadCpu3 - threadCpu2) / 1e6;
            }
        }
        print(suite, "self-update, 1001 members, wall clock", updateWall, " ms");
        print(suite, "self-update, 1001 members, CPU of all threads", updateCpu, " ms");
        print(suite, "process + merge it, wall clock", processWall, " ms");
        print(suite, "process + merge it, CPU of the thread", processCpu, " ms");
    }

    private static void print(int suite, String what, double[] values, String unit) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.println(String.format(
                Locale.ROOT,
                "suite %d  %-50s %10.1f%s  (%.1f-%.1f)",
                suite,
                what,
                median,
                unit,
                sorted[0],
                sorted[sorted.length - 1]));
    }
}
