package org.vermerk.app.account;

/** The account is open in another process (another Vermerk window or command on this machine). */
public final class AccountInUseException extends AccountException {
    public AccountInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
