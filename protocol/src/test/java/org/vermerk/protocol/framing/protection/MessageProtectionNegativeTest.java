package org.vermerk.protocol.framing.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.ValidationRule;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.PrivateMessage;
import org.vermerk.protocol.framing.PublicMessage;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.MembershipKey;
import org.vermerk.protocol.schedule.SenderDataSecret;
import org.vermerk.protocol.secrettree.RatchetPolicy;
import org.vermerk.protocol.secrettree.SecretTree;
import org.vermerk.protocol.secrettree.SecretTreeRule;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Each way a protected message can fail, built on purpose, with the rule it must be refused with:
 * member 1 of a four-leaf group (suite 1) sends, a receiver in the same epoch unprotects.
 */
class MessageProtectionNegativeTest {
    private static final LeafIndex SENDER = LeafIndex.of(1);
    private static final Bytes GROUP = Bytes.fromHex("0123456789");

    private final CipherSuite suite = suite();
    private final KeyPair signer = suite.generateSignatureKeyPair();
    private final GroupContext context =
            ProtectionFixture.context(1, GROUP, 7, Bytes.fromHex("aa"), Bytes.fromHex("bb"));
    private final ProtectionFixture group =
            new ProtectionFixture(suite, context, signer.privateKey(), signer.publicKey());
    private final byte[] encryptionSecret = suite.randomBytes(32);
    private final MembershipKey membershipKey = new MembershipKey(Secret.of(suite.randomBytes(32)));
    private final SenderDataSecret senderDataSecret = new SenderDataSecret(Secret.of(suite.randomBytes(32)));

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    private PublicMessageProtection publicProtection(GroupContext in) {
        return new PublicMessageProtection(suite, in, membershipKey);
    }

    private PrivateMessageProtection privateProtection(GroupContext in, RatchetPolicy policy) {
        SecretTree tree = new SecretTree(suite, new EncryptionSecret(Secret.of(encryptionSecret)), 4, policy);
        return new PrivateMessageProtection(suite, in, senderDataSecret, tree, Padding.NONE);
    }

    private PrivateMessageProtection privateProtection() {
        return privateProtection(context, RatchetPolicy.DEFAULT);
    }

    private static Content proposal() {
        return new Content.ProposalContent(new Remove(LeafIndex.of(2)));
    }

    private static Content application(String text) {
        return new Content.ApplicationData(Bytes.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private PublicMessage publicProposal() throws Exception {
        return publicProtection(context)
                .protect(group.signed(WireFormat.PUBLIC_MESSAGE, SENDER, proposal(), Bytes.EMPTY));
    }

    private PrivateMessage privateApplication(PrivateMessageProtection sender) throws Exception {
        return sender.protect(group.signed(
                WireFormat.PRIVATE_MESSAGE,
                SENDER,
                application("Vermerk: Aktenzeichen 12-345, Entwurf zur Mitzeichnung"),
                Bytes.EMPTY));
    }

    private static ValidationRule ruleOf(Executable action) {
        return assertThrows(MlsException.class, action).rule();
    }

    private static Bytes flipLastByte(Bytes bytes) {
        byte[] value = bytes.toByteArray();
        value[value.length - 1] ^= 1;
        return Bytes.of(value);
    }

    @Test
    void aPublicMessageWithAWrongMembershipTagIsRejectedWithFraming3() throws Exception {
        PublicMessage sent = publicProposal();
        PublicMessage forged = new PublicMessage(
                sent.content(),
                sent.auth(),
                Optional.of(flipLastByte(sent.membershipTag().orElseThrow())));

        assertThat(ruleOf(() -> publicProtection(context).unprotect(forged, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.MEMBERSHIP_TAG);
    }

    @Test
    void aPublicMessageSignedWithAnotherKeyIsRejectedWithFraming4() throws Exception {
        KeyPair other = suite.generateSignatureKeyPair();
        ProtectionFixture impostor = new ProtectionFixture(suite, context, other.privateKey(), other.publicKey());
        PublicMessage sent = publicProtection(context)
                .protect(impostor.signed(WireFormat.PUBLIC_MESSAGE, SENDER, proposal(), Bytes.EMPTY));

        assertThat(ruleOf(() -> publicProtection(context).unprotect(sent, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.BAD_SIGNATURE);
    }

    @Test
    void aPrivateMessageSignedWithAnotherKeyIsRejectedWithFraming4() throws Exception {
        KeyPair other = suite.generateSignatureKeyPair();
        ProtectionFixture impostor = new ProtectionFixture(suite, context, other.privateKey(), other.publicKey());
        PrivateMessage sent = privateProtection()
                .protect(impostor.signed(WireFormat.PRIVATE_MESSAGE, SENDER, application("hallo"), Bytes.EMPTY));

        assertThat(ruleOf(() -> privateProtection().unprotect(sent, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.BAD_SIGNATURE);
    }

    @Test
    void aPrivateMessageWithATamperedCiphertextIsRejectedWithFraming5() throws Exception {
        PrivateMessage sent = privateApplication(privateProtection());
        assertThat(sent.ciphertext().size()).isGreaterThan(suite.hashLength()); // the sample stays intact
        PrivateMessage tampered = new PrivateMessage(
                sent.groupId(),
                sent.epoch(),
                sent.contentType(),
                sent.authenticatedData(),
                sent.encryptedSenderData(),
                flipLastByte(sent.ciphertext()));

        assertThat(ruleOf(() -> privateProtection().unprotect(tampered, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.CONTENT_DECRYPTION);
    }

    @Test
    void aPrivateMessageWithTamperedAuthenticatedDataIsRejectedWithFraming5() throws Exception {
        PrivateMessage sent = privateApplication(privateProtection());
        PrivateMessage tampered = new PrivateMessage(
                sent.groupId(),
                sent.epoch(),
                sent.contentType(),
                Bytes.fromHex("ff"),
                sent.encryptedSenderData(),
                sent.ciphertext());

        assertThat(ruleOf(() -> privateProtection().unprotect(tampered, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.CONTENT_DECRYPTION);
    }

    @Test
    void aPrivateMessageWithTamperedSenderDataIsRejectedWithFraming6() throws Exception {
        PrivateMessage sent = privateApplication(privateProtection());
        PrivateMessage tampered = new PrivateMessage(
                sent.groupId(),
                sent.epoch(),
                sent.contentType(),
                sent.authenticatedData(),
                flipLastByte(sent.encryptedSenderData()),
                sent.ciphertext());

        assertThat(ruleOf(() -> privateProtection().unprotect(tampered, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.SENDER_DATA_DECRYPTION);
    }

    @Test
    void messagesOfAnotherGroupAreRejectedWithFraming1() throws Exception {
        GroupContext other =
                ProtectionFixture.context(1, Bytes.fromHex("99"), 7, Bytes.fromHex("aa"), Bytes.fromHex("bb"));
        PublicMessage publicMessage = publicProposal();
        PrivateMessage privateMessage = privateApplication(privateProtection());

        assertThat(ruleOf(() -> publicProtection(other).unprotect(publicMessage, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.WRONG_GROUP);
        assertThat(ruleOf(() -> privateProtection(other, RatchetPolicy.DEFAULT)
                        .unprotect(privateMessage, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.WRONG_GROUP);
    }

    @Test
    void messagesOfAnotherEpochAreRejectedWithFraming2() throws Exception {
        GroupContext next = ProtectionFixture.context(1, GROUP, 8, Bytes.fromHex("aa"), Bytes.fromHex("bb"));
        PublicMessage publicMessage = publicProposal();
        PrivateMessage privateMessage = privateApplication(privateProtection());

        assertThat(ruleOf(() -> publicProtection(next).unprotect(publicMessage, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.WRONG_EPOCH);
        assertThat(ruleOf(() ->
                        privateProtection(next, RatchetPolicy.DEFAULT).unprotect(privateMessage, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.WRONG_EPOCH);
    }

    @Test
    void aPrivateMessageDecryptedTwiceIsAReplayWithSecretTree2() throws Exception {
        PrivateMessage sent = privateApplication(privateProtection());
        PrivateMessageProtection receiver = privateProtection();
        receiver.unprotect(sent, group.keysOf(SENDER));

        assertThat(ruleOf(() -> receiver.unprotect(sent, group.keysOf(SENDER)))).isEqualTo(SecretTreeRule.REPLAY);
    }

    @Test
    void aGenerationBeyondTheForwardBoundIsRejectedWithSecretTree1() throws Exception {
        PrivateMessageProtection sender = privateProtection();
        for (int generation = 0; generation < 3; generation++) {
            privateApplication(sender);
        }
        PrivateMessage generationThree = privateApplication(sender);
        PrivateMessageProtection receiver = privateProtection(context, new RatchetPolicy(10, 2));

        assertThat(ruleOf(() -> receiver.unprotect(generationThree, group.keysOf(SENDER))))
                .isEqualTo(SecretTreeRule.TOO_FAR_AHEAD);
    }

    @Test
    void applicationDataInAPublicMessageIsRejectedWithFraming7() throws Exception {
        AuthenticatedContent content =
                group.signed(WireFormat.PUBLIC_MESSAGE, SENDER, application("offen"), Bytes.EMPTY);
        PublicMessage forged = new PublicMessage(content.content(), content.auth(), Optional.of(Bytes.fromHex("00")));

        assertThat(ruleOf(() -> publicProtection(context).unprotect(forged, group.keysOf(SENDER))))
                .isEqualTo(FramingRule.APPLICATION_DATA_IN_PUBLIC_MESSAGE);
        assertThat(ruleOf(() -> publicProtection(context).protect(content)))
                .isEqualTo(FramingRule.APPLICATION_DATA_IN_PUBLIC_MESSAGE);
    }

    @Test
    void aMessageFromABlankLeafIsRejectedWithFraming8() throws Exception {
        SignatureKeys onlyLeafZero = group.keysOf(LeafIndex.of(0));
        PublicMessage publicMessage = publicProposal();
        PrivateMessage privateMessage = privateApplication(privateProtection());

        assertThat(ruleOf(() -> publicProtection(context).unprotect(publicMessage, onlyLeafZero)))
                .isEqualTo(FramingRule.UNKNOWN_SENDER);
        assertThat(ruleOf(() -> privateProtection().unprotect(privateMessage, onlyLeafZero)))
                .isEqualTo(FramingRule.UNKNOWN_SENDER);
    }

    @Test
    void theErrorMessageStartsWithTheRuleId() throws Exception {
        PrivateMessage sent = privateApplication(privateProtection());
        GroupContext next = ProtectionFixture.context(1, GROUP, 8, Bytes.fromHex("aa"), Bytes.fromHex("bb"));
        MlsException error = assertThrows(
                MlsException.class,
                () -> privateProtection(next, RatchetPolicy.DEFAULT).unprotect(sent, group.keysOf(SENDER)));
        assertThat(error).hasMessageStartingWith("FRAMING-2: ");
    }
}
