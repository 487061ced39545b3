package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;

/** Safety numbers: the same on both sides, independent of key order, changed by any key. */
class SafetyNumberTest {
    private static final Bytes A1 = Bytes.fromHex("01".repeat(32));
    private static final Bytes A2 = Bytes.fromHex("02".repeat(32));
    private static final Bytes B1 = Bytes.fromHex("0b".repeat(32));

    @Test
    void bothSidesSeeTheSameSixtyDigitsInTwelveGroups() {
        String anna = SafetyNumber.of("anna@bmi.example", List.of(A1, A2), "ben@bmi.example", List.of(B1));
        String ben = SafetyNumber.of("ben@bmi.example", List.of(B1), "anna@bmi.example", List.of(A2, A1));
        assertThat(anna).isEqualTo(ben).matches("(\\d{5} ){11}\\d{5}");
    }

    @Test
    void aNewOrChangedDeviceKeyChangesIt() {
        String before = SafetyNumber.of("anna@bmi.example", List.of(A1), "ben@bmi.example", List.of(B1));
        String added = SafetyNumber.of("anna@bmi.example", List.of(A1, A2), "ben@bmi.example", List.of(B1));
        String changed = SafetyNumber.of("anna@bmi.example", List.of(A2), "ben@bmi.example", List.of(B1));
        assertThat(added).isNotEqualTo(before);
        assertThat(changed).isNotEqualTo(before).isNotEqualTo(added);
        assertThat(before.substring(36)).as("ben's half unchanged").isEqualTo(changed.substring(36));
    }
}
