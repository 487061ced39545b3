package org.vermerk.protocol.framing.protection;

import java.util.Arrays;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.PrivateContentAad;
import org.vermerk.protocol.framing.PrivateMessage;
import org.vermerk.protocol.framing.PrivateMessageContent;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.SenderData;
import org.vermerk.protocol.framing.SenderDataAad;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.SenderDataSecret;
import org.vermerk.protocol.secrettree.KeyAndNonce;
import org.vermerk.protocol.secrettree.RatchetType;
import org.vermerk.protocol.secrettree.SecretTree;
import org.vermerk.protocol.secrettree.SecretTreeException;
import org.vermerk.protocol.secrettree.SenderDataKeys;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Turns AuthenticatedContent into a PrivateMessage and back (RFC 9420 §6.3) in one epoch.
 *
 * <p>Content encryption (§6.3.1): the key and nonce of the next generation of the sender's
 * ratchet in the secret tree, the handshake ratchet for proposals and commits, the application
 * ratchet for application data; a fresh random four-byte {@code reuse_guard} XORed into the first
 * four bytes of the nonce; PrivateContentAAD as AAD; the plaintext a PrivateMessageContent padded
 * as the {@link Padding} says.
 *
 * <p>Sender data encryption (§6.3.2): SenderData {@code (leaf_index, generation, reuse_guard)}
 * under {@code sender_data_key} and {@code sender_data_nonce}, derived from {@code
 * sender_data_secret} and the first {@code KDF.Nh} bytes of the content ciphertext, with
 * SenderDataAAD.
 *
 * <p>{@link #unprotect} checks, in this order: group (FRAMING-1) and epoch (FRAMING-2), the sender
 * data (FRAMING-6, then CODEC-* for its encoding), the sender's signature key (FRAMING-8), the
 * generation (SECRET-TREE-1 too far ahead, -2 replayed, -3 expired, -4 no such leaf), the content
 * ciphertext (FRAMING-5), the padding (CODEC-11) and the signature (FRAMING-4). The ratchet key is
 * deleted once handed out (§9.2), also when a later check fails: a member who forges sender data
 * (every member knows {@code sender_data_secret}) can burn another member's generations, which
 * costs that member's messages, not their confidentiality.
 *
 * <p>Threading: not thread-safe; it advances the {@link SecretTree} it is given, which belongs to
 * the epoch's group state and is touched only by that conversation's worker. The secrets stay the
 * epoch's to wipe. Reuse guards come from the suite's random source.
 */
public final class PrivateMessageProtection {
    private static final Decoder<SenderData> SENDER_DATA = SenderData::decode;

    private final CipherSuite suite;
    private final LabeledCrypto crypto;
    private final GroupContext context;
    private final SenderDataSecret senderDataSecret;
    private final SecretTree secretTree;
    private final Padding padding;

    public PrivateMessageProtection(
            CipherSuite suite,
            GroupContext context,
            SenderDataSecret senderDataSecret,
            SecretTree secretTree,
            Padding padding) {
        this.suite = Objects.requireNonNull(suite);
        this.crypto = new LabeledCrypto(suite);
        this.context = Objects.requireNonNull(context);
        this.senderDataSecret = Objects.requireNonNull(senderDataSecret);
        this.secretTree = Objects.requireNonNull(secretTree);
        this.padding = Objects.requireNonNull(padding);
    }

    /** The ratchet that protects a content type (§6.3.1): handshake for proposals and commits. */
    public static RatchetType ratchetFor(ContentType type) {
        return type == ContentType.APPLICATION ? RatchetType.APPLICATION : RatchetType.HANDSHAKE;
    }

    /**
     * The PrivateMessage for {@code content}, which a member signed for wire format PrivateMessage
     * in this epoch. Uses up one generation of the sender's ratchet; SECRET-TREE-5 when it is
     * exhausted.
     */
    public PrivateMessage protect(AuthenticatedContent content) throws SecretTreeException {
        FramedContent framed = content.content();
        if (content.wireFormat() != WireFormat.PRIVATE_MESSAGE) {
            throw new IllegalArgumentException("content was signed for " + content.wireFormat());
        }
        if (!(framed.sender() instanceof Sender.Member(LeafIndex leaf))) {
            throw new IllegalArgumentException("only members send PrivateMessages, not " + framed.sender());
        }
        if (!framed.groupId().equals(context.groupId()) || framed.epoch() != context.epoch()) {
            throw new IllegalArgumentException("content is not of this group and epoch");
        }
        ContentType type = framed.contentType();
        byte[] plaintext = plaintext(new PrivateMessageContent(framed.content(), content.auth(), 0));
        PrivateContentAad aad =
                new PrivateContentAad(framed.groupId(), framed.epoch(), type, framed.authenticatedData());

        KeyAndNonce keys = secretTree.nextForSending(leaf, ratchetFor(type));
        Bytes reuseGuard = Bytes.of(suite.randomBytes(SenderData.REUSE_GUARD_LENGTH));
        byte[] ciphertext;
        try {
            ciphertext = seal(keys.key(), guarded(keys.nonce(), reuseGuard), aad.encoded(), plaintext);
        } finally {
            keys.destroy();
            Arrays.fill(plaintext, (byte) 0);
        }

        SenderData senderData = new SenderData(leaf, keys.generation(), reuseGuard);
        SenderDataKeys senderDataKeys = SenderDataKeys.derive(crypto, senderDataSecret, ciphertext);
        byte[] encryptedSenderData;
        try {
            encryptedSenderData = seal(
                    senderDataKeys.key(),
                    senderDataKeys.nonce().expose(),
                    new SenderDataAad(framed.groupId(), framed.epoch(), type).encoded(),
                    senderData.encoded());
        } finally {
            senderDataKeys.destroy();
        }
        return new PrivateMessage(
                framed.groupId(),
                framed.epoch(),
                type,
                framed.authenticatedData(),
                Bytes.of(encryptedSenderData),
                Bytes.of(ciphertext));
    }

    /** The verified content of {@code message}; see the class comment for the checks and their order. */
    public VerifiedContent unprotect(PrivateMessage message, SignatureKeys keys)
            throws FramingException, SecretTreeException, DecodeException {
        EpochCheck.require(context, message.groupId(), message.epoch());
        SenderData senderData = decryptSenderData(message);
        LeafIndex leaf = senderData.leafIndex();
        Bytes signatureKey = keys.ofMember(leaf);

        KeyAndNonce ratchetKeys =
                secretTree.forReceiving(leaf, ratchetFor(message.contentType()), senderData.generation());
        byte[] plaintext;
        try {
            plaintext = open(
                    ratchetKeys.key(),
                    guarded(ratchetKeys.nonce(), senderData.reuseGuard()),
                    message.contentAad().encoded(),
                    message.ciphertext().toByteArray(),
                    FramingRule.CONTENT_DECRYPTION);
        } finally {
            ratchetKeys.destroy();
        }
        PrivateMessageContent decrypted;
        try {
            decrypted = PrivateMessageContent.decode(plaintext, message.contentType());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }

        FramedContent framed = new FramedContent(
                message.groupId(),
                message.epoch(),
                new Sender.Member(leaf),
                message.authenticatedData(),
                decrypted.content());
        AuthenticatedContent content = new AuthenticatedContent(WireFormat.PRIVATE_MESSAGE, framed, decrypted.auth());
        ContentAuthentication.verify(suite, content, context, signatureKey);
        return new VerifiedContent(content);
    }

    private SenderData decryptSenderData(PrivateMessage message) throws FramingException, DecodeException {
        SenderDataKeys senderDataKeys = SenderDataKeys.derive(
                crypto, senderDataSecret, message.ciphertext().toByteArray());
        try {
            byte[] encoded = open(
                    senderDataKeys.key(),
                    senderDataKeys.nonce().expose(),
                    message.senderDataAad().encoded(),
                    message.encryptedSenderData().toByteArray(),
                    FramingRule.SENDER_DATA_DECRYPTION);
            return SENDER_DATA.decodeAll(encoded);
        } finally {
            senderDataKeys.destroy();
        }
    }

    private byte[] plaintext(PrivateMessageContent unpadded) {
        TlsWriter writer = new TlsWriter();
        unpadded.encode(writer);
        int paddingLength = padding.paddingFor(writer.size());
        if (paddingLength < 0) {
            throw new IllegalStateException("padding policy returned " + paddingLength);
        }
        writer.raw(new byte[paddingLength]);
        return writer.toByteArray();
    }

    /** The ratchet nonce with the reuse guard XORed into its first four bytes (§6.3.1); the caller wipes it. */
    private static byte[] guarded(Secret nonce, Bytes reuseGuard) {
        byte[] value = nonce.expose();
        for (int i = 0; i < SenderData.REUSE_GUARD_LENGTH; i++) {
            value[i] ^= reuseGuard.get(i);
        }
        return value;
    }

    private byte[] seal(Secret key, byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] k = key.expose();
        try {
            return suite.aeadSeal(k, nonce, aad, plaintext);
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(nonce, (byte) 0);
        }
    }

    private byte[] open(Secret key, byte[] nonce, byte[] aad, byte[] ciphertext, FramingRule rule)
            throws FramingException {
        byte[] k = key.expose();
        try {
            return suite.aeadOpen(k, nonce, aad, ciphertext);
        } catch (CryptoException e) {
            throw new FramingException(rule, "the AEAD tag does not authenticate");
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(nonce, (byte) 0);
        }
    }
}
