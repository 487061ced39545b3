package org.vermerk.protocol.welcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.EncryptedGroupSecrets;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.schedule.WelcomeSecret;

/**
 * The committer's side of a Welcome (RFC 9420 §12.4.3.1):
 *
 * <pre>
 * encrypted_group_info    = AEAD.Seal(welcome_key, welcome_nonce, "", GroupInfo)
 * encrypted_group_secrets = EncryptWithLabel(init_key, "Welcome", encrypted_group_info, group_secrets)
 *                           // one per new member, named by the KeyPackageRef of its KeyPackage
 * </pre>
 *
 * {@code welcome_secret} comes from the new epoch's {@code joiner_secret} and {@code psk_secret}
 * (§8). The GroupInfo must already be signed ({@link GroupInfoSignature}); each new member's
 * GroupSecrets carries the joiner secret, its own path secret and the PSK ids. The secrets passed in
 * stay the caller's to wipe. HPKE randomness comes from the suite. Thread-safe.
 */
public final class WelcomeSender {
    /** A new member: its validated KeyPackage and the GroupSecrets encrypted to its init key. */
    public record NewMember(VerifiedKeyPackage keyPackage, GroupSecrets groupSecrets) {
        public NewMember {
            Objects.requireNonNull(keyPackage);
            Objects.requireNonNull(groupSecrets);
        }
    }

    private final CipherSuite suite;
    private final LabeledCrypto crypto;
    private final KeySchedule schedule;

    public WelcomeSender(CipherSuite suite) {
        this.suite = Objects.requireNonNull(suite);
        this.crypto = new LabeledCrypto(suite);
        this.schedule = new KeySchedule(suite);
    }

    public Welcome seal(GroupInfo signedGroupInfo, JoinerSecret joiner, PskSecret psk, List<NewMember> newMembers)
            throws CryptoException {
        Bytes encryptedGroupInfo = Bytes.of(encryptGroupInfo(signedGroupInfo, joiner, psk));
        List<Bytes> initKeys = new ArrayList<>(newMembers.size());
        List<byte[]> plaintexts = new ArrayList<>(newMembers.size());
        try {
            for (NewMember member : newMembers) {
                if (member.keyPackage().keyPackage().cipherSuite() != suite.id()) {
                    throw new IllegalArgumentException("a KeyPackage of another cipher suite");
                }
                initKeys.add(member.keyPackage().initKey());
                plaintexts.add(member.groupSecrets().encoded());
            }
            // One EncryptContext (with the whole encrypted GroupInfo) for all new members.
            List<HpkeCiphertext> ciphertexts = crypto.encryptWithLabelToEach(
                    initKeys, WelcomeReceiver.LABEL, encryptedGroupInfo.toByteArray(), plaintexts);
            List<EncryptedGroupSecrets> secrets = new ArrayList<>(newMembers.size());
            for (int i = 0; i < newMembers.size(); i++) {
                secrets.add(new EncryptedGroupSecrets(
                        newMembers.get(i).keyPackage().ref().value(), ciphertexts.get(i)));
            }
            return new Welcome(suite.id(), secrets, encryptedGroupInfo);
        } finally {
            for (byte[] plaintext : plaintexts) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private byte[] encryptGroupInfo(GroupInfo groupInfo, JoinerSecret joiner, PskSecret psk) {
        WelcomeSecret welcomeSecret = schedule.welcomeSecret(joiner, psk);
        Secret key = schedule.welcomeKey(welcomeSecret);
        Secret nonce = schedule.welcomeNonce(welcomeSecret);
        welcomeSecret.destroy();
        byte[] k = key.expose();
        byte[] n = nonce.expose();
        try {
            return suite.aeadSeal(k, n, new byte[0], groupInfo.encoded());
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(n, (byte) 0);
            key.destroy();
            nonce.destroy();
        }
    }
}
