package org.vermerk.protocol.welcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackageRef;
import org.vermerk.protocol.messages.EncryptedGroupSecrets;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PreSharedKey;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.schedule.WelcomeSecret;

/**
 * The first half of joining by Welcome (RFC 9420 §12.4.3.1), for a client of one cipher suite:
 *
 * <ol>
 *   <li>find the EncryptedGroupSecrets whose {@code new_member} is our KeyPackageRef (WELCOME-1;
 *       the suites of Welcome and KeyPackage must match, WELCOME-2);
 *   <li>{@code group_secrets = DecryptWithLabel(init_priv, "Welcome", encrypted_group_info,
 *       kem_output, ciphertext)} (WELCOME-3);
 *   <li>look up the PSKs it names (WELCOME-4, WELCOME-5) and chain them into {@code psk_secret};
 *   <li>{@code welcome_secret} from {@code joiner_secret} and {@code psk_secret} (§8), then {@code
 *       welcome_key} and {@code welcome_nonce}, which open {@code encrypted_group_info} with an
 *       empty AAD (WELCOME-6); its group context must be of our suite (WELCOME-2).
 * </ol>
 *
 * The result, a {@link DecryptedWelcome}, is not yet trusted: its GroupInfo's signature needs the
 * signer's key from the ratchet tree, which the group logic finds, and then {@link
 * DecryptedWelcome#verify} checks the signature and the confirmation tag. Stateless; thread-safe.
 */
public final class WelcomeReceiver {
    static final String LABEL = "Welcome";
    private static final Decoder<GroupSecrets> GROUP_SECRETS = GroupSecrets::decode;
    private static final Decoder<GroupInfo> GROUP_INFO = GroupInfo::decode;

    private final CipherSuite suite;
    private final LabeledCrypto crypto;
    private final KeySchedule schedule;

    public WelcomeReceiver(CipherSuite suite) {
        this.suite = Objects.requireNonNull(suite);
        this.crypto = new LabeledCrypto(suite);
        this.schedule = new KeySchedule(suite);
    }

    /**
     * Decrypts the part of {@code welcome} meant for the holder of {@code ours}, whose {@code
     * init_key} belongs to {@code initPrivateKey}. The caller keeps and wipes its private key.
     */
    public DecryptedWelcome decrypt(Welcome welcome, KeyPackage ours, Secret initPrivateKey, PskLookup psks)
            throws WelcomeException {
        if (welcome.cipherSuite() != suite.id() || ours.cipherSuite() != suite.id()) {
            throw new WelcomeException(
                    WelcomeRule.CIPHER_SUITE,
                    "Welcome of suite " + welcome.cipherSuite() + ", KeyPackage of suite " + ours.cipherSuite());
        }
        EncryptedGroupSecrets entry = entryFor(welcome, KeyPackageRef.of(suite, ours));
        GroupSecrets groupSecrets = openGroupSecrets(welcome, entry, initPrivateKey);
        try {
            PskSecret pskSecret = pskSecret(groupSecrets.psks(), psks);
            GroupInfo groupInfo;
            try {
                groupInfo = openGroupInfo(welcome, new JoinerSecret(groupSecrets.joinerSecret()), pskSecret);
            } catch (WelcomeException e) {
                pskSecret.destroy();
                throw e;
            }
            if (groupInfo.groupContext().cipherSuite() != suite.id()) {
                pskSecret.destroy();
                throw new WelcomeException(
                        WelcomeRule.CIPHER_SUITE,
                        "GroupInfo of suite " + groupInfo.groupContext().cipherSuite());
            }
            return new DecryptedWelcome(suite, groupSecrets, groupInfo, pskSecret);
        } catch (WelcomeException e) {
            groupSecrets.joinerSecret().destroy();
            groupSecrets.pathSecret().ifPresent(path -> path.pathSecret().destroy());
            throw e;
        }
    }

    private static EncryptedGroupSecrets entryFor(Welcome welcome, KeyPackageRef ours) throws WelcomeException {
        for (EncryptedGroupSecrets entry : welcome.secrets()) {
            if (entry.newMember().equals(ours.value())) {
                return entry;
            }
        }
        throw new WelcomeException(
                WelcomeRule.NOT_FOR_US,
                "Welcome for someone else: none of its " + welcome.secrets().size() + " entries is for KeyPackage "
                        + ours.value());
    }

    private GroupSecrets openGroupSecrets(Welcome welcome, EncryptedGroupSecrets entry, Secret initPrivateKey)
            throws WelcomeException {
        byte[] plaintext;
        try {
            plaintext = crypto.decryptWithLabel(
                    initPrivateKey, LABEL, welcome.encryptedGroupInfo().toByteArray(), entry.encryptedGroupSecrets());
        } catch (CryptoException e) {
            throw new WelcomeException(WelcomeRule.GROUP_SECRETS_DECRYPTION, "the group secrets do not open");
        }
        try {
            return GROUP_SECRETS.decodeAll(plaintext);
        } catch (DecodeException e) {
            throw new WelcomeException(
                    WelcomeRule.GROUP_SECRETS_DECRYPTION,
                    "the group secrets do not decode: " + e.rule().id());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private PskSecret pskSecret(List<PreSharedKeyId> ids, PskLookup lookup) throws WelcomeException {
        List<PreSharedKey> psks = new ArrayList<>();
        boolean reinitOrBranch = false;
        for (PreSharedKeyId id : ids) {
            if (id instanceof PreSharedKeyId.Resumption resumption
                    && resumption.usage() != PreSharedKeyId.ResumptionPskUsage.APPLICATION) {
                if (reinitOrBranch) {
                    throw new WelcomeException(
                            WelcomeRule.SECOND_REINIT_OR_BRANCH_PSK,
                            "a second resumption PSK of usage reinit or branch");
                }
                reinitOrBranch = true;
            }
            Optional<Secret> psk = lookup.find(id);
            if (psk.isEmpty()) {
                throw new WelcomeException(WelcomeRule.UNKNOWN_PSK, "no PSK for a " + id.pskType() + " PSK id");
            }
            psks.add(new PreSharedKey(id, psk.get()));
        }
        try {
            return schedule.pskSecret(psks);
        } finally {
            psks.forEach(psk -> psk.psk().destroy());
        }
    }

    private GroupInfo openGroupInfo(Welcome welcome, JoinerSecret joiner, PskSecret psk) throws WelcomeException {
        WelcomeSecret welcomeSecret = schedule.welcomeSecret(joiner, psk);
        Secret key = schedule.welcomeKey(welcomeSecret);
        Secret nonce = schedule.welcomeNonce(welcomeSecret);
        welcomeSecret.destroy();
        byte[] k = key.expose();
        byte[] n = nonce.expose();
        byte[] plaintext;
        try {
            plaintext = suite.aeadOpen(
                    k, n, new byte[0], welcome.encryptedGroupInfo().toByteArray());
        } catch (CryptoException e) {
            throw new WelcomeException(WelcomeRule.GROUP_INFO_DECRYPTION, "the GroupInfo does not open");
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(n, (byte) 0);
            key.destroy();
            nonce.destroy();
        }
        try {
            return GROUP_INFO.decodeAll(plaintext);
        } catch (DecodeException e) {
            throw new WelcomeException(
                    WelcomeRule.GROUP_INFO_DECRYPTION,
                    "the GroupInfo does not decode: " + e.rule().id());
        }
    }
}
