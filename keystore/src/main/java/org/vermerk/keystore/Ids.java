package org.vermerk.keystore;

/** Checks on the application-chosen identifiers the store keeps. */
final class Ids {
    static final int MAX_LENGTH = 200;

    private Ids() {}

    static String require(String id, String what) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1.." + MAX_LENGTH + " characters");
        }
        return id;
    }
}
