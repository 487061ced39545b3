package org.vermerk.app.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

final class Sha256s {
    private Sha256s() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
