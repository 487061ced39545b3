package org.vermerk.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.vermerk.protocol.ValidationRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.Encodable;

/** Assertions for decoding: a specific rejection, or an exact round trip. */
public final class DecodeAssertions {
    private DecodeAssertions() {}

    /** The call fails with a {@link DecodeException} for exactly this rule, named in the message. */
    public static void assertRejected(ThrowingCallable decode, ValidationRule rule) {
        assertThatThrownBy(decode)
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageStartingWith(rule.id() + ":");
    }

    /** The value's encoding decodes to an equal value that encodes to the same bytes. */
    public static <T extends Encodable> T assertRoundTrip(T value, Decoder<T> decoder) throws DecodeException {
        byte[] encoded = value.encoded();
        T decoded = decoder.decodeAll(encoded);
        assertThat(decoded).isEqualTo(value);
        assertThat(decoded.encoded()).isEqualTo(encoded);
        return decoded;
    }
}
