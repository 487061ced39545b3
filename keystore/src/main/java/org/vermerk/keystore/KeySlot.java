package org.vermerk.keystore;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;

/**
 * One wrapped copy of the database key, as kept in the store's key file. The {@code parameters}
 * are the protector's own (for a passphrase: the Argon2id parameters and salt); they are public and
 * authenticated together with the file header as AES-GCM additional data, so neither can be changed
 * without the unwrap failing.
 */
public final class KeySlot {
    /** How a slot is protected. Only the passphrase exists now; OS key stores and cards follow. */
    public enum Kind {
        PASSPHRASE_ARGON2ID(1);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Kind ofCode(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown key slot kind " + code);
        }
    }

    private final Kind kind;
    private final Bytes parameters;
    private final Bytes nonce;
    private final Bytes ciphertext;

    public KeySlot(Kind kind, Bytes parameters, Bytes nonce, Bytes ciphertext) {
        this.kind = Objects.requireNonNull(kind);
        this.parameters = Objects.requireNonNull(parameters);
        this.nonce = Objects.requireNonNull(nonce);
        this.ciphertext = Objects.requireNonNull(ciphertext);
    }

    public Kind kind() {
        return kind;
    }

    public Bytes parameters() {
        return parameters;
    }

    public Bytes nonce() {
        return nonce;
    }

    public Bytes ciphertext() {
        return ciphertext;
    }

    @Override
    public String toString() {
        return "KeySlot[" + kind + "]";
    }
}
