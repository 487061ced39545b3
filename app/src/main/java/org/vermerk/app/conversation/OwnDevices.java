package org.vermerk.app.conversation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.account.Device;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.protocol.codec.Bytes;

/**
 * Brings a device of ours that was enrolled later into our conversations (ADR 0022): compares our
 * devices as the server's directory lists them with the devices this one already knows; each
 * device new since then is added to every conversation this device is in and that lacks it.
 *
 * <p>Known devices are kept in the store ({@link #KNOWN}), so a device that left a conversation, or
 * was taken out of it, is never brought back by its siblings. On the first check the known set is
 * this device and our devices found in our conversations; so a device enrolled while this one was
 * offline still counts as new.
 *
 * <p>Two of our devices may check at once: both commit, the server takes the first for the epoch,
 * and the other remakes its commit from the new epoch, in which there is nothing left to add
 * ({@link ConversationWorker#addOwnDevices}). A device is marked known only when every
 * conversation took it (or had it), so a failure is tried again at the next check.
 *
 * <p>Thread-safe: one check at a time.
 */
final class OwnDevices {
    private static final Logger LOG = LoggerFactory.getLogger(OwnDevices.class);

    /** Settings key: our device IDs this device has seen, sorted, comma-separated. */
    static final String KNOWN = "devices.own.known";

    private final ConversationEngine engine;

    OwnDevices(ConversationEngine engine) {
        this.engine = engine;
    }

    /** One check; returns in how many conversations this device added one of ours. */
    synchronized int check() throws Exception {
        List<Device> listed = engine.directory().devices(engine.userId());
        Set<String> known = known(listed);
        Set<String> fresh = new TreeSet<>();
        java.util.Map<String, Bytes> freshKeys = new java.util.TreeMap<>();
        for (Device d : listed) {
            if (!known.contains(d.deviceId())) {
                fresh.add(d.deviceId());
                freshKeys.put(d.deviceId(), d.signatureKey());
            }
        }
        int added = 0;
        boolean everywhere = true;
        if (!fresh.isEmpty()) {
            for (Conversation c : engine.conversations()) {
                if (c.archived()) {
                    continue; // left: none of ours is brought into it
                }
                try {
                    if (engine.addOwnDevices(c, freshKeys)) {
                        added++;
                    }
                } catch (Exception e) {
                    everywhere = false;
                    LOG.warn(
                            "event=own_device_add_failed conversation={} error={}",
                            c.id(),
                            e.getClass().getSimpleName());
                }
            }
            LOG.info("event=own_devices_new devices={} conversations={} complete={}", fresh.size(), added, everywhere);
        }
        if (everywhere) {
            known.addAll(fresh);
        }
        engine.keystore().settings().put(KNOWN, String.join(",", new TreeSet<>(known)));
        return added;
    }

    private Set<String> known(List<Device> listed) throws Exception {
        Optional<String> stored = engine.keystore().settings().get(KNOWN);
        Set<String> known = new LinkedHashSet<>();
        if (stored.isPresent()) {
            for (String id : stored.get().split(",")) {
                if (!id.isBlank()) {
                    known.add(id);
                }
            }
            return known;
        }
        known.add(engine.deviceId());
        Set<Bytes> inConversations = new LinkedHashSet<>();
        for (Conversation c : engine.conversations()) {
            try {
                engine.devices(c.id()).forEach(m -> inConversations.add(m.signatureKey()));
            } catch (KeystoreException | ConversationException e) {
                LOG.warn("event=conversation_devices_unreadable conversation={}", c.id());
            }
        }
        for (Device d : listed) {
            if (inConversations.contains(d.signatureKey())) {
                known.add(d.deviceId());
            }
        }
        return known;
    }
}
