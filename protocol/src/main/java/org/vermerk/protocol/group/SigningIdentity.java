package org.vermerk.protocol.group;

import java.util.Objects;
import org.vermerk.protocol.credential.Credential;
import org.vermerk.protocol.crypto.KeyPair;

/**
 * A client's credential and the signature key pair that goes with it (RFC 9420 §5.3): what signs
 * its leaf nodes, KeyPackages, messages and GroupInfos. The private key never prints.
 */
public record SigningIdentity(Credential credential, KeyPair signatureKeys) {
    public SigningIdentity {
        Objects.requireNonNull(credential);
        Objects.requireNonNull(signatureKeys);
    }
}
