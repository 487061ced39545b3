package org.vermerk.protocol.group;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.kat.TestVectors;

/**
 * passive-client-welcome.json (RFC 9420 test vectors, "Passive Client Scenarios"): 8 entries per
 * suite, each a join by Welcome and no further epochs — the tree in the {@code ratchet_tree}
 * extension or out of band, with and without an external PSK, the Welcome's commit with and
 * without a path, a 16-member group with a blank leaf. Each entry: the KeyPackage, its three
 * private keys, the Welcome, the optional tree, the external PSKs and the expected {@code
 * initial_epoch_authenticator}. Checks: joining succeeds (Welcome decryption, GroupInfo signature
 * and confirmation tag, tree validation at a fixed clock inside the vectors' lifetimes, our leaf,
 * the path secret fitting the tree) and the epoch authenticator equals the expected one.
 */
class PassiveClientWelcomeVectorTest {
    @TestFactory
    Stream<DynamicTest> everyEntryJoinsAndAgreesOnTheEpochAuthenticator() {
        return TestVectors.entriesBySuite(
                "passive-client-welcome.json", PassiveClientScenario.at(PassiveClientScenario.WELCOME_CLOCK));
    }
}
