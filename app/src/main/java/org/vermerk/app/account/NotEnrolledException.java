package org.vermerk.app.account;

/** There is no account in the home directory (or its enrolment never finished). */
public final class NotEnrolledException extends AccountException {
    public NotEnrolledException(String message) {
        super(message);
    }
}
