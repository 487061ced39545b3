package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.group.GroupStateScenario.decrypt;
import static org.vermerk.protocol.group.GroupStateScenario.encrypt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.secrettree.SecretTreeException;
import org.vermerk.protocol.secrettree.SecretTreeRule;
import org.vermerk.protocol.testing.RuleAssertions;

/**
 * A member's group stored with {@link GroupStateCodec} and loaded again continues exactly where it
 * was ({@link GroupStateScenario}: three members mid-conversation, keys waiting in the window,
 * proposals by reference, an Update of the member's own): it reads the messages still outstanding,
 * keeps refusing those it has read (§9.2), processes the next commit, which covers the proposals,
 * agrees with the others on the epoch authenticator and an exported secret, and sends and commits
 * itself.
 */
class GroupStateRoundTripTest {
    @Test
    void aRestoredMemberContinuesTheConversation() throws Exception {
        GroupStateScenario scenario = new GroupStateScenario();
        TestClient bernd = scenario.bernd;
        Group stored = bernd.group;
        bernd.group = GroupStateCodec.decode(GroupStateCodec.encode(stored), bernd.config);

        assertThat(bernd.group.epoch()).isEqualTo(stored.epoch());
        assertThat(bernd.group.ownLeaf()).isEqualTo(stored.ownLeaf());
        assertThat(bernd.group.members()).isEqualTo(stored.members());
        assertThat(bernd.group.epochAuthenticator().expose())
                .isEqualTo(stored.epochAuthenticator().expose());

        // out of order: the keys of Anna's first two messages waited in the window
        assertThat(decrypt(bernd.group, scenario.fromAnna.get(1))).isEqualTo("anna 1");
        assertThat(decrypt(bernd.group, scenario.fromAnna.get(0))).isEqualTo("anna 0");

        // the next commit covers Clara's and Bernd's Updates by reference
        scenario.world.commit(scenario.anna, CommitOptions.of(List.of()), List.of());
        assertThat(bernd.group.epoch()).isEqualTo(stored.epoch() + 1);
        scenario.world.assertAgreement();

        MlsMessage fromBernd = encrypt(bernd, "bernd after restore");
        assertThat(decrypt(scenario.anna.group, fromBernd)).isEqualTo("bernd after restore");
        assertThat(decrypt(scenario.clara.group, fromBernd)).isEqualTo("bernd after restore");
        assertThat(decrypt(bernd.group, encrypt(scenario.clara, "clara"))).isEqualTo("clara");

        scenario.world.commit(bernd, CommitOptions.of(List.of()), List.of());
        scenario.world.assertAgreement();
    }

    @Test
    void aGenerationUsedBeforeStoringStaysRejected() throws Exception {
        GroupStateScenario scenario = new GroupStateScenario();
        Group restored = GroupStateCodec.decode(GroupStateCodec.encode(scenario.bernd.group), scenario.bernd.config);

        RuleAssertions.assertViolates(
                () -> restored.process(scenario.fromAnna.get(2)), SecretTreeException.class, SecretTreeRule.REPLAY);
        assertThat(decrypt(restored, scenario.fromAnna.get(0))).isEqualTo("anna 0");
        RuleAssertions.assertViolates(
                () -> restored.process(scenario.fromAnna.get(0)), SecretTreeException.class, SecretTreeRule.REPLAY);
    }

    @Test
    void aKeyUsedAfterStoringIsStillInTheStoredBytes() throws Exception {
        // The stored bytes are a snapshot: the application replaces them after every message.
        GroupStateScenario scenario = new GroupStateScenario();
        byte[] snapshot = GroupStateCodec.encode(scenario.bernd.group);
        assertThat(decrypt(scenario.bernd.group, scenario.fromAnna.get(0))).isEqualTo("anna 0");

        Group older = GroupStateCodec.decode(snapshot, scenario.bernd.config);
        assertThat(decrypt(older, scenario.fromAnna.get(0))).isEqualTo("anna 0");
        Group newer = GroupStateCodec.decode(GroupStateCodec.encode(scenario.bernd.group), scenario.bernd.config);
        RuleAssertions.assertViolates(
                () -> newer.process(scenario.fromAnna.get(0)), SecretTreeException.class, SecretTreeRule.REPLAY);
    }

    @Test
    void aLoadedStateEncodesToTheSameBytes() throws Exception {
        GroupStateScenario scenario = new GroupStateScenario();
        for (TestClient member : List.of(scenario.anna, scenario.bernd, scenario.clara)) {
            byte[] encoded = GroupStateCodec.encode(member.group);
            assertThat(GroupStateCodec.encode(GroupStateCodec.decode(encoded, member.config)))
                    .as("state of %s", member)
                    .isEqualTo(encoded);
        }
    }

    @Test
    void aGroupWithAPendingCommitIsNotStored() throws Exception {
        GroupStateScenario scenario = new GroupStateScenario();
        Group anna = scenario.anna.group;
        anna.commit(CommitOptions.of(List.of()));

        assertThatThrownBy(() -> GroupStateCodec.encode(anna))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a commit is pending");
        anna.discardPendingCommit();
        assertThat(GroupStateCodec.encode(anna)).startsWith(new byte[] {'V', 'M', 'G', 'S', 0, 1, 0, 1});
    }

    @Test
    void aRemovedMemberHasNoStateToStore() throws Exception {
        TestClient anna = new TestClient(scenarioSuite(), "anna@bmi.example");
        TestClient bernd = new TestClient(scenarioSuite(), "bernd@bmi.example");
        TestWorld world = new TestWorld(anna.suite, anna);
        world.commit(anna, CommitOptions.of(List.of(new Add(bernd.keyPackage()))), List.of(bernd));
        world.commit(anna, CommitOptions.of(List.of(new Remove(bernd.group.ownLeaf()))), List.of());

        assertThat(bernd.group.isActive()).isFalse();
        assertThatThrownBy(() -> GroupStateCodec.encode(bernd.group))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("removed");
    }

    @Test
    void theRestoredGroupPrintsWhatTheStoredOnePrints() throws Exception {
        GroupStateScenario scenario = new GroupStateScenario();
        Group restored = GroupStateCodec.decode(GroupStateCodec.encode(scenario.bernd.group), scenario.bernd.config);

        assertThat(restored.toString()).isEqualTo(scenario.bernd.group.toString());
    }

    private static CipherSuite scenarioSuite() throws Exception {
        return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
    }
}
