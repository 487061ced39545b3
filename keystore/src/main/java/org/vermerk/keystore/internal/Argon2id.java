package org.vermerk.keystore.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id, version 0x13 (RFC 9106), with its memory outside the Java heap.
 *
 * <p>Why not BouncyCastle's {@code Argon2BytesGenerator}, which computes the same function: it
 * holds the memory (64 MiB by default) as 65,536 objects on the Java heap. The desktop client's
 * heap ceiling had to make room for them at every unlock, and the serial collector grows the heap
 * up to that ceiling over a long session, so those 64 MiB stayed resident long after the unlock
 * (docs/benchmarks.md, session 7, "Where the memory was"). Here the memory is one native allocation
 * that is zeroed and returned to the system as soon as the tag is computed, so the 64 MiB derived
 * from the passphrase do not linger in the heap's garbage either. The hash H is BouncyCastle's
 * BLAKE2b; only the memory-hard part (RFC 9106 §3.2–§3.6) is here. Lanes are filled one after
 * another in the same slice order as the reference implementation, so the result equals it for
 * every degree of parallelism (tested against RFC 9106 §5.3 and against BouncyCastle).
 */
public final class Argon2id {
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2; // y = 2: Argon2id (RFC 9106 §3.1)
    private static final int SYNC_POINTS = 4; // slices per pass
    private static final int WORDS = 128; // a 1024-byte block as 64-bit words
    private static final int BLOCK_BYTES = 1024;
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private Argon2id() {}

    /**
     * The tag for {@code password} and {@code salt} without a secret or associated data.
     *
     * @param memoryKiB m, at least 8 per lane
     * @param iterations t, at least 1
     * @param lanes p, 1 to 2^24 - 1
     * @param tagLength T in bytes, at least 4
     */
    public static byte[] derive(byte[] password, byte[] salt, int memoryKiB, int iterations, int lanes, int tagLength) {
        return derive(password, salt, new byte[0], new byte[0], memoryKiB, iterations, lanes, tagLength);
    }

    /** The full function of RFC 9106 §3.2, with the optional secret K and associated data X. */
    public static byte[] derive(
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] associatedData,
            int memoryKiB,
            int iterations,
            int lanes,
            int tagLength) {
        if (lanes < 1 || lanes > 0xFFFFFF) {
            throw new IllegalArgumentException("Argon2id lanes out of range: " + lanes);
        }
        if (memoryKiB < 8 * lanes) {
            throw new IllegalArgumentException("Argon2id memory below 8 KiB per lane: " + memoryKiB);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Argon2id iterations below 1: " + iterations);
        }
        if (tagLength < 4) {
            throw new IllegalArgumentException("Argon2id tag shorter than 4 bytes: " + tagLength);
        }
        // m' = 4 * p * floor(m / 4p): whole segments in every lane (§3.2 step 3).
        int blockCount = SYNC_POINTS * lanes * (memoryKiB / (SYNC_POINTS * lanes));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate((long) blockCount * BLOCK_BYTES, Long.BYTES);
            byte[] h0 = initialHash(password, salt, secret, associatedData, memoryKiB, iterations, lanes, tagLength);
            try {
                Filling filling = new Filling(memory, lanes, blockCount / lanes, iterations, blockCount);
                filling.firstBlocks(h0);
                filling.run();
                return filling.tag(tagLength);
            } finally {
                memory.fill((byte) 0);
                Arrays.fill(h0, (byte) 0);
            }
        }
    }

    /** H0 of RFC 9106 §3.2 step 1: BLAKE2b-512 over the parameters and inputs. */
    private static byte[] initialHash(
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] associatedData,
            int memoryKiB,
            int iterations,
            int lanes,
            int tagLength) {
        Blake2bDigest h = new Blake2bDigest(512);
        for (int value : new int[] {lanes, tagLength, memoryKiB, iterations, VERSION, TYPE_ID}) {
            updateLe32(h, value);
        }
        for (byte[] field : new byte[][] {password, salt, secret, associatedData}) {
            updateLe32(h, field.length);
            h.update(field, 0, field.length);
        }
        byte[] h0 = new byte[64];
        h.doFinal(h0, 0);
        return h0;
    }

    /** H' of RFC 9106 §3.3: BLAKE2b stretched to {@code out.length} bytes. */
    static void variableHash(byte[] out, byte[]... input) {
        int length = out.length;
        if (length <= 64) {
            Blake2bDigest h = new Blake2bDigest(length * 8);
            updateLe32(h, length);
            for (byte[] part : input) {
                h.update(part, 0, part.length);
            }
            h.doFinal(out, 0);
            return;
        }
        int r = (length + 31) / 32 - 2;
        byte[] v = new byte[64];
        Blake2bDigest h = new Blake2bDigest(512);
        updateLe32(h, length);
        for (byte[] part : input) {
            h.update(part, 0, part.length);
        }
        h.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        for (int i = 1; i < r; i++) {
            h.update(v, 0, 64);
            h.doFinal(v, 0);
            System.arraycopy(v, 0, out, 32 * i, 32);
        }
        int last = length - 32 * r;
        Blake2bDigest tail = new Blake2bDigest(last * 8);
        tail.update(v, 0, 64);
        byte[] end = new byte[last];
        tail.doFinal(end, 0);
        System.arraycopy(end, 0, out, 32 * r, last);
        Arrays.fill(v, (byte) 0);
        Arrays.fill(end, (byte) 0);
    }

    private static void updateLe32(Blake2bDigest h, int value) {
        h.update((byte) value);
        h.update((byte) (value >>> 8));
        h.update((byte) (value >>> 16));
        h.update((byte) (value >>> 24));
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    /** One computation's memory and working blocks; the blocks are cleared when it ends. */
    private static final class Filling {
        private final MemorySegment memory;
        private final int lanes;
        private final int laneLength;
        private final int segmentLength;
        private final int iterations;
        private final int blockCount;
        // Working blocks on the heap: the previous block, the reference block, the block being
        // written, R = prev ^ ref and its permutation; the data-independent addresses and their input.
        private long[] previous = new long[WORDS];
        private long[] current = new long[WORDS];
        private final long[] reference = new long[WORDS];
        private final long[] r = new long[WORDS];
        private final long[] z = new long[WORDS];
        private final long[] addresses = new long[WORDS];
        private final long[] addressInput = new long[WORDS];
        private final long[] zero = new long[WORDS];

        Filling(MemorySegment memory, int lanes, int laneLength, int iterations, int blockCount) {
            this.memory = memory;
            this.lanes = lanes;
            this.laneLength = laneLength;
            this.segmentLength = laneLength / SYNC_POINTS;
            this.iterations = iterations;
            this.blockCount = blockCount;
        }

        /** B[i][0] and B[i][1] of every lane from H0 (§3.2 steps 4 and 5). */
        void firstBlocks(byte[] h0) {
            byte[] block = new byte[BLOCK_BYTES];
            for (int lane = 0; lane < lanes; lane++) {
                for (int column = 0; column < 2; column++) {
                    variableHash(block, h0, le32(column), le32(lane));
                    for (int w = 0; w < WORDS; w++) {
                        current[w] = littleEndianLong(block, 8 * w);
                    }
                    store(current, lane, column);
                }
            }
            Arrays.fill(block, (byte) 0);
        }

        /** Every pass, slice and lane (§3.2 step 6 and §3.4). */
        void run() {
            try {
                for (int pass = 0; pass < iterations; pass++) {
                    for (int slice = 0; slice < SYNC_POINTS; slice++) {
                        for (int lane = 0; lane < lanes; lane++) {
                            fillSegment(pass, slice, lane);
                        }
                    }
                }
            } finally {
                for (long[] block : new long[][] {previous, current, reference, r, z, addresses, addressInput}) {
                    Arrays.fill(block, 0L);
                }
            }
        }

        /** The tag: H'^T over the XOR of every lane's last block (§3.2 steps 7 and 8). */
        byte[] tag(int tagLength) {
            long[] c = new long[WORDS];
            for (int lane = 0; lane < lanes; lane++) {
                load(reference, lane, laneLength - 1);
                for (int w = 0; w < WORDS; w++) {
                    c[w] ^= reference[w];
                }
            }
            byte[] bytes = new byte[BLOCK_BYTES];
            for (int w = 0; w < WORDS; w++) {
                putLittleEndianLong(bytes, 8 * w, c[w]);
            }
            byte[] tag = new byte[tagLength];
            variableHash(tag, bytes);
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(c, 0L);
            Arrays.fill(reference, 0L);
            return tag;
        }

        private void fillSegment(int pass, int slice, int lane) {
            // Argon2id: data-independent addresses in the first half of the first pass (§3.4.1.3).
            boolean independent = pass == 0 && slice < 2;
            int start = pass == 0 && slice == 0 ? 2 : 0;
            if (independent) {
                Arrays.fill(addressInput, 0L);
                addressInput[0] = pass;
                addressInput[1] = lane;
                addressInput[2] = slice;
                addressInput[3] = blockCount;
                addressInput[4] = iterations;
                addressInput[5] = TYPE_ID;
                if (start != 0) {
                    nextAddresses();
                }
            }
            int column = slice * segmentLength + start;
            load(previous, lane, column == 0 ? laneLength - 1 : column - 1);
            for (int index = start; index < segmentLength; index++, column++) {
                long pseudoRandom;
                if (independent) {
                    if (index % WORDS == 0) {
                        nextAddresses();
                    }
                    pseudoRandom = addresses[index % WORDS];
                } else {
                    pseudoRandom = previous[0];
                }
                int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
                int refColumn = referenceColumn(pass, slice, index, refLane == lane, pseudoRandom & 0xFFFFFFFFL);
                load(reference, refLane, refColumn);
                boolean xorOld = pass > 0; // version 0x13 XORs the new block into the old one
                if (xorOld) {
                    load(current, lane, column);
                }
                compress(previous, reference, current, xorOld);
                store(current, lane, column);
                long[] swap = previous;
                previous = current;
                current = swap;
            }
        }

        /** The column of the reference block (§3.4.2): a position weighted towards recent blocks. */
        private int referenceColumn(int pass, int slice, int index, boolean sameLane, long j1) {
            long areaSize;
            if (pass == 0) {
                areaSize = sameLane
                        ? (long) slice * segmentLength + index - 1
                        : (long) slice * segmentLength + (index == 0 ? -1 : 0);
            } else {
                areaSize = sameLane
                        ? (long) laneLength - segmentLength + index - 1
                        : (long) laneLength - segmentLength + (index == 0 ? -1 : 0);
            }
            long x = (j1 * j1) >>> 32;
            long y = (areaSize * x) >>> 32;
            long relative = areaSize - 1 - y;
            long startPosition = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segmentLength;
            return (int) ((startPosition + relative) % laneLength);
        }

        /** The next block of 128 addresses: G(0, G(0, input)) with the counter raised first. */
        private void nextAddresses() {
            addressInput[6]++;
            Arrays.fill(addresses, 0L);
            compress(zero, addressInput, addresses, false);
            System.arraycopy(addresses, 0, reference, 0, WORDS);
            Arrays.fill(addresses, 0L);
            compress(zero, reference, addresses, false);
        }

        /**
         * G of RFC 9106 §3.5: out = P-columns(P-rows(x ^ y)) ^ (x ^ y), XORed into the old content of
         * {@code out} when {@code xorOld}.
         */
        private void compress(long[] x, long[] y, long[] out, boolean xorOld) {
            for (int w = 0; w < WORDS; w++) {
                long v = x[w] ^ y[w];
                r[w] = v;
                z[w] = v;
            }
            for (int row = 0; row < 8; row++) {
                permute(z, 16 * row, 2);
            }
            for (int col = 0; col < 8; col++) {
                permute(z, 2 * col, 16);
            }
            if (xorOld) {
                for (int w = 0; w < WORDS; w++) {
                    out[w] ^= z[w] ^ r[w];
                }
            } else {
                for (int w = 0; w < WORDS; w++) {
                    out[w] = z[w] ^ r[w];
                }
            }
        }

        private void load(long[] block, int lane, int column) {
            MemorySegment.copy(memory, WORD, offset(lane, column), block, 0, WORDS);
        }

        private void store(long[] block, int lane, int column) {
            MemorySegment.copy(block, 0, memory, WORD, offset(lane, column), WORDS);
        }

        private long offset(int lane, int column) {
            return ((long) lane * laneLength + column) * BLOCK_BYTES;
        }
    }

    /**
     * P of RFC 9106 §3.6 on eight 16-byte registers of the 8x8 matrix: a row (words start ..
     * start + 15, stride 2) or a column (words start, start + 1, start + 16, ..., stride 16).
     */
    private static void permute(long[] z, int start, int stride) {
        int i0 = start;
        int i2 = start + stride;
        int i4 = start + 2 * stride;
        int i6 = start + 3 * stride;
        int i8 = start + 4 * stride;
        int i10 = start + 5 * stride;
        int i12 = start + 6 * stride;
        int i14 = start + 7 * stride;
        long v0 = z[i0];
        long v1 = z[i0 + 1];
        long v2 = z[i2];
        long v3 = z[i2 + 1];
        long v4 = z[i4];
        long v5 = z[i4 + 1];
        long v6 = z[i6];
        long v7 = z[i6 + 1];
        long v8 = z[i8];
        long v9 = z[i8 + 1];
        long v10 = z[i10];
        long v11 = z[i10 + 1];
        long v12 = z[i12];
        long v13 = z[i12 + 1];
        long v14 = z[i14];
        long v15 = z[i14 + 1];

        // GB(v0, v4, v8, v12)
        v0 = blaMka(v0, v4);
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 = blaMka(v8, v12);
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = blaMka(v0, v4);
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 = blaMka(v8, v12);
        v4 = Long.rotateRight(v4 ^ v8, 63);
        // GB(v1, v5, v9, v13)
        v1 = blaMka(v1, v5);
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 = blaMka(v9, v13);
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = blaMka(v1, v5);
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 = blaMka(v9, v13);
        v5 = Long.rotateRight(v5 ^ v9, 63);
        // GB(v2, v6, v10, v14)
        v2 = blaMka(v2, v6);
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 = blaMka(v10, v14);
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = blaMka(v2, v6);
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 = blaMka(v10, v14);
        v6 = Long.rotateRight(v6 ^ v10, 63);
        // GB(v3, v7, v11, v15)
        v3 = blaMka(v3, v7);
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 = blaMka(v11, v15);
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = blaMka(v3, v7);
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 = blaMka(v11, v15);
        v7 = Long.rotateRight(v7 ^ v11, 63);
        // GB(v0, v5, v10, v15)
        v0 = blaMka(v0, v5);
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 = blaMka(v10, v15);
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = blaMka(v0, v5);
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 = blaMka(v10, v15);
        v5 = Long.rotateRight(v5 ^ v10, 63);
        // GB(v1, v6, v11, v12)
        v1 = blaMka(v1, v6);
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 = blaMka(v11, v12);
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = blaMka(v1, v6);
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 = blaMka(v11, v12);
        v6 = Long.rotateRight(v6 ^ v11, 63);
        // GB(v2, v7, v8, v13)
        v2 = blaMka(v2, v7);
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 = blaMka(v8, v13);
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = blaMka(v2, v7);
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 = blaMka(v8, v13);
        v7 = Long.rotateRight(v7 ^ v8, 63);
        // GB(v3, v4, v9, v14)
        v3 = blaMka(v3, v4);
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 = blaMka(v9, v14);
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = blaMka(v3, v4);
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 = blaMka(v9, v14);
        v4 = Long.rotateRight(v4 ^ v9, 63);

        z[i0] = v0;
        z[i0 + 1] = v1;
        z[i2] = v2;
        z[i2 + 1] = v3;
        z[i4] = v4;
        z[i4 + 1] = v5;
        z[i6] = v6;
        z[i6 + 1] = v7;
        z[i8] = v8;
        z[i8 + 1] = v9;
        z[i10] = v10;
        z[i10 + 1] = v11;
        z[i12] = v12;
        z[i12 + 1] = v13;
        z[i14] = v14;
        z[i14 + 1] = v15;
    }

    /** The BlaMka addition of RFC 9106 §3.6: x + y + 2 * lo32(x) * lo32(y), modulo 2^64. */
    private static long blaMka(long x, long y) {
        return x + y + 2 * (x & 0xFFFFFFFFL) * (y & 0xFFFFFFFFL);
    }

    private static long littleEndianLong(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static void putLittleEndianLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
