package org.vermerk.server.storage;

import org.vermerk.protocol.codec.Bytes;

/** An enrolled device and the public key it authenticates with (its MLS signature key). */
public record Device(String deviceId, String userId, String deviceName, String signatureScheme, Bytes signatureKey) {}
