package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PreSharedKey;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.schedule.ResumptionPsk;
import org.vermerk.protocol.welcome.PskLookup;

/**
 * Looks up the PSKs a commit injects (RFC 9420 §8.4, §8.6) and chains them into {@code
 * psk_secret}: external PSKs from the application's store, resumption PSKs of this group's recent
 * epochs. GROUP-23 ({@link MissingPskException}) for one that is not available.
 */
final class PskResolver {
    private PskResolver() {}

    static PskSecret pskSecret(EpochState state, PskLookup external, List<PreSharedKeyId> ids)
            throws MissingPskException {
        List<PreSharedKey> psks = new ArrayList<>();
        try {
            for (PreSharedKeyId id : ids) {
                psks.add(
                        new PreSharedKey(id, find(state, external, id).orElseThrow(() -> new MissingPskException(id))));
            }
            return new KeySchedule(state.suite).pskSecret(psks);
        } finally {
            psks.forEach(psk -> psk.psk().destroy());
        }
    }

    /** A copy of the PSK for {@code id}, which the caller wipes. */
    static Optional<Secret> find(EpochState state, PskLookup external, PreSharedKeyId id) {
        return switch (id) {
            case PreSharedKeyId.External e -> external.find(id);
            case PreSharedKeyId.Resumption r ->
                r.pskGroupId().equals(state.context.groupId())
                        ? state.resumptionPsks
                                .find(r.pskEpoch())
                                .map(ResumptionPsk::secret)
                                .map(secret -> Secret.wrap(secret.expose()))
                        : Optional.empty();
        };
    }

    /** A lookup that finds the external PSKs of {@code external} and this group's resumption PSKs. */
    static PskLookup lookup(EpochState state, PskLookup external) {
        return id -> find(state, external, id);
    }
}
