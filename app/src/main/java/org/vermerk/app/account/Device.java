package org.vermerk.app.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vermerk.protocol.codec.Bytes;

/**
 * An enrolled device of a user, as the server lists it.
 *
 * @param thisDevice whether it is the device this account runs on
 */
public record Device(
        String deviceId, String deviceName, String signatureScheme, Bytes signatureKey, boolean thisDevice) {
    /** The first 16 bytes of SHA-256 over the signature key, as 8 groups of 4 hex digits, for comparing by eye. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signatureKey.toByteArray());
            String hex = HexFormat.of().formatHex(hash, 0, 16);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) {
                out.append(i == 0 ? "" : " ").append(hex, i, i + 4);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
