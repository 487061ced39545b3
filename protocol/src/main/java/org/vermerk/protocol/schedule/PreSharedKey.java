package org.vermerk.protocol.schedule;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/**
 * A PSK ready for the key schedule: its identifier as the commit lists it and the key itself
 * ({@code psk_[i]} in §8.4), already looked up by the caller (an external PSK from the
 * application's store, a resumption PSK from an earlier epoch's {@link ResumptionPsk}).
 */
public record PreSharedKey(PreSharedKeyId id, Secret psk) {
    public PreSharedKey {
        Objects.requireNonNull(id);
        Objects.requireNonNull(psk);
    }
}
