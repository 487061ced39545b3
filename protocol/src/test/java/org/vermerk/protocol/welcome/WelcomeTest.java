package org.vermerk.protocol.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.ValidationRule;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.KeyPackageValidator;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.messages.PathSecret;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.transcript.TranscriptRule;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * A committer at leaf 0 welcomes new members to epoch 3 of a group (suite 1): the round trip, and
 * each way a Welcome can be refused, with its rule.
 */
class WelcomeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T08:30:00Z"), ZoneOffset.UTC);

    private final CipherSuite suite = suite();
    private final KeySchedule schedule = new KeySchedule(suite);
    private final KeyPair committer = suite.generateSignatureKeyPair();
    private final GroupContext context = new GroupContext(
            GroupContext.MLS10,
            suite.id(),
            Bytes.fromHex("0a0b0c"),
            3,
            Bytes.of(suite.randomBytes(32)),
            Bytes.of(suite.randomBytes(32)),
            List.of());
    private final JoinerSecret joiner = new JoinerSecret(Secret.of(suite.randomBytes(32)));
    private final EpochSecrets epoch =
            schedule.epochSecrets(schedule.epochSecret(joiner, schedule.zeroPskSecret(), context));
    private final Bytes confirmationTag =
            ConfirmationTag.compute(suite, epoch.confirmationKey(), context.confirmedTranscriptHash());
    private final NewKeyPackage bernd = keyPackage("bernd.weber@bmi.example");

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    private NewKeyPackage keyPackage(String identity) {
        try {
            return new KeyPackageFactory(suite, CLOCK)
                    .create(
                            new BasicCredential(Bytes.of(identity.getBytes(StandardCharsets.UTF_8))),
                            suite.generateSignatureKeyPair());
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    private VerifiedKeyPackage verified(NewKeyPackage keyPackage) throws MlsException {
        return new KeyPackageValidator(suite, CLOCK).validate(keyPackage.keyPackage());
    }

    private GroupInfo groupInfo(Bytes tag) throws MlsException {
        return GroupInfoSignature.sign(
                suite, committer.privateKey(), new GroupInfo(context, List.of(), tag, LeafIndex.of(0), Bytes.EMPTY));
    }

    private GroupSecrets groupSecrets(Optional<PathSecret> path, List<PreSharedKeyId> psks) {
        return new GroupSecrets(joiner.secret(), path, psks);
    }

    private Welcome welcomeTo(NewKeyPackage member, GroupSecrets secrets, Bytes tag) throws MlsException {
        return new WelcomeSender(suite)
                .seal(
                        groupInfo(tag),
                        joiner,
                        schedule.zeroPskSecret(),
                        List.of(new WelcomeSender.NewMember(verified(member), secrets)));
    }

    private Welcome welcomeToBernd() throws MlsException {
        return welcomeTo(bernd, groupSecrets(Optional.empty(), List.of()), confirmationTag);
    }

    private DecryptedWelcome berndDecrypts(Welcome welcome, PskLookup psks) throws MlsException {
        return new WelcomeReceiver(suite)
                .decrypt(welcome, bernd.keyPackage(), bernd.privateKeys().initPrivateKey(), psks);
    }

    private static ValidationRule ruleOf(Executable action) {
        return assertThrows(MlsException.class, action).rule();
    }

    @Test
    void aNewMemberOpensItsWelcomeAndReachesTheCommittersEpoch() throws Exception {
        PathSecret path = new PathSecret(Secret.of(suite.randomBytes(32)));
        NewKeyPackage clara = keyPackage("clara.neumann@bmj.example");
        Welcome welcome = new WelcomeSender(suite)
                .seal(
                        groupInfo(confirmationTag),
                        joiner,
                        schedule.zeroPskSecret(),
                        List.of(
                                new WelcomeSender.NewMember(verified(clara), groupSecrets(Optional.empty(), List.of())),
                                new WelcomeSender.NewMember(
                                        verified(bernd), groupSecrets(Optional.of(path), List.of()))));

        VerifiedWelcome joined = berndDecrypts(welcome, PskLookup.NONE).verify(committer.publicKey());

        assertThat(joined.groupInfo()).isEqualTo(groupInfo(confirmationTag));
        assertThat(joined.groupSecrets().pathSecret()).contains(path);
        assertThat(joined.epochSecrets().epochAuthenticator()).isEqualTo(epoch.epochAuthenticator());
        assertThat(joined.epochSecrets().encryptionSecret()).isEqualTo(epoch.encryptionSecret());
        assertThat(joined.transcriptHashes())
                .isEqualTo(new TranscriptHashes(
                        context.confirmedTranscriptHash(),
                        TranscriptHashes.interimAfter(suite, context.confirmedTranscriptHash(), confirmationTag)));
        assertThat(joined.toString())
                .doesNotContain(Bytes.of(joiner.secret().expose()).hex());
    }

    @Test
    void aWelcomeForSomeoneElseIsRefusedWithWelcome1() throws Exception {
        Welcome toClara = welcomeTo(
                keyPackage("clara.neumann@bmj.example"), groupSecrets(Optional.empty(), List.of()), confirmationTag);

        MlsException error = assertThrows(MlsException.class, () -> berndDecrypts(toClara, PskLookup.NONE));
        assertThat(error.rule()).isEqualTo(WelcomeRule.NOT_FOR_US);
        assertThat(error).hasMessageStartingWith("WELCOME-1: Welcome for someone else");
    }

    @Test
    void aWelcomeOfAnotherCipherSuiteIsRefusedWithWelcome2() throws Exception {
        Welcome sent = welcomeToBernd();
        Welcome otherSuite = new Welcome(2, sent.secrets(), sent.encryptedGroupInfo());

        assertThat(ruleOf(() -> berndDecrypts(otherSuite, PskLookup.NONE))).isEqualTo(WelcomeRule.CIPHER_SUITE);
    }

    @Test
    void groupSecretsThatDoNotOpenWithOurInitKeyAreRefusedWithWelcome3() throws Exception {
        Welcome sent = welcomeToBernd();
        Secret wrongKey = bernd.privateKeys().encryptionPrivateKey();

        assertThat(ruleOf(() -> new WelcomeReceiver(suite).decrypt(sent, bernd.keyPackage(), wrongKey, PskLookup.NONE)))
                .isEqualTo(WelcomeRule.GROUP_SECRETS_DECRYPTION);
    }

    @Test
    void groupSecretsNamingAPskWeDoNotHoldAreRefusedWithWelcome4() throws Exception {
        PreSharedKeyId external = new PreSharedKeyId.External(Bytes.fromHex("01"), Bytes.of(suite.randomBytes(32)));
        Welcome sent = welcomeTo(bernd, groupSecrets(Optional.empty(), List.of(external)), confirmationTag);

        assertThat(ruleOf(() -> berndDecrypts(sent, PskLookup.NONE))).isEqualTo(WelcomeRule.UNKNOWN_PSK);
    }

    @Test
    void groupSecretsWithTwoReinitPsksAreRefusedWithWelcome5() throws Exception {
        List<PreSharedKeyId> twoReinits = List.of(
                new PreSharedKeyId.Resumption(
                        PreSharedKeyId.ResumptionPskUsage.REINIT, Bytes.fromHex("01"), 5, Bytes.fromHex("aa")),
                new PreSharedKeyId.Resumption(
                        PreSharedKeyId.ResumptionPskUsage.BRANCH, Bytes.fromHex("02"), 5, Bytes.fromHex("bb")));
        Welcome sent = welcomeTo(bernd, groupSecrets(Optional.empty(), twoReinits), confirmationTag);

        assertThat(ruleOf(() -> berndDecrypts(sent, id -> Optional.of(Secret.of(new byte[32])))))
                .isEqualTo(WelcomeRule.SECOND_REINIT_OR_BRANCH_PSK);
    }

    @Test
    void aGroupInfoThatDoesNotOpenWithTheWelcomeKeyIsRefusedWithWelcome6() throws Exception {
        GroupSecrets otherJoiner = new GroupSecrets(Secret.of(suite.randomBytes(32)), Optional.empty(), List.of());
        Welcome sent = welcomeTo(bernd, otherJoiner, confirmationTag);

        assertThat(ruleOf(() -> berndDecrypts(sent, PskLookup.NONE))).isEqualTo(WelcomeRule.GROUP_INFO_DECRYPTION);
    }

    @Test
    void aGroupInfoWithABadSignatureIsRefusedWithWelcome7() throws Exception {
        DecryptedWelcome decrypted = berndDecrypts(welcomeToBernd(), PskLookup.NONE);
        Bytes impostor = suite.generateSignatureKeyPair().publicKey();

        assertThat(ruleOf(() -> decrypted.verify(impostor))).isEqualTo(WelcomeRule.GROUP_INFO_SIGNATURE);
    }

    @Test
    void aGroupInfoWithAWrongConfirmationTagIsRefusedWithTranscript1() throws Exception {
        byte[] tag = confirmationTag.toByteArray();
        tag[0] ^= 1;
        Welcome sent = welcomeTo(bernd, groupSecrets(Optional.empty(), List.of()), Bytes.of(tag));
        DecryptedWelcome decrypted = berndDecrypts(sent, PskLookup.NONE);

        assertThat(ruleOf(() -> decrypted.verify(committer.publicKey()))).isEqualTo(TranscriptRule.CONFIRMATION_TAG);
    }
}
