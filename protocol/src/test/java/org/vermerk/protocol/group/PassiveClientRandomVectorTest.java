package org.vermerk.protocol.group;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.kat.TestVectors;

/**
 * passive-client-random.json (RFC 9420 test vectors, "Passive Client Scenarios"): one entry, suite
 * 1, a join and 200 epochs of random changes — 100 rounds of removing members by value, then adding
 * 1 to 29 by reference — with groups of 4 to 84 members. Checks: the epoch authenticator after the
 * join and after every one of the 200 commits.
 */
class PassiveClientRandomVectorTest {
    @TestFactory
    Stream<DynamicTest> theRandomScenarioAgreesOnAllTwoHundredEpochAuthenticators() {
        return TestVectors.entriesBySuite(
                "passive-client-random.json", PassiveClientScenario.at(PassiveClientScenario.ANY_CLOCK));
    }
}
