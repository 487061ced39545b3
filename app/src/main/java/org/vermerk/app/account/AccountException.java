package org.vermerk.app.account;

/** The account cannot do what was asked: not enrolled, enrolled elsewhere, settings that contradict the policy. */
public class AccountException extends Exception {
    public AccountException(String message) {
        super(message);
    }

    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
