package org.vermerk.protocol.group;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;

/**
 * A group's state as bytes for the keystore, and back: what a member needs to continue exactly
 * where it was after the application restarts (ADR 0009, {@code docs/decisions/0009-group-state-format.md}).
 *
 * <pre>
 * struct {
 *     opaque magic[4] = "VMGS";
 *     uint16 format_version;            // 1
 *     CipherSuite cipher_suite;         // uint16 (§17.1)
 *     select (format_version) {
 *         case 1: GroupStateV1 state;   // see GroupStateWriter
 *     };
 * } StoredGroupState;
 * </pre>
 *
 * <p>The stored bytes hold the epoch's secrets and private keys in clear: the caller keeps them only
 * in encrypted storage, replaces them after every change of the group (each message sent or
 * received consumes ratchet keys, §9.2) and wipes its copies. What was consumed before a state was
 * written is not in it, so forward secrecy (§9.2) holds for the stored bytes as in memory; an older
 * stored copy, however, still holds keys that the live group has since deleted.
 *
 * <p>A group with a pending commit of its own is refused: store it before {@link Group#commit} and
 * again after {@link Group#mergePendingCommit()} or {@link Group#discardPendingCommit()}. A group
 * that was removed is refused as well; there is nothing left to continue.
 *
 * <p>Compatibility: a state written by any release loads in every later one. When the format has to
 * change, the version goes up and {@link #decode} keeps reading the older versions (a migration);
 * the test {@code GroupStatePinTest} holds a version-1 state written once and never regenerated.
 */
public final class GroupStateCodec {
    /** The version {@link #encode} writes. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "VMGS".getBytes(StandardCharsets.US_ASCII);

    private GroupStateCodec() {}

    /**
     * The group's state in the current format. The caller owns the array, stores it encrypted and
     * wipes it when done. IllegalStateException while a commit of ours is pending or after we were
     * removed.
     */
    public static byte[] encode(Group group) {
        if (group.pendingCommit().isPresent()) {
            throw new IllegalStateException(
                    "a commit is pending: store the group before committing, or after merging or discarding");
        }
        if (!group.isActive()) {
            throw new IllegalStateException("we were removed from the group: there is no state to store");
        }
        TlsWriter writer = new TlsWriter(4096);
        try {
            writer.raw(MAGIC).u16(VERSION).u16(group.cipherSuite().id());
            new GroupStateWriter(writer).write(group);
            return writer.toByteArray();
        } finally {
            writer.wipe();
        }
    }

    /**
     * The group a stored state describes, ready to send and receive in the epoch where it was
     * stored, run with {@code config} (its ratchet policy applies from the next epoch on). The
     * caller wipes {@code stored} when done. Fails with a {@link DecodeException} for anything but
     * a complete, consistent state of a known version: CODEC-* for malformed bytes, GROUP-30 for an
     * unknown magic, version or cipher suite, GROUP-31 for parts that do not fit together.
     */
    public static Group decode(byte[] stored, GroupConfig config) throws DecodeException {
        TlsReader reader = new TlsReader(stored);
        byte[] magic = reader.raw(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DecodeException(GroupRule.STATE_FORMAT, "not a stored group state (no \"VMGS\" magic)");
        }
        int version = reader.u16();
        if (version != VERSION) {
            // a later version adds its case here, and older versions stay readable (migration)
            throw new DecodeException(GroupRule.STATE_FORMAT, "unknown group state version " + version);
        }
        CipherSuite suite = suite(reader.u16());
        return GroupStateReader.read(reader, suite, config);
    }

    private static CipherSuite suite(int id) throws DecodeException {
        try {
            return CipherSuites.byId(id);
        } catch (UnsupportedCipherSuiteException e) {
            throw new DecodeException(GroupRule.STATE_FORMAT, "cipher suite " + id + " is not implemented");
        }
    }
}
