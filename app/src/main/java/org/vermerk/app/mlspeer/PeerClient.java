package org.vermerk.app.mlspeer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.GroupConfig;
import org.vermerk.protocol.group.SigningIdentity;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.messages.EncryptedGroupSecrets;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.tree.Lifetime;
import org.vermerk.protocol.tree.RatchetTreeNodes;

/**
 * One client hosted by the peer under a handle: the KeyPackages it handed out and still holds the
 * private keys of, and the group it is in (at most one; after being removed it may create or join
 * another). Each operation either succeeds or leaves the client as it was.
 *
 * <p>Not thread-safe: the peer's single thread owns it.
 */
final class PeerClient {
    /** A KeyPackage of ours not yet used by a Welcome, with the identity that signed it. */
    private record Outstanding(CipherSuite suite, SigningIdentity identity, NewKeyPackage keyPackage) {}

    /** Our KeyPackages a Welcome may still be addressed to, by KeyPackageRef. */
    private final Map<Bytes, Outstanding> outstanding = new LinkedHashMap<>();
    /** The group we are or were in; null before the first create or join. */
    private Group group;

    /** How far back a KeyPackage of ours is valid, for skewed clocks. */
    static final Duration VALID_BEFORE = Duration.ofHours(1);
    /**
     * How long ahead: four weeks, inside what other implementations accept (OpenMLS refuses a total
     * range above 12 weeks and an hour; the engine's own default is 90 days).
     */
    static final Duration VALID_AFTER = Duration.ofDays(28);

    static SigningIdentity identity(CipherSuite suite, String name) throws MlsException {
        return new SigningIdentity(
                new BasicCredential(Bytes.of(name.getBytes(StandardCharsets.UTF_8))), suite.generateSignatureKeyPair());
    }

    /** A fresh KeyPackage for {@code name}; its private keys stay here until a Welcome uses them. */
    NewKeyPackage newKeyPackage(CipherSuite suite, String name) throws MlsException {
        SigningIdentity identity = identity(suite, name);
        NewKeyPackage created = keyPackage(suite, identity);
        outstanding.put(created.ref().value(), new Outstanding(suite, identity, created));
        return created;
    }

    void createGroup(CipherSuite suite, GroupConfig config, String name, Bytes groupId) throws MlsException {
        requireNoGroup();
        SigningIdentity identity = identity(suite, name);
        NewKeyPackage own = keyPackage(suite, identity);
        group = Group.create(suite, config, identity, groupId, own, List.of());
    }

    /** A KeyPackage valid from {@link #VALID_BEFORE} ago to {@link #VALID_AFTER} ahead, capabilities as the engine makes them. */
    private static NewKeyPackage keyPackage(CipherSuite suite, SigningIdentity identity) throws MlsException {
        Instant now = Instant.now();
        Lifetime lifetime = new Lifetime(
                now.minus(VALID_BEFORE).getEpochSecond(), now.plus(VALID_AFTER).getEpochSecond());
        return new KeyPackageFactory(suite, Clock.systemUTC())
                .create(identity.credential(), identity.signatureKeys(), lifetime, List.of(), List.of());
    }

    /** Joins with the Welcome addressed to one of our outstanding KeyPackages, which is then used up. */
    void join(Welcome welcome, GroupConfig config, Optional<RatchetTreeNodes> tree) throws MlsException {
        requireNoGroup();
        Bytes ref = null;
        Outstanding own = null;
        for (EncryptedGroupSecrets secrets : welcome.secrets()) {
            Outstanding candidate = outstanding.get(secrets.newMember());
            if (candidate != null) {
                ref = secrets.newMember();
                own = candidate;
                break;
            }
        }
        if (own == null) {
            throw new IllegalArgumentException(
                    "the Welcome is addressed to none of this client's " + outstanding.size() + " KeyPackages");
        }
        if (own.suite().id() != welcome.cipherSuite()) {
            throw new IllegalArgumentException("the Welcome's cipher suite " + welcome.cipherSuite()
                    + " is not that of the KeyPackage (" + own.suite().id() + ")");
        }
        group = Group.join(own.suite(), config, own.identity(), welcome, own.keyPackage(), tree);
        outstanding.remove(ref);
    }

    /** The group this client is a member of; IllegalStateException when there is none or we were removed. */
    Group group() {
        if (group == null) {
            throw new IllegalStateException("this client is in no group");
        }
        if (!group.isActive()) {
            throw new IllegalStateException("this client was removed from its group");
        }
        return group;
    }

    private void requireNoGroup() {
        if (group != null && group.isActive()) {
            throw new IllegalStateException("this client is already in a group");
        }
    }
}
