package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.framing.protection.ContentAuthentication;

/**
 * Application messages (RFC 9420 §6.3, §15): data from a member, signed and sent as a
 * PrivateMessage under the next key of the member's application ratchet, with the caller's
 * additional authenticated data in {@code authenticated_data} (sent in clear, bound by the AEAD
 * and the signature).
 */
final class ApplicationMessages {
    private ApplicationMessages() {}

    static MlsMessage encrypt(
            EpochState state, GroupConfig config, SigningIdentity identity, byte[] plaintext, Bytes authenticatedData)
            throws MlsException {
        FramedContent content = new FramedContent(
                state.context.groupId(),
                state.epoch(),
                new Sender.Member(state.ownLeaf()),
                authenticatedData,
                new Content.ApplicationData(Bytes.of(plaintext)));
        AuthenticatedContent signed = ContentAuthentication.sign(
                state.suite, identity.signatureKeys().privateKey(), WireFormat.PRIVATE_MESSAGE, content, state.context);
        return Protection.protect(state, config, signed);
    }
}
