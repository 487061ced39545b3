package org.vermerk.app.account;

/** The server refused the enrolment: the code is unknown, used, expired or for another user, or the key was refused. */
public final class EnrolmentRefusedException extends AccountException {
    public EnrolmentRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
