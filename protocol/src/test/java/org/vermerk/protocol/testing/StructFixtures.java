package org.vermerk.protocol.testing;

import java.util.HexFormat;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.tree.Capabilities;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.Lifetime;

/** Small, recognisable wire structs for tests that build messages by hand. */
public final class StructFixtures {
    /** A GREASE value (RFC 9420 §13.5). */
    public static final int GREASE = 0x0a0a;

    private StructFixtures() {}

    public static Bytes bytes(String hex) {
        return Bytes.fromHex(hex);
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Capabilities that advertise GREASE and unregistered values next to the real ones. */
    public static Capabilities capabilitiesWithGrease() {
        return new Capabilities(
                List.of(1),
                List.of(1, 2, GREASE),
                List.of(0xff00, GREASE),
                List.of(GREASE),
                List.of(CredentialType.BASIC, CredentialType.X509, GREASE));
    }

    public static LeafNode leafNode(LeafNodeSource source) {
        return new LeafNode(
                bytes("e1e2"),
                bytes("5151"),
                new BasicCredential(
                        Bytes.of("anna.schmidt@bmi.example".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                capabilitiesWithGrease(),
                source,
                List.of(new Extension(0xff00, bytes("cafe")), new Extension(GREASE, Bytes.EMPTY)),
                bytes("5959"));
    }

    public static LeafNode keyPackageLeaf() {
        return leafNode(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
    }
}
