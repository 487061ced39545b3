package org.vermerk.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style round trips over seeded random values: what the writer produces, the reader reads
 * back unchanged, using every byte. The seed is fixed, so a failure repeats.
 */
class CodecRoundTripTest {
    private final Random random = new Random(9420);

    private long randomLength() {
        // Spread the values over all three header sizes, and hit each size's edges.
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1 << 6);
            case 1 -> (1 << 6) + random.nextInt((1 << 14) - (1 << 6));
            case 2 -> (1 << 14) + random.nextInt(Varint.MAX_VALUE - (1 << 14) + 1);
            default -> List.of(0, 63, 64, 16383, 16384, Varint.MAX_VALUE).get(random.nextInt(6));
        };
    }

    @Test
    void everyLengthReadsBackFromTheShortestHeader() throws DecodeException {
        for (int i = 0; i < 20_000; i++) {
            int value = (int) randomLength();
            TlsWriter writer = new TlsWriter();
            Varint.write(writer, value);
            byte[] header = writer.toByteArray();
            assertThat(header).hasSize(value < 64 ? 1 : value < 16384 ? 2 : 4);
            TlsReader reader = new TlsReader(header);
            assertThat(Varint.read(reader)).isEqualTo(value);
            assertThat(reader.hasRemaining()).isFalse();
        }
    }

    @Test
    void integersReadBackUnchanged() throws DecodeException {
        for (int i = 0; i < 10_000; i++) {
            int u8 = random.nextInt(1 << 8);
            int u16 = random.nextInt(1 << 16);
            long u32 = random.nextLong(1L << 32);
            long u64 = random.nextLong();
            byte[] encoded = new TlsWriter().u8(u8).u16(u16).u32(u32).u64(u64).toByteArray();
            TlsReader reader = new TlsReader(encoded);
            assertThat(reader.u8()).isEqualTo(u8);
            assertThat(reader.u16()).isEqualTo(u16);
            assertThat(reader.u32()).isEqualTo(u32);
            assertThat(reader.u64()).isEqualTo(u64);
            reader.finish();
        }
    }

    @Test
    void nestedVectorsOfOpaquesAndOptionalsReadBackUnchanged() throws DecodeException {
        for (int i = 0; i < 2_000; i++) {
            List<Bytes> items = new ArrayList<>();
            for (int n = random.nextInt(8); n > 0; n--) {
                byte[] item = new byte[random.nextInt(random.nextBoolean() ? 64 : 20_000)];
                random.nextBytes(item);
                items.add(Bytes.of(item));
            }
            Bytes optional = random.nextBoolean() ? Bytes.of(new byte[] {(byte) i}) : null;

            byte[] encoded = new TlsWriter()
                    .vector(items, TlsWriter::opaque)
                    .optional(optional, TlsWriter::opaque)
                    .toByteArray();

            TlsReader reader = new TlsReader(encoded);
            assertThat(reader.vector(TlsReader::opaqueBytes)).isEqualTo(items);
            assertThat(reader.optional(TlsReader::opaqueBytes)).isEqualTo(optional);
            reader.finish();
        }
    }
}
