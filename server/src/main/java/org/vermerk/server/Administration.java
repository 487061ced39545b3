package org.vermerk.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.server.auth.EnrolmentCodes;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.User;

/** What an administrator does: create users and hand out one-time enrolment codes. */
public final class Administration {
    private static final Logger LOG = LoggerFactory.getLogger(Administration.class);

    private final DeliveryStore store;
    private final EnrolmentCodes codes;
    private final InstantSource clock;
    private final Duration codeValidity;

    public Administration(DeliveryStore store, SecureRandom random, InstantSource clock, Duration codeValidity) {
        this.store = store;
        this.codes = new EnrolmentCodes(random);
        this.clock = clock;
        this.codeValidity = codeValidity;
    }

    /** Thrown when a user to create exists already. */
    public static final class UserExists extends Exception {
        public UserExists(String userId) {
            super("the user " + userId + " exists already");
        }
    }

    /** Creates the user and returns a fresh enrolment code for their first device. */
    public String addUser(String userId, String displayName) throws UserExists {
        if (userId.isBlank() || userId.length() > 256 || displayName.isBlank() || displayName.length() > 256) {
            throw new IllegalArgumentException("user ID and name must be 1 to 256 characters");
        }
        if (!store.addUser(new User(userId, displayName), clock.instant())) {
            throw new UserExists(userId);
        }
        LOG.info("event=user_added user={}", userId);
        return newEnrolmentCode(userId);
    }

    /** A one-time code with which one more device of an existing user enrols. */
    public String newEnrolmentCode(String userId) {
        if (store.user(userId).isEmpty()) {
            throw new IllegalArgumentException("no user " + userId);
        }
        String code = codes.newCode();
        store.addEnrolmentCode(
                EnrolmentCodes.hash(code), userId, clock.instant().plus(codeValidity));
        LOG.info("event=enrolment_code_issued user={} validFor={}", userId, codeValidity);
        return code;
    }
}
