package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.protection.FramingRule;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.ProposalOrRef;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.welcome.WelcomeException;
import org.vermerk.protocol.welcome.WelcomeRule;

/**
 * The group rules, each broken on purpose in a group of four (suite 1): Anna at leaf 0, Bernd at
 * 1, Clara at 2, Dora at 3. Each negative test expects its specific error type and rule; the
 * positive ones show what the rules allow (a commit of Adds without a path, an external joiner
 * replacing its own former leaf, the loser of a commit race following the winner).
 */
class GroupRulesTest {
    private final CipherSuite suite = suite();
    private final TestClient anna = new TestClient(suite, "anna.schmidt@bmi.example");
    private final TestClient bernd = new TestClient(suite, "bernd.weber@bmi.example");
    private final TestClient clara = new TestClient(suite, "clara.neumann@bmj.example");
    private final TestClient dora = new TestClient(suite, "dora.fischer@bmi.example");
    private TestWorld world;

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void fourMembers() throws Exception {
        world = new TestWorld(suite, anna);
        world.commit(
                anna,
                CommitOptions.of(
                        List.of(new Add(bernd.keyPackage()), new Add(clara.keyPackage()), new Add(dora.keyPackage()))),
                List.of(bernd, clara, dora));
        world.assertAgreement();
    }

    private static LeafIndex leaf(TestClient client) {
        return client.group.ownLeaf();
    }

    private static Commit commitOf(List<ProposalOrRef> proposals) {
        return new Commit(proposals, Optional.empty());
    }

    @Test
    void aCommitThatRemovesAMemberWithoutAPathIsRefusedWithGroup2() throws Exception {
        MlsMessage forged =
                Forgery.memberCommit(anna, commitOf(List.of(new ProposalOrRef.ByValue(new Remove(leaf(clara))))));
        assertViolates(() -> bernd.group.process(forged), InvalidCommitException.class, GroupRule.PATH_REQUIRED);
    }

    @Test
    void anEmptyCommitWithoutAPathIsRefusedWithGroup2() throws Exception {
        MlsMessage forged = Forgery.memberCommit(anna, commitOf(List.of()));
        assertViolates(() -> bernd.group.process(forged), InvalidCommitException.class, GroupRule.PATH_REQUIRED);
    }

    @Test
    void aCommitThatOnlyAddsMayComeWithoutAPath() throws Exception {
        TestClient erik = new TestClient(suite, "erik.wagner@bmi.example");
        CreatedCommit created = world.commit(
                anna, CommitOptions.of(List.of(new Add(erik.keyPackage()))).pathOnlyWhenRequired(), List.of(erik));
        var content = ((MlsMessage.OfPublicMessage) created.commit())
                .message()
                .content()
                .content();
        assertThat(((Content.CommitContent) content).commit().path()).isEmpty();
        world.assertAgreement();
    }

    @Test
    void anExternalCommitThatRemovesAnotherMemberIsRefusedWithGroup18() throws Exception {
        TestClient mallory = new TestClient(suite, "mallory@example.org");
        ExternalJoin join = Group.joinByExternalCommit(
                suite, mallory.config, mallory.identity, anna.group.groupInfo(), Optional.empty(), Optional.empty());
        Commit honest = commitIn(join.commit());
        List<ProposalOrRef> proposals = new ArrayList<>(honest.proposals());
        proposals.add(new ProposalOrRef.ByValue(new Remove(leaf(bernd))));
        MlsMessage forged = Forgery.externalCommit(mallory, clara.group.state(), new Commit(proposals, honest.path()));

        assertViolates(
                () -> clara.group.process(forged),
                InvalidCommitException.class,
                GroupRule.EXTERNAL_COMMIT_REMOVES_OTHER);
    }

    @Test
    void anExternalJoinerCannotEvenCreateACommitRemovingAnotherMemberGroup18() throws Exception {
        TestClient mallory = new TestClient(suite, "mallory@example.org");
        assertViolates(
                () -> Group.joinByExternalCommit(
                        suite,
                        mallory.config,
                        mallory.identity,
                        anna.group.groupInfo(),
                        Optional.empty(),
                        Optional.of(leaf(bernd))),
                InvalidCommitException.class,
                GroupRule.EXTERNAL_COMMIT_REMOVES_OTHER);
    }

    @Test
    void anExternalCommitListingAProposalByReferenceIsRefusedWithGroup20() throws Exception {
        TestClient mallory = new TestClient(suite, "mallory@example.org");
        ExternalJoin join = Group.joinByExternalCommit(
                suite, mallory.config, mallory.identity, anna.group.groupInfo(), Optional.empty(), Optional.empty());
        Commit honest = commitIn(join.commit());
        List<ProposalOrRef> proposals = new ArrayList<>(honest.proposals());
        proposals.add(new ProposalOrRef.ByReference(Bytes.fromHex("00112233")));
        MlsMessage forged = Forgery.externalCommit(mallory, clara.group.state(), new Commit(proposals, honest.path()));

        assertViolates(
                () -> clara.group.process(forged),
                InvalidCommitException.class,
                GroupRule.EXTERNAL_COMMIT_BY_REFERENCE);
    }

    @Test
    void anExternalJoinerIsAcceptedByEveryMember() throws Exception {
        TestClient erik = new TestClient(suite, "erik.wagner@bmi.example");
        ExternalJoin join = Group.joinByExternalCommit(
                suite, erik.config, erik.identity, bernd.group.groupInfo(), Optional.empty(), Optional.empty());
        world.deliver(erik, join.commit());
        erik.group = join.group();
        world.members.add(erik);

        world.assertAgreement();
        assertThat(anna.group.members()).extracting(Member::credential).contains(erik.identity.credential());
    }

    @Test
    void anExternalJoinerGivenTheTreeOutOfBandSendsAMessageEveryoneReads() throws Exception {
        TestClient erik = new TestClient(suite, "erik.wagner@bmi.example");
        var withoutTree = GroupInfoFactory.create(
                clara.group.state(), clara.identity.signatureKeys().privateKey(), false, true);
        assertViolates(
                () -> Group.joinByExternalCommit(
                        suite, erik.config, erik.identity, withoutTree, Optional.empty(), Optional.empty()),
                JoinException.class,
                GroupRule.NO_RATCHET_TREE);

        ExternalJoin join = Group.joinByExternalCommit(
                suite,
                erik.config,
                erik.identity,
                withoutTree,
                Optional.of(clara.group.ratchetTree()),
                Optional.empty());
        world.deliver(erik, join.commit());
        erik.group = join.group();
        world.members.add(erik);
        MlsMessage hello =
                erik.group.encrypt("Guten Tag".getBytes(java.nio.charset.StandardCharsets.UTF_8), Bytes.EMPTY);

        world.assertAgreement();
        for (TestClient member : List.of(anna, bernd, clara, dora)) {
            var received = (ProcessedMessage.ApplicationMessage) member.group.process(hello);
            assertThat(received.member().credential()).isEqualTo(erik.identity.credential());
        }
    }

    @Test
    void aClientThatLostItsStateRejoinsExternallyAndReplacesItsFormerLeaf() throws Exception {
        TestClient berndAgain = new TestClient(suite, "bernd.weber@bmi.example");
        ExternalJoin join = Group.joinByExternalCommit(
                suite,
                berndAgain.config,
                berndAgain.identity,
                anna.group.groupInfo(),
                Optional.empty(),
                Optional.of(leaf(bernd)));
        world.members.remove(bernd);
        world.deliver(berndAgain, join.commit());
        berndAgain.group = join.group();
        world.members.add(berndAgain);

        world.assertAgreement();
        assertThat(anna.group.members()).hasSize(4);
        assertThat(anna.group.members())
                .extracting(Member::signatureKey)
                .contains(berndAgain.identity.signatureKeys().publicKey())
                .doesNotContain(bernd.identity.signatureKeys().publicKey());
    }

    @Test
    void aCommitOfAnEarlierEpochIsRefusedAsWrongEpoch() throws Exception {
        CreatedCommit created = world.commit(anna, CommitOptions.of(List.of()), List.of());

        assertViolates(() -> bernd.group.process(created.commit()), WrongEpochException.class, FramingRule.WRONG_EPOCH);
        assertThatThrownBy(() -> bernd.group.process(created.commit()))
                .isInstanceOfSatisfying(
                        WrongEpochException.class,
                        e -> assertThat(e.isFromFuture()).isFalse());
    }

    @Test
    void aCommitListingAProposalWeNeverReceivedIsRefusedWithGroup1() throws Exception {
        anna.group.propose(new Remove(leaf(dora))); // never delivered to Bernd
        CreatedCommit created = anna.group.commit(CommitOptions.of(List.of()));

        assertViolates(
                () -> bernd.group.process(created.commit()),
                MissingProposalException.class,
                GroupRule.UNKNOWN_PROPOSAL_REFERENCE);
    }

    @Test
    void twoAddsOfTheSameKeyPackageAreRefusedWithGroup6WhenCommittingAndWhenProcessing() throws Exception {
        TestClient erik = new TestClient(suite, "erik.wagner@bmi.example");
        var keyPackage = erik.keyPackage();
        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of(new Add(keyPackage), new Add(keyPackage)))),
                InvalidProposalException.class,
                GroupRule.DUPLICATE_ADD);
        assertThat(anna.group.pendingCommit()).isEmpty();

        MlsMessage forged = Forgery.memberCommit(
                anna,
                commitOf(List.of(
                        new ProposalOrRef.ByValue(new Add(keyPackage)),
                        new ProposalOrRef.ByValue(new Add(keyPackage)))));
        assertViolates(() -> bernd.group.process(forged), InvalidProposalException.class, GroupRule.DUPLICATE_ADD);
    }

    @Test
    void addingAClientThatIsAlreadyAMemberIsRefusedWithGroup7() throws Exception {
        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of(new Add(bernd.keyPackage())))),
                InvalidProposalException.class,
                GroupRule.ADD_OF_MEMBER);
    }

    @Test
    void removingABlankLeafIsRefusedWithGroup12WhenCommittingAndWhenProposed() throws Exception {
        LeafIndex berndsLeaf = leaf(bernd);
        world.commit(anna, CommitOptions.of(List.of(new Remove(berndsLeaf))), List.of());

        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of(new Remove(berndsLeaf)))),
                InvalidProposalException.class,
                GroupRule.REMOVE_BLANK_LEAF);
        MlsMessage proposal = Forgery.memberProposal(clara, new Remove(berndsLeaf));
        assertViolates(() -> anna.group.process(proposal), InvalidProposalException.class, GroupRule.REMOVE_BLANK_LEAF);
    }

    @Test
    void aCommitterMayNotRemoveItselfGroup4() throws Exception {
        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of(new Remove(leaf(anna))))),
                InvalidProposalException.class,
                GroupRule.REMOVES_COMMITTER);
    }

    @Test
    void twoRemovesOfTheSameLeafAreRefusedWithGroup5() throws Exception {
        assertViolates(
                () -> anna.group.commit(CommitOptions.of(List.of(new Remove(leaf(bernd)), new Remove(leaf(bernd))))),
                InvalidProposalException.class,
                GroupRule.SAME_LEAF_CHANGED_TWICE);
    }

    @Test
    void aWelcomeForSomeoneElseIsRefusedWithWelcome1() throws Exception {
        TestClient erik = new TestClient(suite, "erik.wagner@bmi.example");
        TestClient fritz = new TestClient(suite, "fritz.bauer@bmi.example");
        fritz.keyPackage();
        CreatedCommit created = anna.group.commit(CommitOptions.of(List.of(new Add(erik.keyPackage()))));

        assertViolates(
                () -> fritz.join(created.welcome().orElseThrow(), Optional.empty()),
                WelcomeException.class,
                WelcomeRule.NOT_FOR_US);
    }

    @Test
    void aWelcomeWithoutTheTreeNeedsOneOutOfBandGroup25() throws Exception {
        TestClient erik = new TestClient(suite, "erik.wagner@bmi.example", anna.config.withRatchetTreeInWelcome(false));
        TestClient noTree =
                new TestClient(suite, "anna.schmidt@bmi.example", anna.config.withRatchetTreeInWelcome(false));
        TestWorld small = new TestWorld(suite, noTree);
        CreatedCommit created = noTree.group.commit(CommitOptions.of(List.of(new Add(erik.keyPackage()))));

        assertViolates(
                () -> erik.join(created.welcome().orElseThrow(), Optional.empty()),
                JoinException.class,
                GroupRule.NO_RATCHET_TREE);
        noTree.group.mergePendingCommit();
        erik.join(created.welcome().orElseThrow(), Optional.of(noTree.group.ratchetTree()));
        small.members.add(erik);
        small.assertAgreement();
    }

    @Test
    void aMemberDoesNotProcessItsOwnCommitGroup27() throws Exception {
        CreatedCommit created = anna.group.commit(CommitOptions.of(List.of()));
        assertViolates(() -> anna.group.process(created.commit()), InvalidCommitException.class, GroupRule.OWN_COMMIT);
    }

    @Test
    void theLoserOfACommitRaceDiscardsItsCommitAndFollowsTheWinner() throws Exception {
        CreatedCommit annas = anna.group.commit(CommitOptions.of(List.of()));
        bernd.group.commit(CommitOptions.of(List.of(new Remove(leaf(clara)))));

        world.deliver(anna, annas.commit()); // the delivery service took Anna's first
        anna.group.mergePendingCommit();

        assertThat(bernd.group.pendingCommit()).isEmpty();
        world.assertAgreement();
        assertThat(anna.group.members()).hasSize(4);
    }

    @Test
    void aDiscardedStagedCommitLeavesTheMemberInItsEpoch() throws Exception {
        long epoch = bernd.group.epoch();
        CreatedCommit annas = anna.group.commit(CommitOptions.of(List.of(new Remove(leaf(dora)))));
        StagedCommit staged = ((ProcessedMessage.CommitMessage) bernd.group.process(annas.commit())).staged();
        assertThat(staged.removedMembers()).extracting(Member::leafIndex).containsExactly(leaf(dora));
        assertThat(staged.removesUs()).isFalse();

        staged.discard();
        MlsMessage fromClara = clara.group.encrypt(new byte[] {42}, Bytes.EMPTY);
        var received = (ProcessedMessage.ApplicationMessage) bernd.group.process(fromClara);

        assertThat(bernd.group.epoch()).isEqualTo(epoch);
        assertThat(received.plaintext()).isEqualTo(Bytes.of(new byte[] {42}));
        assertThatThrownBy(() -> bernd.group.mergeStagedCommit(staged)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRemovedMemberSeesThatTheCommitRemovesItAndStopsBeingActive() throws Exception {
        CreatedCommit annas = anna.group.commit(CommitOptions.of(List.of(new Remove(leaf(dora)))));
        StagedCommit staged = ((ProcessedMessage.CommitMessage) dora.group.process(annas.commit())).staged();

        assertThat(staged.removesUs()).isTrue();
        dora.group.mergeStagedCommit(staged);
        assertThat(dora.group.isActive()).isFalse();
        assertThatThrownBy(() -> dora.group.encrypt(new byte[] {1}, Bytes.EMPTY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void neitherTheGroupNorAStagedCommitPrintsTheEpochsSecrets() throws Exception {
        CreatedCommit created = anna.group.commit(CommitOptions.of(List.of()));
        String authenticator =
                Bytes.of(anna.group.epochAuthenticator().expose()).hex();
        String exported =
                Bytes.of(anna.group.export("x", new byte[0], 32).expose()).hex();
        String printed = anna.group + " " + created.staged() + " " + anna.group.state() + " " + anna.identity;

        assertThat(printed)
                .doesNotContain(authenticator)
                .doesNotContain(exported)
                .contains("commit pending");
        assertThat(anna.identity.toString())
                .doesNotContain(
                        Bytes.of(anna.identity.signatureKeys().privateKey().expose())
                                .hex());
    }

    private static Commit commitIn(MlsMessage message) {
        var content = ((MlsMessage.OfPublicMessage) message).message().content().content();
        return ((Content.CommitContent) content).commit();
    }
}
