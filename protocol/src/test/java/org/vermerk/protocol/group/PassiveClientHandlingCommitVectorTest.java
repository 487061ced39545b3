package org.vermerk.protocol.group;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.kat.TestVectors;

/**
 * passive-client-handling-commit.json (RFC 9420 test vectors, "Passive Client Scenarios"): 13
 * entries per suite, each a join by Welcome and two epochs — an empty commit with a path, then a
 * commit by value (Add, Remove, external PSK, resumption PSK, GroupContextExtensions, all five) or
 * by reference (the same and Update, proposals sent as PublicMessages before the commit). Checks:
 * the join and the epoch authenticator, then for each epoch every proposal is accepted and kept, the
 * commit is processed into a staged commit and merged, and the epoch authenticator equals the
 * expected one.
 */
class PassiveClientHandlingCommitVectorTest {
    @TestFactory
    Stream<DynamicTest> everyEntryFollowsItsCommitsAndAgreesOnEachEpochAuthenticator() {
        return TestVectors.entriesBySuite(
                "passive-client-handling-commit.json",
                PassiveClientScenario.at(PassiveClientScenario.HANDLING_COMMIT_CLOCK));
    }
}
