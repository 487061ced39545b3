package org.vermerk.app.policy;

import java.util.Arrays;
import java.util.Optional;
import org.vermerk.protocol.crypto.CipherSuites;

/**
 * The MLS cipher suites a deployment may choose by policy (RFC 9420 §17.1). The engine implements
 * suite 3 as well, but Vermerk deployments pick 1 or 2 (docs/DESIGN: suite 2 is the P-256 family of
 * BSI TR-02102); every member of a deployment must use the same suite.
 */
public enum MlsCipherSuite {
    /** Suite 1, the mandatory-to-implement suite of RFC 9420 and the default. */
    X25519_AES128GCM_SHA256_ED25519(
            CipherSuites.X25519_AES128GCM_SHA256_ED25519, "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519"),
    /** Suite 2, NIST P-256 throughout. */
    P256_AES128GCM_SHA256_P256(CipherSuites.P256_AES128GCM_SHA256_P256, "MLS_128_DHKEMP256_AES128GCM_SHA256_P256");

    private final int id;
    private final String rfcName;

    MlsCipherSuite(int id, String rfcName) {
        this.id = id;
        this.rfcName = rfcName;
    }

    /** The registered value, as {@link CipherSuites#byId(int)} takes it. */
    public int id() {
        return id;
    }

    /** The name in the IANA registry of RFC 9420 §17.1. */
    public String rfcName() {
        return rfcName;
    }

    public static Optional<MlsCipherSuite> byId(long id) {
        return Arrays.stream(values()).filter(s -> s.id == id).findFirst();
    }

    /** By registry name; case does not matter, as administrators type these names by hand. */
    public static Optional<MlsCipherSuite> byName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.rfcName.equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    @Override
    public String toString() {
        return id + " (" + rfcName + ")";
    }
}
