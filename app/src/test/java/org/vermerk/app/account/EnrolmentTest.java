package org.vermerk.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.connection.TlsFailureException;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Passphrase;
import org.vermerk.keystore.WrongPassphraseException;

/** Enrolment and unlock against the real server on loopback, with real keystores. */
class EnrolmentTest {
    @TempDir
    Path dir;

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void enrolWithACodeThenASecondDeviceOfTheSameUserBothListed() throws Exception {
        String code = server.addUser("anna@bmi.example");
        String first;
        try (Account anna = TestAccounts.enrol(server, dir.resolve("laptop"), "anna@bmi.example", code)) {
            first = anna.deviceId();
            assertThat(anna.userId()).isEqualTo("anna@bmi.example");
            assertThat(anna.keystore().identity().unusedKeyPackages())
                    .as("one-time KeyPackages kept locally")
                    .isEqualTo(6);
        }
        String second;
        try (Account desktop = TestAccounts.enrol(
                server, dir.resolve("desktop"), "anna@bmi.example", server.newCode("anna@bmi.example"))) {
            second = desktop.deviceId();
            List<Device> devices = desktop.devices();
            assertThat(devices).extracting(Device::deviceId).containsExactlyInAnyOrder(first, second);
            assertThat(devices)
                    .filteredOn(Device::thisDevice)
                    .extracting(Device::deviceId)
                    .containsExactly(second);
            assertThat(devices).allSatisfy(d -> assertThat(d.signatureScheme()).isEqualTo("ed25519"));
        }
        try (Account again = Account.unlock(
                new org.vermerk.app.account.ClientHome(dir.resolve("laptop")),
                TestAccounts.passphrase(),
                TestAccounts.noPolicy(),
                TestAccounts.options())) {
            assertThat(again.deviceId()).isEqualTo(first);
            assertThat(again.endpoint().serverUrl()).isEqualTo(server.url());
            assertThat(again.endpoint().trustedCas()).hasSize(1);
            assertThat(again.devices()).hasSize(2);
        }
    }

    @Test
    void aUsedCodeIsRefusedWithAClearErrorAndLeavesNoStoreBehind() throws Exception {
        String code = server.addUser("ben@bmi.example");
        TestAccounts.enrol(server, dir.resolve("one"), "ben@bmi.example", code).close();
        assertThatThrownBy(() -> TestAccounts.enrol(server, dir.resolve("two"), "ben@bmi.example", code))
                .isInstanceOf(EnrolmentRefusedException.class)
                .hasMessageContaining("code is unknown, used, expired or for another user");
        assertThat(dir.resolve("two").resolve("store")).doesNotExist();
    }

    @Test
    void aWrongCaFailsWithATlsErrorNamingTheCertificate() throws Exception {
        String code = server.addUser("cara@bmi.example");
        try (LoopbackServer other = new LoopbackServer(dir.resolve("other-server"))) {
            Account.Enrolment enrolment = new Account.Enrolment(
                    ServerSettings.forEnrolment(TestAccounts.noPolicy(), Optional.of(server.url()), other.ca()),
                    "cara@bmi.example",
                    code,
                    "laptop");
            assertThatThrownBy(() -> Account.enrol(
                            new ClientHome(dir.resolve("cara")),
                            TestAccounts.passphrase(),
                            enrolment,
                            TestAccounts.noPolicy(),
                            TestAccounts.options()))
                    .isInstanceOf(TlsFailureException.class)
                    .hasMessageContaining("is not trusted");
        }
        assertThat(Files.exists(dir.resolve("cara").resolve("store"))).isFalse();
    }

    @Test
    void unlockWithAWrongPassphraseFailsAndWithoutAStoreSaysNotEnrolled() throws Exception {
        String code = server.addUser("dora@bmi.example");
        TestAccounts.enrol(server, dir.resolve("dora"), "dora@bmi.example", code)
                .close();
        assertThatThrownBy(() -> Account.unlock(
                        new ClientHome(dir.resolve("dora")),
                        Passphrase.of("not the passphrase".toCharArray()),
                        TestAccounts.noPolicy(),
                        TestAccounts.options()))
                .isInstanceOf(WrongPassphraseException.class);
        assertThatThrownBy(() -> Account.unlock(
                        new ClientHome(dir.resolve("nobody")),
                        TestAccounts.passphrase(),
                        TestAccounts.noPolicy(),
                        TestAccounts.options()))
                .isInstanceOf(NotEnrolledException.class)
                .hasMessageContaining("enrol this device first");
    }
}
