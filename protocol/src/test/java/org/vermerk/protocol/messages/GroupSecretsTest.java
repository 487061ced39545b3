package org.vermerk.protocol.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.PreSharedKeyId;

class GroupSecretsTest {
    @Test
    void secretsRoundTripButNeverPrint() throws Exception {
        GroupSecrets secrets = new GroupSecrets(
                Secret.of(hex("5ec7e75ec7e7")),
                Optional.of(new PathSecret(Secret.of(hex("9a7d9a7d")))),
                List.of(new PreSharedKeyId.External(bytes("01"), bytes("02"))));
        assertThat(secrets.encoded())
                .isEqualTo(hex("06" + "5ec7e75ec7e7" + "01" + "04" + "9a7d9a7d" + "05" + "01" + "0101" + "0102"));
        GroupSecrets decoded = assertRoundTrip(secrets, GroupSecrets::decode);
        assertThat(decoded.toString()).doesNotContain("5ec7e7", "9a7d");
    }
}
