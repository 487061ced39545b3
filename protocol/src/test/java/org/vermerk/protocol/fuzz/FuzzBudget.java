package org.vermerk.protocol.fuzz;

import java.lang.management.ManagementFactory;
import org.vermerk.protocol.MlsException;

/**
 * The contract every fuzz target checks for one input: the engine either succeeds or fails with
 * one of its own {@link MlsException}s (anything else propagates and Jazzer reports it), and the
 * calling thread allocates no more than {@value #BYTES_PER_INPUT_BYTE} bytes per input byte plus
 * {@value #FIXED_BYTES} bytes for the crypto (key derivation, HPKE, signature checks).
 *
 * <p>Allocation is measured with {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}
 * around the body. The first time a path runs, class loading (and, while fuzzing, Jazzer's
 * instrumentation of the loaded classes) allocates on the same thread; so a body over budget is run
 * a second time, and only a second excess fails. Bodies must therefore be repeatable: they build
 * their mutable state (secret trees, cipher suites with seeded randomness) themselves.
 *
 * <p>A target whose engine code does a bounded amount of work that does not depend on the input's
 * size names it as an allowance: a PrivateMessage may claim a generation up to the ratchet's
 * forward distance ahead (1000 by default, RFC 9420 §14), and the receiver derives every skipped
 * generation: about 5 KB per step with suite 1 while fuzzing (a generation 642 ahead allocated
 * 3.25 MB), so up to about 5 MB.
 *
 * <p>Hangs are not checked here but by Jazzer's per-input timeout, which it takes from the JUnit
 * {@code @Timeout} on each fuzz test method ({@code -timeout=} of libFuzzer).
 */
final class FuzzBudget {
    static final long BYTES_PER_INPUT_BYTE = 64;
    static final long FIXED_BYTES = 1 << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One run of the engine on a fuzzed input; an MlsException is an accepted outcome. */
    @FunctionalInterface
    interface Body {
        void run() throws MlsException;
    }

    private FuzzBudget() {}

    /**
     * Runs {@code body} for an input of {@code inputLength} bytes: returns when it succeeds or
     * throws an MlsException, rethrows anything else, and fails with an AssertionError when it
     * allocates more than the budget twice in a row.
     */
    static void check(int inputLength, Body body) {
        check(inputLength, 0, body);
    }

    /** As {@link #check(int, Body)}, with {@code allowance} bytes more for work bounded by policy. */
    static void check(int inputLength, long allowance, Body body) {
        long budget = BYTES_PER_INPUT_BYTE * inputLength + FIXED_BYTES + allowance;
        long allocated = allocatedBy(body);
        if (allocated > budget) {
            allocated = allocatedBy(body); // classes are loaded now
            if (allocated > budget) {
                throw new AssertionError("an input of " + inputLength + " bytes made the engine allocate " + allocated
                        + " bytes, more than the budget of " + budget + " (allowance " + allowance + ")");
            }
        }
    }

    private static long allocatedBy(Body body) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            body.run();
        } catch (MlsException expected) {
            // the engine's own decode or validation error: the outcome a hostile input should have
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
