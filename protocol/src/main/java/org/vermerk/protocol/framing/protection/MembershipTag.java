package org.vermerk.protocol.framing.protection;

import java.security.MessageDigest;
import java.util.Arrays;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.AuthenticatedContentTbm;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.MembershipKey;

/**
 * The membership tag of a PublicMessage from a member (RFC 9420 §6.2):
 *
 * <pre>
 * membership_tag = MAC(membership_key, AuthenticatedContentTBM)
 * </pre>
 *
 * It shows that the sender knew the epoch's {@code membership_key}. Stateless.
 */
final class MembershipTag {
    private MembershipTag() {}

    static Bytes compute(CipherSuite suite, MembershipKey key, AuthenticatedContent content, GroupContext context) {
        AuthenticatedContentTbm tbm = new AuthenticatedContentTbm(
                ContentAuthentication.toBeSigned(content.wireFormat(), content.content(), context), content.auth());
        byte[] k = key.secret().expose();
        try {
            return Bytes.of(suite.mac(k, tbm.encoded()));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** FRAMING-3 unless {@code tag} is the membership tag of {@code content}; compared in constant time. */
    static void verify(
            CipherSuite suite, MembershipKey key, AuthenticatedContent content, GroupContext context, Bytes tag)
            throws FramingException {
        Bytes expected = compute(suite, key, content, context);
        if (!MessageDigest.isEqual(expected.toByteArray(), tag.toByteArray())) {
            throw new FramingException(FramingRule.MEMBERSHIP_TAG, "the membership tag does not match");
        }
    }
}
