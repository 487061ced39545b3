package org.vermerk.protocol.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.Secret;

/** Properties of the key schedule the vectors do not show. */
class KeyScheduleTest {
    @Test
    void noPskGivesTheAllZeroPskSecret() throws Exception {
        KeySchedule schedule = new KeySchedule(CipherSuites.byId(1));
        assertThat(schedule.pskSecret(List.of()).secret().expose()).isEqualTo(new byte[32]);
        assertThat(schedule.pskSecret(List.of())).isEqualTo(schedule.zeroPskSecret());
    }

    @Test
    void theSamePskWithAnotherNonceGivesAnotherPskSecret() throws Exception {
        KeySchedule schedule = new KeySchedule(CipherSuites.byId(1));
        Secret psk = Secret.of(new byte[32]);
        PreSharedKeyId first = new PreSharedKeyId.External(Bytes.fromHex("01"), Bytes.of(new byte[32]));
        PreSharedKeyId second = new PreSharedKeyId.External(Bytes.fromHex("01"), Bytes.of(new byte[] {1}));
        assertThat(schedule.pskSecret(List.of(new PreSharedKey(first, psk))))
                .isNotEqualTo(schedule.pskSecret(List.of(new PreSharedKey(second, psk))));
    }

    @Test
    void epochSecretsNeverPrintTheirValues() throws Exception {
        KeySchedule schedule = new KeySchedule(CipherSuites.byId(1));
        byte[] value = new byte[32];
        value[0] = (byte) 0xab;
        EpochSecrets secrets = schedule.epochSecrets(new EpochSecret(Secret.of(value)));
        String hex = Bytes.of(secrets.exporterSecret().secret().expose()).hex();
        assertThat(secrets.toString())
                .doesNotContain(hex)
                .doesNotContain(hex.substring(0, 8))
                .contains("***");
    }

    @Test
    void destroyedEpochSecretsCannotBeUsedAgain() throws Exception {
        KeySchedule schedule = new KeySchedule(CipherSuites.byId(1));
        EpochSecrets secrets = schedule.epochSecrets(new EpochSecret(Secret.of(new byte[32])));
        secrets.destroy();
        assertThat(secrets.nextInitSecret().secret().isDestroyed()).isTrue();
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> secrets.encryptionSecret().secret().expose());
    }
}
