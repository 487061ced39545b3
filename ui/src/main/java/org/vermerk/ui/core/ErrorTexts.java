package org.vermerk.ui.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.account.AccountException;
import org.vermerk.app.account.AccountInUseException;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.RequestTimeoutException;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.app.connection.TlsFailureException;

/** What to tell the user about an engine failure that no screen handles more specifically. */
public final class ErrorTexts {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTexts.class);

    private ErrorTexts() {}

    public static UiText of(Throwable failure) {
        return switch (failure) {
            case org.vermerk.app.conversation.KeyChangeNotAcknowledgedException e ->
                UiText.of("people.error.keyChanged", String.join(", ", e.userIds()));
            case ServerUnreachableException e -> UiText.of("error.unreachable");
            case TlsFailureException e -> UiText.of("error.tls");
            case RequestTimeoutException e -> UiText.of("error.timeout");
            case ConnectionException e -> UiText.of("error.connection", e.getMessage());
            case AccountInUseException e -> UiText.of("error.inUse");
            case AccountException e -> UiText.of("error.account", e.getMessage());
            case InterruptedException e -> UiText.of("error.interrupted");
            default -> {
                // Not an engine failure the user can act on: a bug. Engine exceptions carry no secrets.
                LOG.warn("event=unexpected_failure", failure);
                yield UiText.of("error.unexpected", failure.getClass().getSimpleName());
            }
        };
    }
}
