package org.vermerk.protocol.credential;

/**
 * {@code uint16 CredentialType} values of the "MLS Credential Types" registry (RFC 9420 §17.5).
 * Kept as plain numbers: capabilities list credential types the engine may not know (§7.2).
 */
public final class CredentialType {
    public static final int BASIC = 0x0001;
    public static final int X509 = 0x0002;

    private CredentialType() {}
}
