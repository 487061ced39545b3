package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;

/**
 * Structured damage to a valid message, driven by the fuzzer: up to {@value #MAX_EDITS} edits,
 * each overwriting, inserting or deleting bytes at a position the fuzzer chooses, or truncating.
 * Empty fuzzer data means no edit, so the empty input replays the valid message unchanged, and
 * libFuzzer starts from there.
 */
final class Mutations {
    static final int MAX_EDITS = 8;
    private static final int MAX_RUN = 64;

    private Mutations() {}

    static byte[] apply(byte[] valid, FuzzedDataProvider data) {
        byte[] out = valid.clone();
        int edits = data.consumeInt(0, MAX_EDITS);
        for (int i = 0; i < edits; i++) {
            int kind = data.consumeInt(0, 3);
            int position = data.consumeInt(0, out.length);
            switch (kind) {
                case 0 -> {
                    byte[] run = data.consumeBytes(data.consumeInt(1, MAX_RUN));
                    for (int j = 0; j < run.length && position + j < out.length; j++) {
                        out[position + j] = run[j];
                    }
                }
                case 1 -> {
                    byte[] run = data.consumeBytes(data.consumeInt(1, MAX_RUN));
                    byte[] longer = new byte[out.length + run.length];
                    System.arraycopy(out, 0, longer, 0, position);
                    System.arraycopy(run, 0, longer, position, run.length);
                    System.arraycopy(out, position, longer, position + run.length, out.length - position);
                    out = longer;
                }
                case 2 -> {
                    int count = Math.min(data.consumeInt(1, MAX_RUN), out.length - position);
                    byte[] shorter = new byte[out.length - count];
                    System.arraycopy(out, 0, shorter, 0, position);
                    System.arraycopy(out, position + count, shorter, position, out.length - position - count);
                    out = shorter;
                }
                default -> out = Arrays.copyOf(out, position);
            }
        }
        return out;
    }
}
