package org.vermerk.protocol.welcome;

import org.vermerk.protocol.MlsException;

/** A Welcome cannot be used: not for us, undecryptable, badly signed, ...; {@link #rule()} names the {@link WelcomeRule}. */
public final class WelcomeException extends MlsException {
    public WelcomeException(WelcomeRule rule, String detail) {
        super(rule, detail);
    }
}
