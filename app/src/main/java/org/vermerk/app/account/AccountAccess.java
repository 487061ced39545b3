package org.vermerk.app.account;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Objects;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Passphrase;
import org.vermerk.keystore.StoreAlreadyExistsException;
import org.vermerk.keystore.StoreLockedException;
import org.vermerk.keystore.UnlockThrottledException;
import org.vermerk.keystore.WrongPassphraseException;

/**
 * How a user interface opens the account in one {@link ClientHome}: whether there is one, {@link
 * #enrol}, {@link #unlock} and {@link #changePassphrase} with passphrases as characters. The keystore's failures arrive as
 * {@link AccountException}s a screen can explain ({@link PassphraseRejectedException}, {@link
 * UnlockDelayedException}, {@link AccountInUseException}), so that the UI needs no keystore type.
 *
 * <p>The passphrase arrays passed in are wiped before the methods return. Thread-safe; the methods
 * block (Argon2id, network) and belong on a background thread.
 */
public final class AccountAccess {
    private final ClientHome home;
    private final AccountOptions options;

    public AccountAccess(ClientHome home, AccountOptions options) {
        this.home = Objects.requireNonNull(home);
        this.options = Objects.requireNonNull(options);
    }

    public ClientHome home() {
        return home;
    }

    /** Whether this home holds a store, so a start unlocks instead of enrolling. */
    public boolean hasAccount() {
        return Files.exists(home.store().resolve("vermerk.key"))
                || Files.exists(home.store().resolve("vermerk.db"));
    }

    /**
     * Enrols this machine; see {@link Account#enrol}.
     *
     * @throws EnrolmentRefusedException the server refused the code
     * @throws ConnectionException the server cannot be reached or its certificate is not trusted
     */
    public Account enrol(char[] passphrase, Account.Enrolment enrolment, EffectiveSettings settings)
            throws AccountException, ConnectionException, InterruptedException {
        Passphrase secret = take(passphrase);
        try {
            return Account.enrol(home, secret, enrolment, settings, options);
        } catch (StoreAlreadyExistsException e) {
            throw new AccountException("there is an account in " + home + " already", e);
        } catch (KeystoreException e) {
            throw translate(e);
        } finally {
            secret.destroy();
        }
    }

    /**
     * Opens the account; see {@link Account#unlock}.
     *
     * @throws PassphraseRejectedException the passphrase is wrong
     * @throws UnlockDelayedException too many wrong passphrases: wait first
     * @throws NotEnrolledException there is no account here
     */
    public Account unlock(char[] passphrase, EffectiveSettings settings) throws AccountException {
        Passphrase secret = take(passphrase);
        try {
            return Account.unlock(home, secret, settings, options);
        } catch (KeystoreException e) {
            throw translate(e);
        } finally {
            secret.destroy();
        }
    }

    /**
     * Changes the passphrase of the open {@code account}: the store rewraps its one key (atomically).
     * A wrong {@code current} passphrase counts like a failed unlock.
     *
     * @throws PassphraseRejectedException the current passphrase is wrong
     * @throws UnlockDelayedException too many wrong passphrases: wait first
     */
    public void changePassphrase(Account account, char[] current, char[] next) throws AccountException {
        Passphrase old = take(current);
        Passphrase fresh = take(next);
        try {
            account.keystore().changePassphrase(old, fresh);
        } catch (KeystoreException e) {
            throw translate(e);
        } finally {
            old.destroy();
            fresh.destroy();
        }
    }

    private static Passphrase take(char[] passphrase) {
        try {
            return Passphrase.of(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private AccountException translate(KeystoreException e) {
        return switch (e) {
            case WrongPassphraseException wrong ->
                new PassphraseRejectedException(wrong.failedAttempts(), wrong.nextAttemptDelay(), wrong);
            case UnlockThrottledException throttled -> new UnlockDelayedException(throttled.retryAfter(), throttled);
            case StoreLockedException locked ->
                new AccountInUseException("the account in " + home + " is open in another Vermerk window", locked);
            default -> new AccountException("the local store cannot be opened: " + e.getMessage(), e);
        };
    }
}
