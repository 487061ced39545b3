package org.vermerk.protocol.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.Decoder;

class CredentialTest {
    private static final Decoder<Credential> CREDENTIAL = Credential::decode;

    @Test
    void basicCredentialIsTypeOneFollowedByTheIdentity() throws Exception {
        Credential credential = new BasicCredential(bytes("616e6e61"));
        assertThat(credential.encoded()).isEqualTo(hex("0001" + "04616e6e61"));
        assertRoundTrip(credential, CREDENTIAL);
    }

    @Test
    void x509CredentialKeepsTheChainInOrder() throws Exception {
        Credential credential =
                new X509Credential(List.of(new Certificate(bytes("30aa")), new Certificate(bytes("30bb"))));
        assertThat(credential.encoded()).isEqualTo(hex("0002" + "06" + "0230aa" + "0230bb"));
        X509Credential decoded = (X509Credential) assertRoundTrip(credential, CREDENTIAL);
        assertThat(decoded.certificates())
                .extracting(Certificate::certData)
                .containsExactly(bytes("30aa"), bytes("30bb"));
    }

    @Test
    void credentialOfAnUnknownTypeCannotBeSkipped() {
        assertRejected(() -> CREDENTIAL.decodeAll(hex("0a0a" + "04616e6e61")), CodecRule.UNKNOWN_CREDENTIAL_TYPE);
        assertRejected(() -> CREDENTIAL.decodeAll(hex("0000" + "00")), CodecRule.UNKNOWN_CREDENTIAL_TYPE);
    }
}
