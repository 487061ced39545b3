package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.ExternalInit;
import org.vermerk.protocol.messages.GroupContextExtensions;
import org.vermerk.protocol.messages.PreSharedKey;
import org.vermerk.protocol.messages.ProposalOrRef;
import org.vermerk.protocol.messages.ReInit;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.schedule.PreSharedKeyId;

/**
 * The proposal rules of RFC 9420 §12.1 and §12.2 that {@link GroupRulesTest} does not cover, each
 * broken on purpose in a group of three (suite 1), and the Update proposal that another member
 * commits by reference.
 */
class ProposalRulesTest {
    private final CipherSuite suite = suite();
    private final TestClient anna = new TestClient(suite, "anna.schmidt@bmi.example");
    private final TestClient bernd = new TestClient(suite, "bernd.weber@bmi.example");
    private final TestClient clara = new TestClient(suite, "clara.neumann@bmj.example");
    private TestWorld world;

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void threeMembers() throws Exception {
        world = new TestWorld(suite, anna);
        world.commit(
                anna,
                CommitOptions.of(List.of(
                        new org.vermerk.protocol.messages.Add(bernd.keyPackage()),
                        new org.vermerk.protocol.messages.Add(clara.keyPackage()))),
                List.of(bernd, clara));
    }

    private Bytes nonce() {
        return Bytes.of(new byte[suite.hashLength()]);
    }

    private PreSharedKey externalPsk(String id, Bytes nonce) {
        return new PreSharedKey(new PreSharedKeyId.External(Bytes.fromHex(id), nonce));
    }

    private void annaCommitting(List<org.vermerk.protocol.messages.Proposal> proposals, GroupRule rule) {
        assertViolates(() -> anna.group.commit(CommitOptions.of(proposals)), InvalidProposalException.class, rule);
        assertThat(anna.group.pendingCommit()).isEmpty();
    }

    @Test
    void anUpdateProposedByAnotherMemberIsCommittedByReferenceAndEveryoneAgrees() throws Exception {
        MlsMessage update = bernd.group.proposeUpdate();
        anna.group.process(update);
        clara.group.process(update);
        CreatedCommit created = world.commit(anna, CommitOptions.of(List.of()), List.of());

        assertThat(created.staged().updatedMembers())
                .extracting(Member::leafIndex)
                .containsExactly(bernd.group.ownLeaf());
        world.assertAgreement();
        MlsMessage fromBernd = bernd.group.encrypt(new byte[] {7}, Bytes.EMPTY);
        assertThat(((ProcessedMessage.ApplicationMessage) clara.group.process(fromBernd)).plaintext())
                .isEqualTo(Bytes.of(new byte[] {7}));
    }

    @Test
    void aCommitterMayNotCoverItsOwnUpdateGroup3() throws Exception {
        anna.group.proposeUpdate();
        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of())),
                InvalidProposalException.class,
                GroupRule.UPDATE_BY_COMMITTER);
    }

    @Test
    void twoProposalsForTheSamePskAreRefusedWithGroup8() {
        annaCommitting(List.of(externalPsk("01", nonce()), externalPsk("01", nonce())), GroupRule.DUPLICATE_PSK);
    }

    @Test
    void twoGroupContextExtensionsProposalsAreRefusedWithGroup9() {
        annaCommitting(
                List.of(new GroupContextExtensions(List.of()), new GroupContextExtensions(List.of())),
                GroupRule.MULTIPLE_GROUP_CONTEXT_EXTENSIONS);
    }

    @Test
    void aReInitWithAnotherProposalIsRefusedWithGroup10() {
        annaCommitting(
                List.of(new ReInit(Bytes.fromHex("77"), 1, 1, List.of()), new Remove(clara.group.ownLeaf())),
                GroupRule.REINIT_NOT_ALONE);
    }

    @Test
    void anExternalInitInAMembersCommitIsRefusedWithGroup11() {
        annaCommitting(List.of(new ExternalInit(Bytes.fromHex("0102"))), GroupRule.EXTERNAL_INIT_IN_MEMBER_COMMIT);
    }

    @Test
    void anExternalInitProposedByAMemberIsRefusedWithGroup21() throws Exception {
        MlsMessage proposal = Forgery.memberProposal(bernd, new ExternalInit(Bytes.fromHex("0102")));
        assertViolates(() -> anna.group.process(proposal), InvalidProposalException.class, GroupRule.PROPOSAL_SENDER);
    }

    @Test
    void aPskWithANonceOfTheWrongLengthIsRefusedWithGroup13() {
        annaCommitting(List.of(externalPsk("01", Bytes.fromHex("0102"))), GroupRule.PSK_NONCE_LENGTH);
    }

    @Test
    void aResumptionPskForAReInitIsRefusedInANormalCommitWithGroup14() {
        annaCommitting(
                List.of(new PreSharedKey(new PreSharedKeyId.Resumption(
                        PreSharedKeyId.ResumptionPskUsage.REINIT, anna.group.groupId(), 1, nonce()))),
                GroupRule.PSK_USAGE);
    }

    @Test
    void aReInitToAnOlderVersionIsRefusedWithGroup15() {
        annaCommitting(List.of(new ReInit(Bytes.fromHex("77"), 0, 1, List.of())), GroupRule.REINIT_VERSION);
    }

    @Test
    void aReInitAloneIsCommittedAndTheStagedCommitSaysSo() throws Exception {
        CreatedCommit created =
                anna.group.commit(CommitOptions.of(List.of(new ReInit(Bytes.fromHex("77"), 1, 1, List.of()))));
        var staged = ((ProcessedMessage.CommitMessage) bernd.group.process(created.commit())).staged();
        assertThat(staged.reInit()).map(ReInit::groupId).contains(Bytes.fromHex("77"));
    }

    @Test
    void anExtensionNoMemberSupportsIsRefusedWithGroup16() {
        annaCommitting(
                List.of(new GroupContextExtensions(List.of(new Extension(0xff00, Bytes.fromHex("00"))))),
                GroupRule.EXTENSIONS_NOT_SUPPORTED);
    }

    @Test
    void aPskNobodyHoldsIsRefusedWithGroup23() {
        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of(externalPsk("0badc0de", nonce())))),
                MissingPskException.class,
                GroupRule.UNKNOWN_PSK);
    }

    @Test
    void aResumptionPskOfAnEarlierEpochIsInjectedAndEveryoneAgrees() throws Exception {
        long earlier = anna.group.epoch();
        world.commit(anna, CommitOptions.of(List.of()), List.of());
        world.commit(
                bernd,
                CommitOptions.of(List.of(new PreSharedKey(new PreSharedKeyId.Resumption(
                        PreSharedKeyId.ResumptionPskUsage.APPLICATION, anna.group.groupId(), earlier, nonce())))),
                List.of());
        world.assertAgreement();
    }

    @Test
    void anExternalCommitWithoutExternalInitIsRefusedWithGroup17() throws Exception {
        Commit honest = honestExternalCommit();
        Commit withoutInit = new Commit(List.of(), honest.path());
        MlsMessage forged = Forgery.externalCommit(mallory, clara.group.state(), withoutInit);
        assertViolates(
                () -> clara.group.process(forged),
                InvalidCommitException.class,
                GroupRule.EXTERNAL_COMMIT_EXTERNAL_INIT);
    }

    @Test
    void anExternalCommitWithAGroupContextExtensionsProposalIsRefusedWithGroup19() throws Exception {
        Commit honest = honestExternalCommit();
        var proposals = new java.util.ArrayList<>(honest.proposals());
        proposals.add(new ProposalOrRef.ByValue(new GroupContextExtensions(List.of())));
        MlsMessage forged = Forgery.externalCommit(mallory, clara.group.state(), new Commit(proposals, honest.path()));
        assertViolates(
                () -> clara.group.process(forged),
                InvalidCommitException.class,
                GroupRule.EXTERNAL_COMMIT_PROPOSAL_TYPE);
    }

    @Test
    void joiningExternallyNeedsExternalPubGroup26() throws Exception {
        var withoutExternalPub = GroupInfoFactory.create(
                anna.group.state(), anna.identity.signatureKeys().privateKey(), true, false);
        assertViolates(
                () -> Group.joinByExternalCommit(
                        suite,
                        mallory.config,
                        mallory.identity,
                        withoutExternalPub,
                        Optional.empty(),
                        Optional.empty()),
                JoinException.class,
                GroupRule.NO_EXTERNAL_PUB);
    }

    private final TestClient mallory = new TestClient(suite, "mallory@example.org");

    private Commit honestExternalCommit() throws Exception {
        ExternalJoin join = Group.joinByExternalCommit(
                suite, mallory.config, mallory.identity, anna.group.groupInfo(), Optional.empty(), Optional.empty());
        var content =
                ((MlsMessage.OfPublicMessage) join.commit()).message().content().content();
        return ((org.vermerk.protocol.framing.Content.CommitContent) content).commit();
    }
}
