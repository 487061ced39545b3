package org.vermerk.protocol.framing.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.PrivateMessage;
import org.vermerk.protocol.framing.PublicMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.MembershipKey;
import org.vermerk.protocol.schedule.SenderDataSecret;
import org.vermerk.protocol.secrettree.SecretTree;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The official vectors {@code message-protection.json}: one entry per cipher suite {@code
 * {cipher_suite, group_id, epoch, tree_hash, confirmed_transcript_hash, signature_priv,
 * signature_pub, encryption_secret, sender_data_secret, membership_key, proposal, proposal_pub,
 * proposal_priv, commit, commit_pub, commit_priv, application, application_priv}}: binary values
 * hex, {@code proposal} a TLS-encoded Proposal, {@code commit} a Commit, {@code application} raw
 * application data, the {@code *_pub} and {@code *_priv} fields TLS-encoded MLSMessages carrying a
 * PublicMessage or PrivateMessage. The sender is always the member at leaf 1 of a two-leaf tree.
 *
 * <p>Per entry, with the GroupContext {@code (mls10, cipher_suite, group_id, epoch, tree_hash,
 * confirmed_transcript_hash, no extensions)}, for each of proposal, commit and application:
 *
 * <ul>
 *   <li>{@code *_pub} (proposal and commit) unprotects with {@code membership_key} and {@code
 *       signature_pub} into the raw value, sent by member 1 (§6.2);
 *   <li>the raw value, signed with {@code signature_priv} and protected as a PublicMessage,
 *       re-decodes and unprotects into the same content; for application data protecting as a
 *       PublicMessage fails with FRAMING-7;
 *   <li>{@code *_priv} unprotects with a fresh secret tree of two leaves rooted in {@code
 *       encryption_secret}, {@code sender_data_secret} and {@code signature_pub} into the raw value
 *       (§6.3);
 *   <li>the raw value protected as a PrivateMessage with one fresh tree (the sender's) re-decodes
 *       and unprotects with another fresh tree (the receiver's) into the same content, padded to a
 *       multiple of 32 bytes.
 * </ul>
 */
class MessageProtectionVectorTest {
    private static final LeafIndex SENDER = LeafIndex.of(1);
    private static final Decoder<MlsMessage> MLS_MESSAGE = MlsMessage::decode;

    @TestFactory
    Stream<DynamicTest> publicAndPrivateMessagesUnprotectAndOwnMessagesRoundTrip() {
        return TestVectors.entriesBySuite("message-protection.json", MessageProtectionVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        int suiteId = entry.get("cipher_suite").asInt();
        CipherSuite suite = CipherSuites.byId(suiteId);
        GroupContext context = ProtectionFixture.context(
                suiteId,
                Bytes.of(hex(entry, "group_id")),
                entry.get("epoch").asLong(),
                Bytes.of(hex(entry, "tree_hash")),
                Bytes.of(hex(entry, "confirmed_transcript_hash")));
        ProtectionFixture group = new ProtectionFixture(
                suite, context, Secret.of(hex(entry, "signature_priv")), Bytes.of(hex(entry, "signature_pub")));

        Content proposal = new Content.ProposalContent(Proposal.decode(new TlsReader(hex(entry, "proposal"))));
        Content commit = new Content.CommitContent(((Decoder<Commit>) Commit::decode).decodeAll(hex(entry, "commit")));
        Content application = new Content.ApplicationData(Bytes.of(hex(entry, "application")));
        assertThat(proposal.encoded()).isEqualTo(hex(entry, "proposal"));

        checkPublic(entry, group, "proposal", proposal);
        checkPublic(entry, group, "commit", commit);
        PublicMessageProtection publicProtection = publicProtection(entry, group);
        AuthenticatedContent applicationInPublic =
                group.signed(WireFormat.PUBLIC_MESSAGE, SENDER, application, Bytes.EMPTY);
        assertThatThrownBy(() -> publicProtection.protect(applicationInPublic))
                .isInstanceOfSatisfying(
                        FramingException.class,
                        e -> assertThat(e.rule()).isEqualTo(FramingRule.APPLICATION_DATA_IN_PUBLIC_MESSAGE));

        checkPrivate(entry, group, "proposal", proposal);
        checkPrivate(entry, group, "commit", commit);
        checkPrivate(entry, group, "application", application);
    }

    private static PublicMessageProtection publicProtection(JsonNode entry, ProtectionFixture group) {
        return new PublicMessageProtection(
                group.suite(), group.context(), new MembershipKey(Secret.of(hex(entry, "membership_key"))));
    }

    private static PrivateMessageProtection privateProtection(JsonNode entry, ProtectionFixture group) {
        SecretTree tree =
                new SecretTree(group.suite(), new EncryptionSecret(Secret.of(hex(entry, "encryption_secret"))), 2);
        return new PrivateMessageProtection(
                group.suite(),
                group.context(),
                new SenderDataSecret(Secret.of(hex(entry, "sender_data_secret"))),
                tree,
                Padding.toMultipleOf(32));
    }

    private static void checkPublic(JsonNode entry, ProtectionFixture group, String name, Content raw)
            throws Exception {
        PublicMessageProtection protection = publicProtection(entry, group);
        PublicMessage given = publicMessage(hex(entry, name + "_pub"));
        VerifiedContent verified = protection.unprotect(given, group.keysOf(SENDER));
        assertThat(verified.framedContent().content().encoded())
                .as(name + "_pub")
                .isEqualTo(raw.encoded());
        assertThat(verified.sender()).isEqualTo(new Sender.Member(SENDER));
        assertThat(verified.wireFormat()).isEqualTo(WireFormat.PUBLIC_MESSAGE);

        AuthenticatedContent own = group.signed(WireFormat.PUBLIC_MESSAGE, SENDER, raw, Bytes.EMPTY);
        PublicMessage sent = protection.protect(own);
        PublicMessage received = publicMessage(new MlsMessage.OfPublicMessage(sent).encoded());
        assertThat(protection.unprotect(received, group.keysOf(SENDER)).authenticatedContent())
                .isEqualTo(own);
    }

    private static void checkPrivate(JsonNode entry, ProtectionFixture group, String name, Content raw)
            throws Exception {
        PrivateMessage given = privateMessage(hex(entry, name + "_priv"));
        VerifiedContent verified = privateProtection(entry, group).unprotect(given, group.keysOf(SENDER));
        assertThat(verified.framedContent().content().encoded())
                .as(name + "_priv")
                .isEqualTo(raw.encoded());
        assertThat(verified.sender()).isEqualTo(new Sender.Member(SENDER));
        assertThat(verified.wireFormat()).isEqualTo(WireFormat.PRIVATE_MESSAGE);

        AuthenticatedContent own = group.signed(WireFormat.PRIVATE_MESSAGE, SENDER, raw, Bytes.fromHex("a1a2a3"));
        PrivateMessage sent = privateProtection(entry, group).protect(own);
        PrivateMessage received = privateMessage(new MlsMessage.OfPrivateMessage(sent).encoded());
        assertThat(privateProtection(entry, group)
                        .unprotect(received, group.keysOf(SENDER))
                        .authenticatedContent())
                .isEqualTo(own);
    }

    private static PublicMessage publicMessage(byte[] encoded) throws Exception {
        return ((MlsMessage.OfPublicMessage) MLS_MESSAGE.decodeAll(encoded)).message();
    }

    private static PrivateMessage privateMessage(byte[] encoded) throws Exception {
        return ((MlsMessage.OfPrivateMessage) MLS_MESSAGE.decodeAll(encoded)).message();
    }
}
