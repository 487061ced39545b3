package org.vermerk.protocol.schedule;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.codec.WireEnum;

/**
 * <pre>
 * enum { reserved(0), external(1), resumption(2), (255) } PSKType;
 * enum { reserved(0), application(1), reinit(2), branch(3), (255) } ResumptionPSKUsage;
 *
 * struct {
 *   PSKType psktype;
 *   select (PreSharedKeyID.psktype) {
 *     case external:
 *       opaque psk_id&lt;V&gt;;
 *     case resumption:
 *       ResumptionPSKUsage usage;
 *       opaque psk_group_id&lt;V&gt;;
 *       uint64 psk_epoch;
 *   };
 *   opaque psk_nonce&lt;V&gt;;
 * } PreSharedKeyID;                       // RFC 9420 §8.4
 * </pre>
 *
 * Both enums are checked on decode (CODEC-7); the nonce length ({@code KDF.Nh}) is checked where
 * the suite is known.
 */
public sealed interface PreSharedKeyId extends Encodable {
    PskType pskType();

    Bytes pskNonce();

    /** {@code PSKType}. */
    enum PskType implements WireEnum {
        EXTERNAL(1),
        RESUMPTION(2);

        private final int value;

        PskType(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }

    /** {@code ResumptionPSKUsage}. */
    enum ResumptionPskUsage implements WireEnum {
        APPLICATION(1),
        REINIT(2),
        BRANCH(3);

        private final int value;

        ResumptionPskUsage(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }

    /** A PSK the application provisioned, named by {@code psk_id}. */
    record External(Bytes pskId, Bytes pskNonce) implements PreSharedKeyId {
        @Override
        public PskType pskType() {
            return PskType.EXTERNAL;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(PskType.EXTERNAL.value()).opaque(pskId).opaque(pskNonce);
        }
    }

    /** The resumption PSK of an earlier epoch of a group (§8.6). */
    record Resumption(ResumptionPskUsage usage, Bytes pskGroupId, long pskEpoch, Bytes pskNonce)
            implements PreSharedKeyId {
        @Override
        public PskType pskType() {
            return PskType.RESUMPTION;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(PskType.RESUMPTION.value())
                    .u8(usage.value())
                    .opaque(pskGroupId)
                    .u64(pskEpoch)
                    .opaque(pskNonce);
        }
    }

    static PreSharedKeyId decode(TlsReader reader) throws DecodeException {
        return switch (reader.u8Enum(PskType.class)) {
            case EXTERNAL -> new External(reader.opaqueBytes(), reader.opaqueBytes());
            case RESUMPTION ->
                new Resumption(
                        reader.u8Enum(ResumptionPskUsage.class),
                        reader.opaqueBytes(),
                        reader.u64(),
                        reader.opaqueBytes());
        };
    }
}
