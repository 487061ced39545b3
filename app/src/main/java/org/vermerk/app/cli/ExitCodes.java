package org.vermerk.app.cli;

import org.vermerk.app.account.AccountException;
import org.vermerk.app.account.EnrolmentRefusedException;
import org.vermerk.app.account.NotEnrolledException;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionLostException;
import org.vermerk.app.connection.RequestTimeoutException;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.app.connection.TlsFailureException;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.StoreAlreadyExistsException;
import org.vermerk.keystore.StoreLockedException;
import org.vermerk.keystore.UnlockThrottledException;
import org.vermerk.keystore.WrongPassphraseException;

/** The exit codes of {@code vermerk cli} (listed in its help) and the failures they stand for. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int PASSPHRASE = 3;
    static final int NOT_ENROLLED = 4;
    static final int UNREACHABLE = 5;
    static final int TLS = 6;
    static final int REFUSED = 7;

    private ExitCodes() {}

    static CliFailure of(Exception e) {
        return switch (e) {
            case CliFailure f -> f;
            case WrongPassphraseException w -> new CliFailure(PASSPHRASE, "wrong_passphrase", "wrong passphrase");
            case UnlockThrottledException t -> new CliFailure(PASSPHRASE, "throttled", t.getMessage());
            case StoreLockedException l ->
                new CliFailure(PASSPHRASE, "store_locked", "the account is open in another Vermerk process");
            case StoreAlreadyExistsException x ->
                new CliFailure(NOT_ENROLLED, "already_enrolled", "this home directory has an account already");
            case NotEnrolledException n -> new CliFailure(NOT_ENROLLED, "not_enrolled", n.getMessage());
            case EnrolmentRefusedException r -> new CliFailure(REFUSED, "enrolment_refused", r.getMessage());
            case AccountException a -> new CliFailure(FAILED, "account", a.getMessage());
            case TlsFailureException t -> new CliFailure(TLS, "tls_failure", t.getMessage());
            case ServerUnreachableException u -> new CliFailure(UNREACHABLE, "server_unreachable", u.getMessage());
            case ConnectionLostException l -> new CliFailure(UNREACHABLE, "connection_lost", l.getMessage());
            case RequestTimeoutException t -> new CliFailure(UNREACHABLE, "timeout", t.getMessage());
            case ServerErrorException s
            when s.isFatal() -> new CliFailure(REFUSED, s.code().wireName(), s.getMessage());
            case ConnectionException c -> new CliFailure(FAILED, "connection", c.getMessage());
            case org.vermerk.app.conversation.KeyChangeNotAcknowledgedException k ->
                new CliFailure(FAILED, "key_change_unacknowledged", k.getMessage());
            case org.vermerk.app.conversation.ConversationException c ->
                new CliFailure(FAILED, "conversation", c.getMessage());
            case KeystoreException k -> new CliFailure(FAILED, "keystore", k.getMessage());
            default -> new CliFailure(FAILED, "failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        };
    }
}
