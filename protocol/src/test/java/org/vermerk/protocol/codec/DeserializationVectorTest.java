package org.vermerk.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.kat.TestVectors;

/**
 * The official {@code deserialization.json} vectors: variable-length vector headers (RFC 9420
 * §2.1.2).
 *
 * <p>Format: an array of {@code {"vlbytes_header": hex, "length": integer}}, no cipher suite.
 *
 * <p>Checks per entry: the header decodes to {@code length} and uses up exactly its own bytes; and
 * encoding {@code length} produces the header again, byte for byte (the writer chooses the minimal
 * encoding). The file holds valid headers only; {@link VarintTest} covers the malformed ones.
 */
class DeserializationVectorTest {
    @TestFactory
    Stream<DynamicTest> everyHeaderDecodesToItsLengthAndReEncodesUnchanged() {
        return TestVectors.entries("deserialization.json", entry -> null, entry -> {
            byte[] header = TestVectors.hex(entry, "vlbytes_header");
            int length = entry.get("length").asInt();

            TlsReader reader = new TlsReader(header);
            assertThat(Varint.read(reader)).isEqualTo(length);
            assertThat(reader.remaining()).as("bytes left after the header").isZero();

            TlsWriter writer = new TlsWriter();
            Varint.write(writer, length);
            assertThat(TestVectors.toHex(writer.toByteArray())).isEqualTo(TestVectors.toHex(header));
        });
    }
}
