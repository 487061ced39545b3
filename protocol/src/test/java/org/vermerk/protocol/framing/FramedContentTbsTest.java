package org.vermerk.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;

class FramedContentTbsTest {
    private static final GroupContext CONTEXT =
            new GroupContext(1, 1, bytes("0a0b"), 1, bytes("11"), bytes("22"), List.of());

    private static FramedContent content(Sender sender) {
        return new FramedContent(bytes("0a0b"), 1, sender, Bytes.EMPTY, new Content.ApplicationData(bytes("68")));
    }

    @Test
    void memberSignatureCoversVersionWireFormatContentAndGroupContext() {
        FramedContent content = content(new Sender.Member(LeafIndex.of(1)));
        FramedContentTbs tbs = new FramedContentTbs(WireFormat.PRIVATE_MESSAGE, content, Optional.of(CONTEXT));
        byte[] expected = concat(hex("0001" + "0002"), content.encoded(), CONTEXT.encoded());
        assertThat(tbs.encoded()).isEqualTo(expected);
    }

    @Test
    void externalSignatureCoversNoGroupContext() {
        FramedContent content = content(new Sender.External(0));
        FramedContentTbs tbs = new FramedContentTbs(WireFormat.PUBLIC_MESSAGE, content, Optional.empty());
        assertThat(tbs.encoded()).isEqualTo(concat(hex("0001" + "0001"), content.encoded()));
    }

    @Test
    void groupContextIsRequiredForMembersAndNewMemberCommitsOnly() {
        assertThatThrownBy(() -> new FramedContentTbs(
                        WireFormat.PUBLIC_MESSAGE, content(new Sender.Member(LeafIndex.of(1))), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FramedContentTbs(
                        WireFormat.PUBLIC_MESSAGE, content(new Sender.NewMemberCommit()), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FramedContentTbs(
                        WireFormat.PUBLIC_MESSAGE, content(new Sender.NewMemberProposal()), Optional.of(CONTEXT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
