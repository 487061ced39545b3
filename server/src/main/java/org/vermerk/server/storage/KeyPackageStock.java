package org.vermerk.server.storage;

/** A device's unclaimed one-time KeyPackages and whether it has a last-resort one. */
public record KeyPackageStock(int oneTime, boolean hasLastResort) {}
