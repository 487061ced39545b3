package org.vermerk.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;

/** The UI's way in: enrol and unlock with characters, the keystore's failures as account exceptions. */
class AccountAccessTest {
    @TempDir
    Path dir;

    @Test
    void enrolThenWrongPassphrasesAreCountedAndTheRightOneOpensAndTheArraysAreWiped() throws Exception {
        AccountAccess access = new AccountAccess(new ClientHome(dir.resolve("home")), TestAccounts.options());
        assertThat(access.hasAccount()).isFalse();
        try (LoopbackServer server = new LoopbackServer(dir.resolve("server"))) {
            String code = server.addUser("anna@bmi.example");
            char[] passphrase = TestAccounts.PASSPHRASE.toCharArray();
            Account.Enrolment enrolment = new Account.Enrolment(
                    ServerSettings.forEnrolment(TestAccounts.noPolicy(), Optional.of(server.url()), server.ca()),
                    "anna@bmi.example",
                    code,
                    "laptop");
            access.enrol(passphrase, enrolment, TestAccounts.noPolicy()).close();
            assertThat(passphrase).containsOnly('\0');
        }
        assertThat(access.hasAccount()).isTrue();

        char[] wrong = "not the passphrase".toCharArray();
        assertThatThrownBy(() -> access.unlock(wrong, TestAccounts.noPolicy()))
                .isInstanceOfSatisfying(PassphraseRejectedException.class, e -> {
                    assertThat(e.failedAttempts()).isEqualTo(1);
                    assertThat(e.nextAttemptDelay()).isEqualTo(Duration.ZERO);
                });
        assertThat(wrong).containsOnly('\0');
        assertThatThrownBy(() -> access.unlock("wrong again".toCharArray(), TestAccounts.noPolicy()))
                .isInstanceOfSatisfying(
                        PassphraseRejectedException.class,
                        e -> assertThat(e.failedAttempts()).isEqualTo(2));

        try (Account account = access.unlock(TestAccounts.PASSPHRASE.toCharArray(), TestAccounts.noPolicy())) {
            assertThat(account.userId()).isEqualTo("anna@bmi.example");
            assertThatThrownBy(() -> access.unlock(TestAccounts.PASSPHRASE.toCharArray(), TestAccounts.noPolicy()))
                    .isInstanceOf(AccountInUseException.class);

            assertThatThrownBy(() -> access.changePassphrase(
                            account, "not the passphrase".toCharArray(), "a new passphrase".toCharArray()))
                    .isInstanceOf(PassphraseRejectedException.class);
            access.changePassphrase(account, TestAccounts.PASSPHRASE.toCharArray(), "a new passphrase".toCharArray());
        }
        assertThatThrownBy(() -> access.unlock(TestAccounts.PASSPHRASE.toCharArray(), TestAccounts.noPolicy()))
                .as("the old passphrase no longer opens it")
                .isInstanceOf(PassphraseRejectedException.class);
        access.unlock("a new passphrase".toCharArray(), TestAccounts.noPolicy()).close();
    }

    @Test
    void unlockWithoutAnAccountSaysSo() {
        AccountAccess access = new AccountAccess(new ClientHome(dir.resolve("empty")), TestAccounts.options());
        assertThatThrownBy(() -> access.unlock("whatever it is".toCharArray(), TestAccounts.noPolicy()))
                .isInstanceOf(NotEnrolledException.class);
    }
}
