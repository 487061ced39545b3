package org.vermerk.bench.mls;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.group.CreatedCommit;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.GroupConfig;
import org.vermerk.protocol.group.SigningIdentity;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.NewKeyPackage;

/**
 * Clients and groups for the MLS benchmarks, built through the engine's public API only: each
 * client has its own basic credential and signature key pair (signature keys must differ between
 * leaves), the default group configuration (PublicMessage handshakes, the ratchet tree in the
 * Welcome, no padding) and the system clock.
 */
final class MlsFixture {
    static final Decoder<MlsMessage> MESSAGE = MlsMessage::decode;
    static final Bytes GROUP_ID = Bytes.fromHex("0123456789abcdef");

    final CipherSuite suite;
    final GroupConfig config = GroupConfig.defaults();
    private final KeyPackageFactory keyPackages;

    MlsFixture(int suiteId) throws MlsException {
        this.suite = CipherSuites.byId(suiteId);
        this.keyPackages = new KeyPackageFactory(suite, Clock.systemUTC());
    }

    /** A client named {@code name}: credential and fresh signature key pair. */
    SigningIdentity identity(String name) {
        return new SigningIdentity(
                new BasicCredential(Bytes.of(name.getBytes(StandardCharsets.UTF_8))), suite.generateSignatureKeyPair());
    }

    NewKeyPackage keyPackage(SigningIdentity identity) throws MlsException {
        return keyPackages.create(identity.credential(), identity.signatureKeys());
    }

    /** A group with {@code identity} as its only member. */
    Group create(SigningIdentity identity) throws MlsException {
        return Group.create(suite, config, identity, GROUP_ID, keyPackage(identity), List.of());
    }

    /**
     * KeyPackages of {@code n} distinct clients "member-0" .. ; their private keys are dropped, so
     * these members exist only as leaves of whatever group adds them.
     */
    List<KeyPackage> publicKeyPackages(int n) throws MlsException {
        List<KeyPackage> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(keyPackage(identity("member-" + i)).keyPackage());
        }
        return result;
    }

    /** Joins with a Welcome (the tree in it) for {@code own}. */
    Group join(SigningIdentity identity, MlsMessage welcome, NewKeyPackage own) throws MlsException {
        return Group.join(suite, config, identity, ((MlsMessage.OfWelcome) welcome).welcome(), own, Optional.empty());
    }

    static MlsMessage decode(byte[] wire) throws DecodeException {
        return MESSAGE.decodeAll(wire);
    }

    /**
     * A group of {@code 1 + others + 1} members made by one commit of the creator: {@code others}
     * leaves without private state, then the processor, who joins with the Welcome. Only the
     * creator (leaf 0) and the processor (the last leaf) are materialised as groups.
     */
    Pair bigGroup(int others) throws MlsException {
        SigningIdentity creatorId = identity("creator");
        Group creator = create(creatorId);
        SigningIdentity processorId = identity("processor");
        NewKeyPackage processorKp = keyPackage(processorId);
        List<KeyPackage> all = new ArrayList<>(publicKeyPackages(others));
        all.add(processorKp.keyPackage());
        CreatedCommit created = creator.addMembers(all);
        creator.mergePendingCommit();
        Group processor = join(processorId, created.welcome().orElseThrow(), processorKp);
        return new Pair(creator, processor);
    }

    /** The committer (the group's creator, leaf 0) and another member who processes its commits. */
    record Pair(Group committer, Group processor) {}
}
