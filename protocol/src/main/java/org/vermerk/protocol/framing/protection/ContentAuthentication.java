package org.vermerk.protocol.framing.protection;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.FramedContentAuthData;
import org.vermerk.protocol.framing.FramedContentTbs;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.schedule.GroupContext;

/**
 * The signature of FramedContentAuthData (RFC 9420 §6.1):
 *
 * <pre>
 * signature = SignWithLabel(signature_key, "FramedContentTBS", FramedContentTBS)
 * </pre>
 *
 * The FramedContentTBS covers the wire format the message will travel in and, for {@code member}
 * and {@code new_member_commit} senders, the group context of the current epoch. A commit is
 * signed first and gets its confirmation tag afterwards, because the tag is a MAC over the
 * confirmed transcript hash, which covers the signature (§8.2). Stateless.
 */
public final class ContentAuthentication {
    static final String LABEL = "FramedContentTBS";

    private ContentAuthentication() {}

    /** The FramedContentTBS of {@code content} sent as {@code wireFormat} in the epoch of {@code context}. */
    public static FramedContentTbs toBeSigned(WireFormat wireFormat, FramedContent content, GroupContext context) {
        return new FramedContentTbs(
                wireFormat,
                content,
                FramedContentTbs.needsContext(content.sender()) ? Optional.of(context) : Optional.empty());
    }

    /** The signature over {@code content}. */
    public static Bytes signature(
            CipherSuite suite, Secret signatureKey, WireFormat wireFormat, FramedContent content, GroupContext context)
            throws CryptoException {
        return new LabeledCrypto(suite)
                .signWithLabel(
                        signatureKey,
                        LABEL,
                        toBeSigned(wireFormat, content, context).encoded());
    }

    /**
     * A signed proposal or application message; a commit needs its confirmation tag and is
     * assembled by the caller from {@link #signature} (IllegalArgumentException here).
     */
    public static AuthenticatedContent sign(
            CipherSuite suite, Secret signatureKey, WireFormat wireFormat, FramedContent content, GroupContext context)
            throws CryptoException {
        if (content.contentType() == ContentType.COMMIT) {
            throw new IllegalArgumentException("a commit is signed with signature() and then confirmed");
        }
        Bytes signature = signature(suite, signatureKey, wireFormat, content, context);
        return new AuthenticatedContent(wireFormat, content, new FramedContentAuthData(signature, Optional.empty()));
    }

    /** FRAMING-4 unless the signature of {@code content} verifies under {@code signatureKey}. */
    public static void verify(CipherSuite suite, AuthenticatedContent content, GroupContext context, Bytes signatureKey)
            throws FramingException {
        byte[] tbs =
                toBeSigned(content.wireFormat(), content.content(), context).encoded();
        if (!new LabeledCrypto(suite)
                .verifyWithLabel(signatureKey, LABEL, tbs, content.auth().signature())) {
            throw new FramingException(
                    FramingRule.BAD_SIGNATURE,
                    "the signature of " + content.content().sender() + " does not verify");
        }
    }
}
