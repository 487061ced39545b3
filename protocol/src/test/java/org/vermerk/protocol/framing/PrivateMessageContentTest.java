package org.vermerk.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.treemath.LeafIndex;

class PrivateMessageContentTest {
    private static final FramedContentAuthData SIGNATURE_ONLY =
            new FramedContentAuthData(bytes("5151"), Optional.empty());

    @Test
    void paddingIsZeroBytesAfterTheAuthData() throws Exception {
        PrivateMessageContent content =
                new PrivateMessageContent(new Content.ApplicationData(bytes("6869")), SIGNATURE_ONLY, 3);
        assertThat(content.encoded()).isEqualTo(hex("026869" + "025151" + "000000"));
        assertThat(PrivateMessageContent.decode(content.encoded(), ContentType.APPLICATION))
                .isEqualTo(content);
    }

    @Test
    void nonZeroPaddingIsRejected() {
        assertRejected(
                () -> PrivateMessageContent.decode(hex("026869" + "025151" + "000100"), ContentType.APPLICATION),
                CodecRule.NONZERO_PADDING);
    }

    @Test
    void commitContentCarriesAConfirmationTag() throws Exception {
        FramedContentAuthData auth = new FramedContentAuthData(bytes("5151"), Optional.of(bytes("c0c0")));
        PrivateMessageContent content =
                new PrivateMessageContent(new Content.CommitContent(new Commit(List.of(), Optional.empty())), auth, 0);
        assertThat(content.encoded()).isEqualTo(hex("00" + "00" + "025151" + "02c0c0"));
        assertThat(PrivateMessageContent.decode(content.encoded(), ContentType.COMMIT))
                .isEqualTo(content);
    }

    @Test
    void commitContentWithoutConfirmationTagIsRefused() {
        assertThatThrownBy(() -> new PrivateMessageContent(
                        new Content.CommitContent(new Commit(List.of(), Optional.empty())), SIGNATURE_ONLY, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void senderDataIsLeafGenerationAndFourByteGuard() throws Exception {
        SenderData senderData = new SenderData(LeafIndex.of(4), 0xfffffffeL, bytes("01020304"));
        assertThat(senderData.encoded()).isEqualTo(hex("00000004" + "fffffffe" + "01020304"));
        assertRoundTrip(senderData, SenderData::decode);
        assertThatThrownBy(() -> new SenderData(LeafIndex.of(4), 0, bytes("010203")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
