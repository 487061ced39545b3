package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.PrivateMessage;
import org.vermerk.protocol.framing.PublicMessage;
import org.vermerk.protocol.framing.protection.FramingException;
import org.vermerk.protocol.framing.protection.FramingRule;
import org.vermerk.protocol.framing.protection.PrivateMessageProtection;
import org.vermerk.protocol.framing.protection.PublicMessageProtection;
import org.vermerk.protocol.framing.protection.VerifiedContent;

/**
 * Message protection in an epoch (RFC 9420 §6.2, §6.3): signed content goes out as the
 * PublicMessage or PrivateMessage it was signed for; a received one is checked for group and epoch
 * first (FRAMING-1, and {@link WrongEpochException} for FRAMING-2) and then unprotected with the
 * epoch's keys and the senders' signature keys.
 */
final class Protection {
    private Protection() {}

    static MlsMessage protect(EpochState state, GroupConfig config, AuthenticatedContent content) throws MlsException {
        return switch (content.wireFormat()) {
            case PUBLIC_MESSAGE ->
                new MlsMessage.OfPublicMessage(
                        new PublicMessageProtection(state.suite, state.context, state.secrets.membershipKey())
                                .protect(content));
            case PRIVATE_MESSAGE ->
                new MlsMessage.OfPrivateMessage(privateProtection(state, config).protect(content));
            default -> throw new IllegalArgumentException("content signed for " + content.wireFormat());
        };
    }

    static VerifiedContent unprotect(EpochState state, GroupConfig config, PublicMessage message) throws MlsException {
        requireEpoch(state, message.content().groupId(), message.content().epoch());
        return new PublicMessageProtection(state.suite, state.context, state.secrets.membershipKey())
                .unprotect(message, new GroupSignatureKeys(state));
    }

    static VerifiedContent unprotect(EpochState state, GroupConfig config, PrivateMessage message)
            throws MlsException, DecodeException {
        requireEpoch(state, message.groupId(), message.epoch());
        return privateProtection(state, config).unprotect(message, new GroupSignatureKeys(state));
    }

    private static void requireEpoch(EpochState state, Bytes groupId, long epoch)
            throws WrongEpochException, FramingException {
        if (!groupId.equals(state.context.groupId())) {
            throw new FramingException(FramingRule.WRONG_GROUP, "the message belongs to another group");
        }
        if (epoch != state.epoch()) {
            throw new WrongEpochException(epoch, state.epoch());
        }
    }

    private static PrivateMessageProtection privateProtection(EpochState state, GroupConfig config) {
        return new PrivateMessageProtection(
                state.suite, state.context, state.secrets.senderDataSecret(), state.secretTree, config.padding());
    }
}
