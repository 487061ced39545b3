package org.vermerk.protocol.schedule;

import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;

/**
 * <pre>
 * enum {
 *   reserved(0),
 *   application(1),
 *   reinit(2),
 *   branch(3),
 *   (255)
 * } ResumptionPSKUsage;        // RFC 9420 §8.4, uint8
 * </pre>
 */
public enum ResumptionPskUsage {
    APPLICATION(1),
    REINIT(2),
    BRANCH(3);

    private final int value;

    ResumptionPskUsage(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The usage with this wire value; reserved(0) and unknown values fail with CODEC-6. */
    public static ResumptionPskUsage of(int value) throws DecodeException {
        for (ResumptionPskUsage usage : values()) {
            if (usage.value == value) {
                return usage;
            }
        }
        throw new DecodeException(CodecRule.INVALID_VALUE, "ResumptionPSKUsage " + value);
    }
}
