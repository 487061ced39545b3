package org.vermerk.protocol.framing.protection;

import java.util.Objects;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.PublicMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.MembershipKey;

/**
 * Turns AuthenticatedContent into a PublicMessage and back (RFC 9420 §6.2) in one epoch:
 *
 * <ul>
 *   <li>{@link #protect}: adds {@code membership_tag = MAC(membership_key, AuthenticatedContentTBM)}
 *       when the sender is a member; application data is refused (FRAMING-7).
 *   <li>{@link #unprotect}: checks, in this order, application data (FRAMING-7), group (FRAMING-1)
 *       and epoch (FRAMING-2), the membership tag of a member (FRAMING-3), the sender's key
 *       (FRAMING-8) and the signature (FRAMING-4).
 * </ul>
 *
 * A commit's confirmation tag is checked later, by the group logic (§12.4.2). Holds no mutable
 * state; the membership key stays the caller's (the epoch's) to wipe.
 */
public final class PublicMessageProtection {
    private final CipherSuite suite;
    private final GroupContext context;
    private final MembershipKey membershipKey;

    public PublicMessageProtection(CipherSuite suite, GroupContext context, MembershipKey membershipKey) {
        this.suite = Objects.requireNonNull(suite);
        this.context = Objects.requireNonNull(context);
        this.membershipKey = Objects.requireNonNull(membershipKey);
    }

    /** The PublicMessage for {@code content}, which must be signed for wire format PublicMessage. */
    public PublicMessage protect(AuthenticatedContent content) throws FramingException {
        if (content.wireFormat() != WireFormat.PUBLIC_MESSAGE) {
            throw new IllegalArgumentException("content was signed for " + content.wireFormat());
        }
        requireNoApplicationData(content.content().contentType());
        Optional<Bytes> tag = content.content().sender() instanceof Sender.Member
                ? Optional.of(MembershipTag.compute(suite, membershipKey, content, context))
                : Optional.empty();
        return new PublicMessage(content.content(), content.auth(), tag);
    }

    /** The verified content of {@code message}; see the class comment for the checks. */
    public VerifiedContent unprotect(PublicMessage message, SignatureKeys keys) throws FramingException {
        requireNoApplicationData(message.content().contentType());
        EpochCheck.require(
                context, message.content().groupId(), message.content().epoch());
        AuthenticatedContent content =
                new AuthenticatedContent(WireFormat.PUBLIC_MESSAGE, message.content(), message.auth());
        if (message.membershipTag().isPresent()) {
            MembershipTag.verify(
                    suite,
                    membershipKey,
                    content,
                    context,
                    message.membershipTag().get());
        }
        ContentAuthentication.verify(suite, content, context, keys.of(message.content()));
        return new VerifiedContent(content);
    }

    private static void requireNoApplicationData(ContentType type) throws FramingException {
        if (type == ContentType.APPLICATION) {
            throw new FramingException(
                    FramingRule.APPLICATION_DATA_IN_PUBLIC_MESSAGE, "application data must be sent as PrivateMessage");
        }
    }
}
