package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.KeyPackageRef;
import org.vermerk.protocol.keypackage.KeyPackageValidator;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.messages.EncryptedGroupSecrets;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.schedule.WelcomeSecret;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.welcome.DecryptedWelcome;
import org.vermerk.protocol.welcome.GroupInfoSignature;
import org.vermerk.protocol.welcome.PskLookup;
import org.vermerk.protocol.welcome.WelcomeReceiver;
import org.vermerk.protocol.welcome.WelcomeSender;

/**
 * Fuzzes joining by Welcome (RFC 9420 §12.4.3.1) for one fixed new member: a KeyPackage of suite 1
 * with its private keys, made in the static setup from a seeded random source, and a committer's
 * signature key. Each input goes through {@link WelcomeReceiver#decrypt} with that KeyPackage and
 * init key and, when it opens, {@link DecryptedWelcome#verify} with the committer's key; only the
 * engine's MlsExceptions may come out, within {@link FuzzBudget}. The member holds one external
 * PSK, so that GroupSecrets naming PSKs get past the lookup. Three ways in:
 *
 * <ul>
 *   <li>arbitrary bytes as a Welcome MLSMessage (mostly decoding and the KeyPackageRef lookup);
 *   <li>edits ({@link Mutations}) to a real Welcome sealed for the member by {@link WelcomeSender}
 *       (the HPKE and AEAD layers: the empty input is the real Welcome and joins);
 *   <li>edits to the plaintext GroupSecrets and GroupInfo of that Welcome, sealed again properly, so
 *       that the decoders and checks behind the encryption see the damage.
 * </ul>
 */
class WelcomeFuzzTest {
    private static final Decoder<MlsMessage> DECODER = MlsMessage::decode;
    private static final Bytes PSK_ID = Bytes.of("fuzz-psk".getBytes(StandardCharsets.US_ASCII));

    private static final CipherSuite SUITE = FuzzFixtures.suite1(0x5745_4c43_4f4d_45L);
    private static final KeySchedule SCHEDULE = new KeySchedule(SUITE);
    private static final LabeledCrypto CRYPTO = new LabeledCrypto(SUITE);
    private static final KeyPair COMMITTER = SUITE.generateSignatureKeyPair();
    private static final NewKeyPackage MEMBER = keyPackage();
    private static final KeyPackageRef MEMBER_REF = MEMBER.ref();
    private static final Secret JOINER = Secret.of(SUITE.randomBytes(SUITE.hashLength()));
    private static final byte[] GROUP_SECRETS = new GroupSecrets(JOINER, Optional.empty(), List.of()).encoded();
    private static final GroupInfo SIGNED_GROUP_INFO = signedGroupInfo();
    private static final byte[] GROUP_INFO = SIGNED_GROUP_INFO.encoded();
    private static final byte[] WELCOME = realWelcome();

    private static final PskLookup ONE_EXTERNAL_PSK = id ->
            id instanceof PreSharedKeyId.External external && external.pskId().equals(PSK_ID)
                    ? Optional.of(Secret.of(new byte[32]))
                    : Optional.empty();

    private static NewKeyPackage keyPackage() {
        try {
            return new KeyPackageFactory(SUITE, FuzzFixtures.CLOCK)
                    .create(
                            new BasicCredential(Bytes.of("bernd.weber@bmi.example".getBytes(StandardCharsets.UTF_8))),
                            SUITE.generateSignatureKeyPair());
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    /** Epoch 3 of group 0a0b0c, signed by the committer at leaf 0, with a correct confirmation tag. */
    private static GroupInfo signedGroupInfo() {
        GroupContext context = new GroupContext(
                GroupContext.MLS10,
                SUITE.id(),
                Bytes.fromHex("0a0b0c"),
                3,
                Bytes.of(SUITE.randomBytes(32)),
                Bytes.of(SUITE.randomBytes(32)),
                List.of());
        EpochSecrets epoch = SCHEDULE.epochSecrets(
                SCHEDULE.epochSecret(new JoinerSecret(JOINER), SCHEDULE.zeroPskSecret(), context));
        Bytes tag = ConfirmationTag.compute(SUITE, epoch.confirmationKey(), context.confirmedTranscriptHash());
        try {
            return GroupInfoSignature.sign(
                    SUITE,
                    COMMITTER.privateKey(),
                    new GroupInfo(context, List.of(), tag, LeafIndex.of(0), Bytes.EMPTY));
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] realWelcome() {
        try {
            GroupSecrets secrets = new GroupSecrets(JOINER, Optional.empty(), List.of());
            Welcome welcome = new WelcomeSender(SUITE)
                    .seal(
                            SIGNED_GROUP_INFO,
                            new JoinerSecret(JOINER),
                            SCHEDULE.zeroPskSecret(),
                            List.of(new WelcomeSender.NewMember(
                                    new KeyPackageValidator(SUITE, FuzzFixtures.CLOCK).validate(MEMBER.keyPackage()),
                                    secrets)));
            return new MlsMessage.OfWelcome(welcome).encoded();
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    /** Decrypts and verifies {@code message} as the member does; MlsExceptions are the caller's to accept. */
    private static void join(byte[] message) throws MlsException {
        if (DECODER.decodeAll(message) instanceof MlsMessage.OfWelcome(Welcome welcome)) {
            DecryptedWelcome decrypted = new WelcomeReceiver(SUITE)
                    .decrypt(welcome, MEMBER.keyPackage(), MEMBER.privateKeys().initPrivateKey(), ONE_EXTERNAL_PSK);
            try {
                decrypted.verify(COMMITTER.publicKey()).epochSecrets().destroy();
            } finally {
                decrypted.destroy();
            }
        }
    }

    @Test
    void theUnmutatedWelcomesJoinSoThatTheFuzzerStartsFromAValidOne() throws MlsException {
        join(WELCOME);
        join(seal(GROUP_SECRETS, GROUP_INFO));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void arbitraryBytesAsAWelcomeFailWithMlsException(byte[] input) {
        FuzzBudget.check(input.length, () -> join(input));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void mutatedRealWelcomeFailsWithMlsException(FuzzedDataProvider data) {
        byte[] message = Mutations.apply(WELCOME, data);
        FuzzBudget.check(message.length, () -> join(message));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void resealedMutatedPlaintextsFailWithMlsException(FuzzedDataProvider data) {
        byte[] groupSecrets = Mutations.apply(GROUP_SECRETS, data);
        byte[] groupInfo = Mutations.apply(GROUP_INFO, data);
        byte[] message = seal(groupSecrets, groupInfo);
        FuzzBudget.check(message.length, () -> join(message));
    }

    /**
     * A Welcome MLSMessage for the member whose plaintexts are the given bytes: the GroupInfo bytes
     * under the welcome key of the real joiner secret (and no PSKs), the GroupSecrets bytes under the
     * member's init key, HPKE randomness from a fixed seed so that a corpus entry replays exactly.
     */
    private static byte[] seal(byte[] groupSecrets, byte[] groupInfo) {
        CipherSuite sealing = FuzzFixtures.suite1(1);
        WelcomeSecret welcomeSecret = SCHEDULE.welcomeSecret(new JoinerSecret(JOINER), SCHEDULE.zeroPskSecret());
        byte[] encryptedGroupInfo = sealing.aeadSeal(
                SCHEDULE.welcomeKey(welcomeSecret).expose(),
                SCHEDULE.welcomeNonce(welcomeSecret).expose(),
                new byte[0],
                groupInfo);
        try {
            EncryptedGroupSecrets entry = new EncryptedGroupSecrets(
                    MEMBER_REF.value(),
                    new LabeledCrypto(sealing)
                            .encryptWithLabel(
                                    MEMBER.keyPackage().initKey(), "Welcome", encryptedGroupInfo, groupSecrets));
            return new MlsMessage.OfWelcome(new Welcome(SUITE.id(), List.of(entry), Bytes.of(encryptedGroupInfo)))
                    .encoded();
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }
}
