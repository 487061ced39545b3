package org.vermerk.server.storage;

/** An account the administrator created. */
public record User(String userId, String displayName) {}
