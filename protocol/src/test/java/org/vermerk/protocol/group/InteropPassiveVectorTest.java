package org.vermerk.protocol.group;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.kat.TestVectors;

/**
 * The files under {@code interop-passive/} (produced by the MLS interop runner, same schema as the
 * "Passive Client Scenarios" vectors, eternal lifetimes), one test factory per file so that the
 * report counts each file on its own:
 *
 * <ul>
 *   <li>application.json, branch.json, reinit.json, welcome_join.json: joins only (0 epochs), some
 *       with the tree out of band or an external PSK;
 *   <li>commit.json: up to two epochs, commits and proposals as PublicMessage or PrivateMessage,
 *       external and resumption PSKs, GroupContextExtensions;
 *   <li>external_join.json: an external commit (sender {@code new_member_commit} with an
 *       ExternalInit) processed by an existing member;
 *   <li>external_proposals.json: proposals from external senders ({@code external_senders}).
 * </ul>
 *
 * Checks, per entry: the join and every epoch authenticator, as {@link PassiveClientScenario}.
 */
class InteropPassiveVectorTest {
    private static Stream<DynamicTest> file(String name) {
        return TestVectors.entriesBySuite(
                "interop-passive/" + name, PassiveClientScenario.at(PassiveClientScenario.ANY_CLOCK));
    }

    @TestFactory
    Stream<DynamicTest> applicationJoinsAgree() {
        return file("application.json");
    }

    @TestFactory
    Stream<DynamicTest> branchJoinsAgree() {
        return file("branch.json");
    }

    @TestFactory
    Stream<DynamicTest> commitScenariosAgree() {
        return file("commit.json");
    }

    @TestFactory
    Stream<DynamicTest> externalJoinScenariosAgree() {
        return file("external_join.json");
    }

    @TestFactory
    Stream<DynamicTest> externalProposalScenariosAgree() {
        return file("external_proposals.json");
    }

    @TestFactory
    Stream<DynamicTest> reinitJoinsAgree() {
        return file("reinit.json");
    }

    @TestFactory
    Stream<DynamicTest> welcomeJoinsAgree() {
        return file("welcome_join.json");
    }
}
