package org.vermerk.server.storage;

import org.vermerk.protocol.codec.Bytes;

/** A KeyPackage handed out by a claim, and the one-time stock its device has left. */
public record ClaimedKeyPackage(String deviceId, Bytes keyPackage, boolean lastResort, int remainingStock) {}
