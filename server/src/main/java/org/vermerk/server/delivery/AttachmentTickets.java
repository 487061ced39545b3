package org.vermerk.server.delivery;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Short-lived bearer tokens for the attachment endpoint, issued over an authenticated WebSocket.
 * Kept in memory only: after a restart clients ask for a new one. Thread-safe.
 */
public final class AttachmentTickets {
    /** The device a token was issued to, and until when it is valid. */
    public record Ticket(String deviceId, Instant expiresAt) {}

    private final SecureRandom random;
    private final InstantSource clock;
    private final Duration validity;
    private final ConcurrentMap<String, Ticket> tickets = new ConcurrentHashMap<>();

    public AttachmentTickets(SecureRandom random, InstantSource clock, Duration validity) {
        this.random = random;
        this.clock = clock;
        this.validity = validity;
    }

    /** A new token for the device; the token itself is the map key and never logged. */
    public String issue(String deviceId) {
        byte[] value = new byte[32];
        random.nextBytes(value);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        tickets.put(token, new Ticket(deviceId, clock.instant().plus(validity)));
        tickets.values().removeIf(ticket -> !ticket.expiresAt().isAfter(clock.instant()));
        return token;
    }

    public Optional<Ticket> valid(String token) {
        Ticket ticket = token == null ? null : tickets.get(token);
        if (ticket == null || !ticket.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    public Instant expiryOfNewTicket() {
        return clock.instant().plus(validity);
    }
}
