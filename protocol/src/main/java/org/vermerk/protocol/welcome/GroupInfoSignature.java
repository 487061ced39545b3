package org.vermerk.protocol.welcome;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.messages.GroupInfo;

/**
 * The signature of a GroupInfo (RFC 9420 §12.4.3):
 *
 * <pre>
 * signature = SignWithLabel(signature_key, "GroupInfoTBS", GroupInfoTBS)   // GroupInfoTBS: every field above it
 * </pre>
 *
 * made by the member at leaf {@code signer}. Stateless.
 */
public final class GroupInfoSignature {
    static final String LABEL = "GroupInfoTBS";

    private GroupInfoSignature() {}

    /** {@code groupInfo} with its signature; the signature the argument carries is ignored. */
    public static GroupInfo sign(CipherSuite suite, Secret signatureKey, GroupInfo groupInfo) throws CryptoException {
        Bytes signature = new LabeledCrypto(suite)
                .signWithLabel(signatureKey, LABEL, groupInfo.toBeSigned().toByteArray());
        return new GroupInfo(
                groupInfo.groupContext(),
                groupInfo.extensions(),
                groupInfo.confirmationTag(),
                groupInfo.signer(),
                signature);
    }

    /** WELCOME-7 unless the signature verifies under {@code signerKey}, the key of the signer's leaf. */
    public static void verify(CipherSuite suite, GroupInfo groupInfo, Bytes signerKey) throws WelcomeException {
        if (!new LabeledCrypto(suite)
                .verifyWithLabel(signerKey, LABEL, groupInfo.toBeSigned().toByteArray(), groupInfo.signature())) {
            throw new WelcomeException(
                    WelcomeRule.GROUP_INFO_SIGNATURE,
                    "the GroupInfo signature of " + groupInfo.signer() + " does not verify");
        }
    }
}
