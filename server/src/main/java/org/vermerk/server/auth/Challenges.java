package org.vermerk.server.auth;

import java.security.SecureRandom;
import org.vermerk.protocol.codec.Bytes;

/** Fresh challenge nonces, one per connection, never reused. Thread-safe. */
public final class Challenges {
    /** 256 bits. */
    public static final int NONCE_BYTES = 32;

    private final SecureRandom random;

    public Challenges(SecureRandom random) {
        this.random = random;
    }

    public Bytes next() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return Bytes.of(nonce);
    }
}
