package org.vermerk.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.treemath.LeafIndex;

class MlsMessageTest {
    private static final Decoder<MlsMessage> MLS_MESSAGE = MlsMessage::decode;

    /** group id 0a0b, epoch 1, sender as given, no authenticated data, application data "hi". */
    private static FramedContent application(Sender sender) {
        return new FramedContent(bytes("0a0b"), 1, sender, bytes(""), new Content.ApplicationData(bytes("6869")));
    }

    private static final FramedContentAuthData SIGNATURE_ONLY =
            new FramedContentAuthData(bytes("5151"), Optional.empty());

    @Test
    void publicMessageFromAMemberCarriesAMembershipTag() throws Exception {
        MlsMessage message = new MlsMessage.OfPublicMessage(new PublicMessage(
                application(new Sender.Member(LeafIndex.of(3))), SIGNATURE_ONLY, Optional.of(bytes("7a7a"))));
        String framedContent = "020a0b" + "0000000000000001" + "01" + "00000003" + "00" + "01" + "026869";
        assertThat(message.encoded()).isEqualTo(hex("0001" + "0001" + framedContent + "025151" + "027a7a"));
        assertRoundTrip(message, MLS_MESSAGE);
    }

    @Test
    void publicMessageFromAnExternalSenderHasNoMembershipTag() throws Exception {
        PublicMessage message =
                new PublicMessage(application(new Sender.External(2)), SIGNATURE_ONLY, Optional.empty());
        assertThat(message.encoded()).endsWith(hex("025151"));
        assertRoundTrip(new MlsMessage.OfPublicMessage(message), MLS_MESSAGE);
        assertThatThrownBy(() -> new PublicMessage(
                        application(new Sender.External(2)), SIGNATURE_ONLY, Optional.of(bytes("7a7a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionOtherThanMls10IsRejected() {
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0002" + "0005")), CodecRule.UNSUPPORTED_VERSION);
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0000" + "0005")), CodecRule.UNSUPPORTED_VERSION);
    }

    @Test
    void wireFormatOutsideTheRegistryIsRejected() {
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0001" + "0006")), CodecRule.UNKNOWN_ENUM_VALUE);
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0001" + "f000")), CodecRule.UNKNOWN_ENUM_VALUE);
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0001" + "0000")), CodecRule.UNKNOWN_ENUM_VALUE);
    }

    @Test
    void unknownSenderTypeIsRejected() {
        String content = "020a0b" + "0000000000000001" + "05" + "00000003" + "00" + "01" + "026869";
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0001" + "0001" + content)), CodecRule.UNKNOWN_ENUM_VALUE);
    }

    @Test
    void unknownContentTypeIsRejected() {
        String content = "020a0b" + "0000000000000001" + "02" + "00000003" + "00" + "04" + "026869";
        assertRejected(() -> MLS_MESSAGE.decodeAll(hex("0001" + "0001" + content)), CodecRule.UNKNOWN_ENUM_VALUE);
        String privateMessage = "020a0b" + "0000000000000001" + "00" + "00" + "00" + "00";
        assertRejected(
                () -> MLS_MESSAGE.decodeAll(hex("0001" + "0002" + privateMessage)), CodecRule.UNKNOWN_ENUM_VALUE);
    }

    @Test
    void privateMessageRoundTrips() throws Exception {
        PrivateMessage message =
                new PrivateMessage(bytes("0a0b"), 7, ContentType.COMMIT, bytes("aa"), bytes("e5e5"), bytes("c1c2c3"));
        assertRoundTrip(new MlsMessage.OfPrivateMessage(message), MLS_MESSAGE);
        assertThat(message.senderDataAad().encoded()).isEqualTo(hex("020a0b" + "0000000000000007" + "03"));
        assertThat(message.contentAad().encoded()).isEqualTo(hex("020a0b" + "0000000000000007" + "03" + "01aa"));
    }

    @Test
    void authenticatedContentRefusesAConfirmationTagOutsideACommit() {
        FramedContentAuthData withTag = new FramedContentAuthData(bytes("5151"), Optional.of(bytes("c0")));
        assertThatThrownBy(() -> new AuthenticatedContent(
                        WireFormat.PUBLIC_MESSAGE, application(new Sender.Member(LeafIndex.of(0))), withTag))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
