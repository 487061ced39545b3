package org.vermerk.protocol.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;

/** The wire form of PreSharedKeyID (§8.4), byte by byte, and the values a decoder must refuse. */
class PreSharedKeyIdTest {
    private static final Decoder<PreSharedKeyId> DECODER = PreSharedKeyId::decode;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aResumptionIdEncodesTypeUsageGroupEpochAndNonceInOrder() throws Exception {
        PreSharedKeyId id = new PreSharedKeyId.Resumption(
                PreSharedKeyId.ResumptionPskUsage.BRANCH, Bytes.fromHex("aabb"), 0x0102, Bytes.fromHex("cc"));
        byte[] encoded = id.encoded();
        assertThat(HEX.formatHex(encoded)).isEqualTo("02" + "03" + "02aabb" + "0000000000000102" + "01cc");
        assertThat(DECODER.decodeAll(encoded)).isEqualTo(id);
    }

    @Test
    void anExternalIdEncodesTypeIdAndNonce() throws Exception {
        PreSharedKeyId id = new PreSharedKeyId.External(Bytes.fromHex("0102"), Bytes.fromHex("03"));
        assertThat(HEX.formatHex(id.encoded())).isEqualTo("01" + "020102" + "0103");
        assertThat(DECODER.decodeAll(id.encoded())).isEqualTo(id);
    }

    @Test
    void theReservedPskTypeIsRejectedWithCodec7() {
        DecodeException e = assertThrows(DecodeException.class, () -> DECODER.decodeAll(HEX.parseHex("000100")));
        assertThat(e.rule()).isEqualTo(CodecRule.UNKNOWN_ENUM_VALUE);
        assertThat(e.getMessage()).startsWith("CODEC-7");
    }

    @Test
    void theReservedResumptionUsageIsRejectedWithCodec7() {
        DecodeException e = assertThrows(
                DecodeException.class,
                () -> DECODER.decodeAll(HEX.parseHex("0200" + "00" + "0000000000000000" + "00")));
        assertThat(e.rule()).isEqualTo(CodecRule.UNKNOWN_ENUM_VALUE);
    }
}
