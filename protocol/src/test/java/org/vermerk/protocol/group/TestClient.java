package org.vermerk.protocol.group;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.KeyPackageRef;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.tree.RatchetTreeNodes;

/**
 * A client made up for a test: a basic credential with its name, a signature key pair, the
 * KeyPackages it published (kept with their private keys until a Welcome uses one), and its
 * group once it joined. Time is fixed.
 */
final class TestClient {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    final String name;
    final CipherSuite suite;
    final SigningIdentity identity;
    final GroupConfig config;
    private final Map<KeyPackageRef, NewKeyPackage> published = new HashMap<>();
    Group group;

    TestClient(CipherSuite suite, String name, GroupConfig config) {
        this.suite = suite;
        this.name = name;
        this.config = config;
        this.identity = new SigningIdentity(
                new BasicCredential(Bytes.of(name.getBytes(StandardCharsets.UTF_8))), suite.generateSignatureKeyPair());
    }

    TestClient(CipherSuite suite, String name) {
        this(suite, name, GroupConfig.defaults().withClock(CLOCK));
    }

    /** A fresh KeyPackage, published: its private keys are kept for the Welcome. */
    KeyPackage keyPackage() throws MlsException {
        NewKeyPackage made =
                new KeyPackageFactory(suite, CLOCK).create(identity.credential(), identity.signatureKeys());
        published.put(made.ref(), made);
        return made.keyPackage();
    }

    /** Creates a group with a fresh KeyPackage of ours. */
    Group createGroup(Bytes groupId) throws MlsException {
        return createGroup(groupId, List.of());
    }

    /** Creates a group with the given GroupContext extensions. */
    Group createGroup(Bytes groupId, List<org.vermerk.protocol.extension.Extension> extensions) throws MlsException {
        NewKeyPackage made =
                new KeyPackageFactory(suite, CLOCK).create(identity.credential(), identity.signatureKeys());
        group = Group.create(suite, config, identity, groupId, made, extensions);
        return group;
    }

    /** Joins with a Welcome for one of our published KeyPackages. */
    Group join(MlsMessage welcome, Optional<RatchetTreeNodes> tree) throws MlsException {
        var w = ((MlsMessage.OfWelcome) welcome).welcome();
        NewKeyPackage used = published.values().stream()
                .filter(kp -> w.secrets().stream()
                        .anyMatch(s -> s.newMember().equals(kp.ref().value())))
                .findFirst()
                .orElseGet(() -> published.values().iterator().next());
        group = Group.join(suite, config, identity, w, used, tree);
        published.remove(used.ref());
        return group;
    }

    @Override
    public String toString() {
        return name;
    }
}
