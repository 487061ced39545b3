package org.vermerk.protocol.framing.protection;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.FramedContentAuthData;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.schedule.ConfirmationKey;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.ConfirmedTranscriptHashInput;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.treemath.LeafIndex;

/** One epoch of a group as the message-protection tests need it: suite, context and a member's signing key. */
record ProtectionFixture(CipherSuite suite, GroupContext context, Secret signaturePrivate, Bytes signaturePublic) {
    static GroupContext context(int suite, Bytes groupId, long epoch, Bytes treeHash, Bytes confirmedTranscriptHash) {
        return new GroupContext(
                GroupContext.MLS10, suite, groupId, epoch, treeHash, confirmedTranscriptHash, List.of());
    }

    /** Signature keys that know one member, at {@code leaf}; every other leaf is blank (FRAMING-8). */
    SignatureKeys keysOf(LeafIndex leaf) {
        return asked -> {
            if (!asked.equals(leaf)) {
                throw new FramingException(FramingRule.UNKNOWN_SENDER, asked + " is blank");
            }
            return signaturePublic;
        };
    }

    /**
     * {@code content} from the member at {@code leaf}, signed for {@code wireFormat}; a commit gets
     * a confirmation tag computed the way a committer does (signature, confirmed transcript hash,
     * MAC), with an arbitrary confirmation key.
     */
    AuthenticatedContent signed(WireFormat wireFormat, LeafIndex leaf, Content content, Bytes authenticatedData)
            throws CryptoException {
        FramedContent framed = new FramedContent(
                context.groupId(), context.epoch(), new Sender.Member(leaf), authenticatedData, content);
        if (content.contentType() != ContentType.COMMIT) {
            return ContentAuthentication.sign(suite, signaturePrivate, wireFormat, framed, context);
        }
        Bytes signature = ContentAuthentication.signature(suite, signaturePrivate, wireFormat, framed, context);
        Bytes confirmed = TranscriptHashes.confirmedAfter(
                suite, Bytes.EMPTY, new ConfirmedTranscriptHashInput(wireFormat, framed, signature));
        Bytes tag = ConfirmationTag.compute(
                suite, new ConfirmationKey(Secret.of(suite.randomBytes(suite.hashLength()))), confirmed);
        return new AuthenticatedContent(wireFormat, framed, new FramedContentAuthData(signature, Optional.of(tag)));
    }
}
