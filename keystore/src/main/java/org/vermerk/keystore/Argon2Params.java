package org.vermerk.keystore;

/**
 * Argon2id cost parameters (RFC 9106), stored beside each passphrase-wrapped key so that they can
 * be raised later: a store whose key was wrapped with weaker parameters than the configured ones is
 * rewrapped with the stronger ones at its next successful unlock.
 *
 * @param memoryKiB memory in KiB (default 64 MiB)
 * @param iterations passes over the memory (default 3)
 * @param lanes degree of parallelism (default 1)
 */
public record Argon2Params(int memoryKiB, int iterations, int lanes) {
    /** 64 MiB, 3 passes, 1 lane: about a quarter second on the machines we target. */
    public static final Argon2Params DEFAULT = new Argon2Params(64 * 1024, 3, 1);

    /** The floor a stored key file may declare; anything weaker is treated as tampering. */
    public static final Argon2Params MINIMUM = new Argon2Params(8, 1, 1);

    /**
     * The ceiling a stored key file may declare (16 times the default), so a damaged file cannot
     * make the client allocate and fill gigabytes outside its heap (Argon2id's memory is native,
     * ADR 0032).
     */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    static final int MAX_ITERATIONS = 64;
    static final int MAX_LANES = 16;

    public Argon2Params {
        if (lanes < 1 || lanes > MAX_LANES) {
            throw new IllegalArgumentException("Argon2 lanes out of range: " + lanes);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations out of range: " + iterations);
        }
        if (memoryKiB < 8 * lanes || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory out of range: " + memoryKiB + " KiB");
        }
    }

    /** True when these parameters cost less than {@code other} in memory or passes. */
    public boolean weakerThan(Argon2Params other) {
        return memoryKiB < other.memoryKiB || iterations < other.iterations;
    }
}
