package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.schedule.PreSharedKeyId;

/**
 * A commit injects a pre-shared key this member does not hold (GROUP-23, RFC 9420 §12.4.2): an
 * external PSK missing from the application's store, or the resumption PSK of an epoch no longer
 * kept. The commit cannot be processed.
 */
public final class MissingPskException extends MlsException {
    public MissingPskException(PreSharedKeyId id) {
        super(GroupRule.UNKNOWN_PSK, "no " + id.pskType() + " PSK for the id the commit names");
    }
}
