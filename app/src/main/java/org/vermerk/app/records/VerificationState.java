package org.vermerk.app.records;

/** How far the exporting device trusted a participant's keys at the time of export. */
public enum VerificationState {
    /** Safety number compared out of band. */
    VERIFIED("verified", "verifiziert (Sicherheitsnummer verglichen)"),
    /** Trusted on first use, never compared. */
    UNVERIFIED("unverified", "nicht verifiziert (beim ersten Kontakt vertraut)"),
    /** The keys changed after they were verified or first seen, and were not verified again. */
    KEY_CHANGED("key-changed", "Schlüssel geändert, nicht erneut verifiziert");

    private final String jsonName;
    private final String germanLabel;

    VerificationState(String jsonName, String germanLabel) {
        this.jsonName = jsonName;
        this.germanLabel = germanLabel;
    }

    public String jsonName() {
        return jsonName;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
