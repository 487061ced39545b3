package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * enum { reserved(0), external(1), resumption(2), (255) } PSKType;   // uint8
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
 * } PreSharedKeyID;            // RFC 9420 §8.4
 * </pre>
 *
 * The two variants are the two record types below.
 */
public sealed interface PreSharedKeyId extends Encodable {
    int EXTERNAL = 1;
    int RESUMPTION = 2;

    /** {@code psk_nonce}: fresh, KDF.Nh bytes, each time the PSK is injected (§8.4). */
    Bytes nonce();

    /** An external PSK, provided by the application and named by {@code psk_id}. */
    record External(Bytes pskId, Bytes nonce) implements PreSharedKeyId {
        public External {
            Objects.requireNonNull(pskId);
            Objects.requireNonNull(nonce);
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(EXTERNAL).opaque(pskId).opaque(nonce);
        }
    }

    /** A resumption PSK: the {@code resumption_psk} of group {@code groupId} in {@code epoch}. */
    record Resumption(ResumptionPskUsage usage, Bytes groupId, long epoch, Bytes nonce) implements PreSharedKeyId {
        public Resumption {
            Objects.requireNonNull(usage);
            Objects.requireNonNull(groupId);
            Objects.requireNonNull(nonce);
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(RESUMPTION).u8(usage.value()).opaque(groupId).u64(epoch).opaque(nonce);
        }
    }

    /** Decodes one PreSharedKeyID; reserved(0) and unknown PSK types fail with CODEC-6. */
    static PreSharedKeyId decode(TlsReader reader) throws DecodeException {
        int type = reader.u8();
        return switch (type) {
            case EXTERNAL -> new External(reader.opaqueBytes(), reader.opaqueBytes());
            case RESUMPTION ->
                new Resumption(
                        ResumptionPskUsage.of(reader.u8()), reader.opaqueBytes(), reader.u64(), reader.opaqueBytes());
            default -> throw new DecodeException(CodecRule.INVALID_VALUE, "PSKType " + type);
        };
    }
}
