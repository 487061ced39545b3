package org.vermerk.protocol.schedule;

import java.util.Arrays;
import java.util.List;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;

/**
 * The MLS key schedule (RFC 9420 §8) of one cipher suite:
 *
 * <pre>
 *                     init_secret_[n-1]
 *                           |
 *     commit_secret --&gt; KDF.Extract
 *                           |
 *                   ExpandWithLabel(., "joiner", GroupContext_[n], KDF.Nh)  = joiner_secret
 *                           |
 * psk_secret (or 0) --&gt; KDF.Extract                                    (= member secret)
 *                           +--&gt; DeriveSecret(., "welcome")           = welcome_secret
 *                   ExpandWithLabel(., "epoch", GroupContext_[n], KDF.Nh)   = epoch_secret
 *                           +--&gt; DeriveSecret(., &lt;label&gt;)           = the epoch-derived secrets
 *                     DeriveSecret(., "init")                          = init_secret_[n]
 * </pre>
 *
 * A member that processes a commit goes {@link #joinerSecret} → {@link #epochSecret} → {@link
 * #epochSecrets}; a joiner receives the joiner secret in a Welcome and starts at {@link
 * #welcomeSecret}. The inputs stay the caller's to wipe (§9.2). Stateless and thread-safe.
 */
public final class KeySchedule {
    private final LabeledCrypto crypto;

    public KeySchedule(CipherSuite suite) {
        this.crypto = new LabeledCrypto(suite);
    }

    /** The all-zero {@code commit_secret} of a commit without a path (§12.4.2). */
    public CommitSecret zeroCommitSecret() {
        return new CommitSecret(Secret.zero(crypto.suite().hashLength()));
    }

    /** The all-zero {@code psk_secret} when no PSK is injected (§8.4). */
    public PskSecret zeroPskSecret() {
        return new PskSecret(Secret.zero(crypto.suite().hashLength()));
    }

    /** {@code ExpandWithLabel(KDF.Extract(init_secret, commit_secret), "joiner", GroupContext, Nh)}. */
    public JoinerSecret joinerSecret(InitSecret init, CommitSecret commit, GroupContext context) {
        Secret extracted = crypto.extract(init.secret(), commit.secret());
        try {
            return new JoinerSecret(crypto.expandWithLabel(
                    extracted, "joiner", context.encoded(), crypto.suite().hashLength()));
        } finally {
            extracted.destroy();
        }
    }

    /** {@code DeriveSecret(KDF.Extract(joiner_secret, psk_secret), "welcome")}. */
    public WelcomeSecret welcomeSecret(JoinerSecret joiner, PskSecret psk) {
        Secret member = crypto.extract(joiner.secret(), psk.secret());
        try {
            return new WelcomeSecret(crypto.deriveSecret(member, "welcome"));
        } finally {
            member.destroy();
        }
    }

    /** {@code ExpandWithLabel(KDF.Extract(joiner_secret, psk_secret), "epoch", GroupContext, Nh)}. */
    public EpochSecret epochSecret(JoinerSecret joiner, PskSecret psk, GroupContext context) {
        Secret member = crypto.extract(joiner.secret(), psk.secret());
        try {
            return new EpochSecret(crypto.expandWithLabel(
                    member, "epoch", context.encoded(), crypto.suite().hashLength()));
        } finally {
            member.destroy();
        }
    }

    /** The secrets derived from {@code epoch_secret} (§8), including the next {@code init_secret}. */
    public EpochSecrets epochSecrets(EpochSecret epoch) {
        Secret e = epoch.secret();
        return new EpochSecrets(
                new SenderDataSecret(crypto.deriveSecret(e, "sender data")),
                new EncryptionSecret(crypto.deriveSecret(e, "encryption")),
                new ExporterSecret(crypto.deriveSecret(e, "exporter")),
                new ExternalSecret(crypto.deriveSecret(e, "external")),
                new ConfirmationKey(crypto.deriveSecret(e, "confirm")),
                new MembershipKey(crypto.deriveSecret(e, "membership")),
                new ResumptionPsk(crypto.deriveSecret(e, "resumption")),
                new EpochAuthenticator(crypto.deriveSecret(e, "authentication")),
                new InitSecret(crypto.deriveSecret(e, "init")));
    }

    /** {@code external_priv, external_pub = KEM.DeriveKeyPair(external_secret)} (§8). */
    public KeyPair externalKeyPair(ExternalSecret external) {
        byte[] ikm = external.secret().expose();
        try {
            return crypto.suite().deriveHpkeKeyPair(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * {@code MLS-Exporter(Label, Context, Length) = ExpandWithLabel(DeriveSecret(exporter_secret,
     * Label), "exported", Hash(Context), Length)} (§8.5). Labels are registered with IANA (§17.8).
     */
    public Secret export(ExporterSecret exporter, String label, byte[] context, int length) {
        Secret derived = crypto.deriveSecret(exporter.secret(), label);
        try {
            return crypto.expandWithLabel(derived, "exported", crypto.suite().hash(context), length);
        } finally {
            derived.destroy();
        }
    }

    /**
     * {@code psk_secret} (§8.4) from the PSKs in the order the commit lists them:
     *
     * <pre>
     * psk_extracted_[i] = KDF.Extract(0, psk_[i])
     * psk_input_[i]     = ExpandWithLabel(psk_extracted_[i], "derived psk", PSKLabel, KDF.Nh)
     * psk_secret_[0]    = 0
     * psk_secret_[i]    = KDF.Extract(psk_input_[i-1], psk_secret_[i-1])
     * </pre>
     *
     * An empty list gives the all-zero secret.
     */
    public PskSecret pskSecret(List<PreSharedKey> psks) {
        int nh = crypto.suite().hashLength();
        int count = psks.size();
        if (count > 0xffff) {
            throw new IllegalArgumentException(count + " PSKs do not fit PSKLabel.count");
        }
        Secret zero = Secret.zero(nh);
        Secret chained = Secret.zero(nh);
        for (int i = 0; i < count; i++) {
            PreSharedKey psk = psks.get(i);
            Secret extracted = crypto.extract(zero, psk.psk());
            Secret input =
                    crypto.expandWithLabel(extracted, "derived psk", new PskLabel(psk.id(), i, count).encoded(), nh);
            Secret next = crypto.extract(input, chained);
            extracted.destroy();
            input.destroy();
            chained.destroy();
            chained = next;
        }
        return new PskSecret(chained);
    }

    /** {@code welcome_key = ExpandWithLabel(welcome_secret, "key", "", AEAD.Nk)} (§12.4.3.1). */
    public Secret welcomeKey(WelcomeSecret welcome) {
        return crypto.expandWithLabel(
                welcome.secret(), "key", new byte[0], crypto.suite().aeadKeyLength());
    }

    /** {@code welcome_nonce = ExpandWithLabel(welcome_secret, "nonce", "", AEAD.Nn)} (§12.4.3.1). */
    public Secret welcomeNonce(WelcomeSecret welcome) {
        return crypto.expandWithLabel(
                welcome.secret(), "nonce", new byte[0], crypto.suite().aeadNonceLength());
    }
}
