package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.codec.WireEnum;

/**
 * How a leaf node came to be, with the field that depends on it:
 *
 * <pre>
 * enum { reserved(0), key_package(1), update(2), commit(3), (255) } LeafNodeSource;
 *
 *     LeafNodeSource leaf_node_source;
 *     select (LeafNode.leaf_node_source) {
 *         case key_package: Lifetime lifetime;
 *         case update:      struct{};
 *         case commit:      opaque parent_hash&lt;V&gt;;
 *     };                                // RFC 9420 §7.2
 * </pre>
 */
public sealed interface LeafNodeSource {
    Type type();

    /** The {@code LeafNodeSource} enum; decoding rejects other values (CODEC-7). */
    enum Type implements WireEnum {
        KEY_PACKAGE(1),
        UPDATE(2),
        COMMIT(3);

        private final int value;

        Type(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }

    /** A leaf published in a KeyPackage, valid during its lifetime. */
    record FromKeyPackage(Lifetime lifetime) implements LeafNodeSource {
        @Override
        public Type type() {
            return Type.KEY_PACKAGE;
        }
    }

    /** A leaf sent in an Update proposal. */
    record FromUpdate() implements LeafNodeSource {
        @Override
        public Type type() {
            return Type.UPDATE;
        }
    }

    /** A leaf sent in a Commit's UpdatePath, with the parent hash that binds it to the path (§7.9). */
    record FromCommit(Bytes parentHash) implements LeafNodeSource {
        @Override
        public Type type() {
            return Type.COMMIT;
        }
    }

    static LeafNodeSource decode(TlsReader reader) throws DecodeException {
        return switch (reader.u8Enum(Type.class)) {
            case KEY_PACKAGE -> new FromKeyPackage(Lifetime.decode(reader));
            case UPDATE -> new FromUpdate();
            case COMMIT -> new FromCommit(reader.opaqueBytes());
        };
    }

    static void encode(TlsWriter writer, LeafNodeSource source) {
        writer.u8(source.type().value());
        switch (source) {
            case FromKeyPackage(Lifetime lifetime) -> lifetime.encode(writer);
            case FromUpdate() -> {}
            case FromCommit(Bytes parentHash) -> writer.opaque(parentHash);
        }
    }
}
