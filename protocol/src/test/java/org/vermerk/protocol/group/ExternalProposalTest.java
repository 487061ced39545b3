package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.protection.FramingException;
import org.vermerk.protocol.framing.protection.FramingRule;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.Remove;

/**
 * Proposals from outside the group (RFC 9420 §12.1.8): a delivery service named in the {@code
 * external_senders} extension proposes a Remove, and a client proposes its own Add as {@code
 * new_member_proposal}; members accept them and commit them by reference. What an outside sender
 * may not do is refused with its rule.
 */
class ExternalProposalTest {
    private final CipherSuite suite = suite();
    private final TestClient deliveryService = new TestClient(suite, "ds.bmi.example");
    private final TestClient anna = new TestClient(suite, "anna.schmidt@bmi.example");
    private final TestClient bernd = new TestClient(suite, "bernd.weber@bmi.example");
    private final TestClient clara = new TestClient(suite, "clara.neumann@bmj.example");
    private final TestWorld world = new TestWorld(
            suite,
            List.of(ExternalSender.toExtension(List.of(new ExternalSender(
                    deliveryService.identity.signatureKeys().publicKey(), deliveryService.identity.credential())))),
            anna);

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    ExternalProposalTest() throws Exception {}

    @BeforeEach
    void threeMembers() throws Exception {
        world.commit(
                anna,
                CommitOptions.of(List.of(new Add(bernd.keyPackage()), new Add(clara.keyPackage()))),
                List.of(bernd, clara));
    }

    private void deliverToAll(MlsMessage proposal) throws Exception {
        for (TestClient member : world.members) {
            assertThat(member.group.process(proposal)).isInstanceOf(ProcessedMessage.ProposalMessage.class);
        }
    }

    @Test
    void aRemoveFromTheExternalSenderIsCommittedByReference() throws Exception {
        deliverToAll(Forgery.fromOutside(
                deliveryService,
                anna.group.state(),
                new Sender.External(0),
                new Content.ProposalContent(new Remove(clara.group.ownLeaf()))));

        CreatedCommit created = world.commit(bernd, CommitOptions.of(List.of()), List.of());

        assertThat(created.staged().removedMembers())
                .extracting(Member::credential)
                .containsExactly(clara.identity.credential());
        world.assertAgreement();
    }

    @Test
    void aNewMembersProposalToAddItselfIsCommittedByReference() throws Exception {
        TestClient dora = new TestClient(suite, "dora.fischer@bmi.example");
        deliverToAll(Forgery.fromOutside(
                dora,
                anna.group.state(),
                new Sender.NewMemberProposal(),
                new Content.ProposalContent(new Add(dora.keyPackage()))));

        world.commit(anna, CommitOptions.of(List.of()), List.of(dora));

        world.assertAgreement();
        assertThat(dora.group.members()).hasSize(4);
    }

    @Test
    void anUpdateFromTheExternalSenderIsRefusedWithGroup28() throws Exception {
        MlsMessage update = bernd.group.proposeUpdate();
        var proposal = ((Content.ProposalContent) ((MlsMessage.OfPublicMessage) update)
                        .message()
                        .content()
                        .content())
                .proposal();
        MlsMessage forged = Forgery.fromOutside(
                deliveryService, anna.group.state(), new Sender.External(0), new Content.ProposalContent(proposal));

        assertViolates(
                () -> anna.group.process(forged), InvalidProposalException.class, GroupRule.EXTERNAL_SENDER_PROPOSAL);
    }

    @Test
    void aCommitFromTheExternalSenderIsRefusedWithGroup22() throws Exception {
        MlsMessage forged = Forgery.fromOutside(
                deliveryService,
                anna.group.state(),
                new Sender.External(0),
                new Content.CommitContent(new Commit(List.of(), Optional.empty())));

        assertViolates(() -> anna.group.process(forged), InvalidCommitException.class, GroupRule.COMMIT_SENDER);
    }

    @Test
    void aSenderIndexBeyondTheExternalSendersIsAnUnknownSender() throws Exception {
        MlsMessage forged = Forgery.fromOutside(
                deliveryService,
                anna.group.state(),
                new Sender.External(1),
                new Content.ProposalContent(new Remove(clara.group.ownLeaf())));

        assertViolates(() -> anna.group.process(forged), FramingException.class, FramingRule.UNKNOWN_SENDER);
    }

    @Test
    void aNewMemberProposalThatIsNotAnAddNamesNoKeyAndIsAnUnknownSender() throws Exception {
        MlsMessage forged = Forgery.fromOutside(
                deliveryService,
                anna.group.state(),
                new Sender.NewMemberProposal(),
                new Content.ProposalContent(new Remove(clara.group.ownLeaf())));

        assertViolates(() -> anna.group.process(forged), FramingException.class, FramingRule.UNKNOWN_SENDER);
    }

    @Test
    void theExternalSendersExtensionRoundTrips() throws Exception {
        assertThat(ExternalSender.find(anna.group.extensions()))
                .containsExactly(new ExternalSender(
                        deliveryService.identity.signatureKeys().publicKey(), deliveryService.identity.credential()));
    }
}
