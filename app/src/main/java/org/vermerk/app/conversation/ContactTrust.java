package org.vermerk.app.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.keystore.Contact;
import org.vermerk.keystore.Contact.Trust;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.protocol.codec.Bytes;

/**
 * The trust this device puts in each contact's device keys (ADR 0014), kept in the keystore's
 * contacts: the first keys seen are trusted on first use; comparing safety numbers makes them
 * verified; a key not in the trusted set, seen later in a group, is a key change that waits for an
 * acknowledgement. A device that disappears is no change (the keys left were trusted already).
 *
 * <p>Thread-safe: the conversations' workers observe keys in parallel; one lock orders the
 * read-modify-write of a contact.
 */
public final class ContactTrust {
    private final Keystore keystore;
    private final Clock clock;
    private final String ownUserId;

    public ContactTrust(Keystore keystore, Clock clock, String ownUserId) {
        this.keystore = keystore;
        this.clock = clock;
        this.ownUserId = ownUserId;
    }

    /** The contact as stored, if this device has met or verified them. */
    public Optional<Contact> contact(String userId) throws KeystoreException {
        return keystore.conversations().contact(userId);
    }

    /** The trust in {@code userId}'s keys; {@link Trust#UNKNOWN} for someone never met. */
    public Trust trust(String userId) throws KeystoreException {
        return contact(userId).map(Contact::trust).orElse(Trust.UNKNOWN);
    }

    /**
     * Takes note of the device keys a group shows for each user (ours are skipped). Returns the
     * contacts whose state turned {@link Trust#KEY_CHANGED} by it, or who were in that state and
     * showed yet another new key.
     */
    public synchronized List<Contact> observe(Map<String, ? extends Collection<Bytes>> keysByUser)
            throws KeystoreException {
        List<Contact> changed = new ArrayList<>();
        for (var entry : keysByUser.entrySet()) {
            String userId = entry.getKey();
            if (userId.equals(ownUserId) || userId.isEmpty() || entry.getValue().isEmpty()) {
                continue;
            }
            TrustedKeys seen = TrustedKeys.of(entry.getValue());
            Optional<Contact> known = contact(userId);
            TrustedKeys trusted =
                    TrustedKeys.decode(known.map(Contact::identityFingerprint).orElse(null));
            String name = known.map(Contact::displayName).orElse(userId);
            if (known.isEmpty() || known.get().trust() == Trust.UNKNOWN || trusted.isEmpty()) {
                save(userId, name, Trust.TRUSTED_ON_FIRST_USE, seen);
            } else if (!trusted.containsAll(seen)) {
                // Kept as the union: acknowledging trusts what was seen, and a key seen again in
                // another conversation does not count twice.
                Contact now = save(userId, name, Trust.KEY_CHANGED, trusted.union(seen));
                changed.add(now);
            }
        }
        return changed;
    }

    /**
     * Marks the contact verified: the user compared the safety number made from {@code keys} (the
     * contact's device keys as the directory lists them) and it matched.
     */
    public synchronized Contact verify(String userId, Collection<Bytes> keys) throws KeystoreException {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(userId + " has no device keys to verify");
        }
        String name = contact(userId).map(Contact::displayName).orElse(userId);
        return save(userId, name, Trust.VERIFIED, TrustedKeys.of(keys));
    }

    /**
     * The user saw the key-change warning: the keys seen are trusted from now on (on first use
     * again, not verified: the safety number changed). No change for a contact in another state.
     */
    public synchronized Contact acknowledgeKeyChange(String userId) throws KeystoreException, ConversationException {
        Contact contact =
                contact(userId).orElseThrow(() -> new ConversationException("no contact " + userId + " is known"));
        if (contact.trust() != Trust.KEY_CHANGED) {
            return contact;
        }
        return save(
                userId,
                contact.displayName(),
                Trust.TRUSTED_ON_FIRST_USE,
                TrustedKeys.decode(contact.identityFingerprint()));
    }

    /** Of {@code userIds}, those whose key change waits for an acknowledgement. */
    public List<String> unacknowledged(Collection<String> userIds) throws KeystoreException {
        List<String> waiting = new ArrayList<>();
        for (String userId : userIds) {
            if (!userId.equals(ownUserId) && trust(userId) == Trust.KEY_CHANGED) {
                waiting.add(userId);
            }
        }
        return waiting;
    }

    /** Remembers the contact's display name from the directory; trust unchanged. */
    public synchronized void rememberName(String userId, String displayName) throws KeystoreException {
        Optional<Contact> known = contact(userId);
        if (known.isPresent() && !known.get().displayName().equals(displayName)) {
            Contact c = known.get();
            keystore.conversations()
                    .saveContact(new Contact(userId, displayName, c.trust(), c.identityFingerprint(), clock.instant()));
        }
    }

    private Contact save(String userId, String name, Trust trust, TrustedKeys keys) throws KeystoreException {
        Contact contact = new Contact(userId, name, trust, keys.encode(), clock.instant());
        keystore.conversations().saveContact(contact);
        return contact;
    }
}
