package org.vermerk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.connection.Session;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.RecordingListener;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * The KeyPackage stock is refilled on the server's {@code keyPackagesLow} while online, and after
 * authentication when the stock fell while offline; private keys are stored before the upload.
 * Enrolment uploads 6 (the test target) and a last resort; the server warns below 4, the account
 * refills below 4.
 */
class KeyPackageRefillTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private Account anna;
    private Account bob;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), c -> c.withKeyPackageLowWatermark(4));
        anna = TestAccounts.enrol(server, dir.resolve("anna"), "anna@bmi.example", server.addUser("anna@bmi.example"));
        bob = TestAccounts.enrol(server, dir.resolve("bob"), "bob@bmi.example", server.addUser("bob@bmi.example"));
    }

    @AfterEach
    void stop() throws Exception {
        anna.close();
        bob.close();
        server.close();
    }

    private void claimAnnas(int times) throws Exception {
        try (Session s = bob.openSession()) {
            for (int i = 0; i < times; i++) {
                ServerFrame.KeyPackagesClaimed claimed = s.await(
                        id -> new ClientRequest.ClaimKeyPackages(id, "anna@bmi.example"),
                        ServerFrame.KeyPackagesClaimed.class);
                assertThat(claimed.keyPackages())
                        .singleElement()
                        .satisfies(k -> assertThat(k.lastResort()).isFalse());
            }
        }
    }

    private void awaitLocalKeyPackages(int expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (anna.keystore().identity().unusedKeyPackages() < expected && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(anna.keystore().identity().unusedKeyPackages()).isEqualTo(expected);
    }

    @Test
    void aLowStockNoticeWhileOnlineRefillsToTheTarget() throws Exception {
        RecordingListener events = new RecordingListener(null);
        try (AccountConnection connection = anna.connect(events)) {
            assertThat(events.awaitOnline().keyPackageStock()).isEqualTo(6);
            claimAnnas(3);
            ServerFrame.KeyPackagesLow notice = events.nextLowNotice();
            assertThat(notice.stock()).isEqualTo(3);
            awaitLocalKeyPackages(6 + 3);
            // what the server holds now: 6 again, so 6 more claims get one-time KeyPackages
            claimAnnas(2);
            assertThat(connection.state()).isInstanceOf(org.vermerk.app.connection.ConnectionState.Online.class);
        }
    }

    @Test
    void aStockThatFellWhileOfflineIsRefilledAfterAuthentication() throws Exception {
        claimAnnas(4);
        RecordingListener events = new RecordingListener(null);
        try (AccountConnection connection = anna.connect(events)) {
            assertThat(events.awaitOnline().keyPackageStock()).isEqualTo(2);
            awaitLocalKeyPackages(6 + 4);
            claimAnnas(6);
        }
    }
}
