package org.vermerk.protocol.group;

import java.time.Clock;
import java.util.Objects;
import org.vermerk.protocol.framing.protection.Padding;
import org.vermerk.protocol.secrettree.RatchetPolicy;
import org.vermerk.protocol.welcome.PskLookup;

/**
 * How a member runs its groups: the clock that lifetimes are checked against (§7.3; injectable so
 * that tests and old vectors work), how far the receiving ratchets bend for reordered messages
 * (§14), the padding of PrivateMessages (§6.3.1), the external PSKs the application holds (§8.4),
 * whether handshake messages go out as PrivateMessage (default PublicMessage, §6), whether a
 * Welcome carries the ratchet tree in its GroupInfo (default yes, §12.4.3.3), and how many past
 * epochs' resumption PSKs are kept (§8.6).
 */
public record GroupConfig(
        Clock clock,
        RatchetPolicy ratchetPolicy,
        Padding padding,
        PskLookup externalPsks,
        boolean encryptHandshake,
        boolean ratchetTreeInWelcome,
        int resumptionPskEpochs) {
    public GroupConfig {
        Objects.requireNonNull(clock);
        Objects.requireNonNull(ratchetPolicy);
        Objects.requireNonNull(padding);
        Objects.requireNonNull(externalPsks);
        if (resumptionPskEpochs < 1) {
            throw new IllegalArgumentException("keep at least the current epoch's resumption PSK");
        }
    }

    /** The system clock, the default ratchet policy, no padding or PSKs, PublicMessage handshakes, the tree in Welcomes, 5 epochs of resumption PSKs. */
    public static GroupConfig defaults() {
        return new GroupConfig(Clock.systemUTC(), RatchetPolicy.DEFAULT, Padding.NONE, PskLookup.NONE, false, true, 5);
    }

    public GroupConfig withClock(Clock newClock) {
        return new GroupConfig(
                newClock,
                ratchetPolicy,
                padding,
                externalPsks,
                encryptHandshake,
                ratchetTreeInWelcome,
                resumptionPskEpochs);
    }

    public GroupConfig withExternalPsks(PskLookup psks) {
        return new GroupConfig(
                clock, ratchetPolicy, padding, psks, encryptHandshake, ratchetTreeInWelcome, resumptionPskEpochs);
    }

    public GroupConfig withEncryptedHandshake(boolean encrypt) {
        return new GroupConfig(
                clock, ratchetPolicy, padding, externalPsks, encrypt, ratchetTreeInWelcome, resumptionPskEpochs);
    }

    public GroupConfig withRatchetTreeInWelcome(boolean include) {
        return new GroupConfig(
                clock, ratchetPolicy, padding, externalPsks, encryptHandshake, include, resumptionPskEpochs);
    }
}
