package org.vermerk.protocol.framing.protection;

import java.util.Objects;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;

/**
 * An AuthenticatedContent whose protection has been removed and checked (RFC 9420 §6): it is of
 * this group and epoch, its signature verifies under the sender's key, and, as it came, its
 * membership tag (PublicMessage from a member) or its AEAD encryption (PrivateMessage) held. Only
 * {@link PublicMessageProtection} and {@link PrivateMessageProtection} make one, so a value of this
 * type has passed those checks; a decoded {@link AuthenticatedContent} has not.
 *
 * <p>Not yet checked: a commit's confirmation tag, which needs the next epoch's key schedule
 * (§8.1, §12.4.2), and everything the group logic validates about proposals and commits.
 *
 * <p>{@link #toString()} names the sender, epoch and content type only, never the content.
 */
public final class VerifiedContent {
    private final AuthenticatedContent content;

    VerifiedContent(AuthenticatedContent content) {
        this.content = Objects.requireNonNull(content);
    }

    public AuthenticatedContent authenticatedContent() {
        return content;
    }

    public FramedContent framedContent() {
        return content.content();
    }

    public Sender sender() {
        return content.content().sender();
    }

    /** How the message travelled: PublicMessage or PrivateMessage. */
    public WireFormat wireFormat() {
        return content.wireFormat();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedContent that && content.equals(that.content);
    }

    @Override
    public int hashCode() {
        return content.hashCode();
    }

    @Override
    public String toString() {
        return "VerifiedContent[" + content.wireFormat() + ", epoch "
                + Long.toUnsignedString(framedContent().epoch()) + ", " + sender() + ", "
                + framedContent().contentType() + "]";
    }
}
