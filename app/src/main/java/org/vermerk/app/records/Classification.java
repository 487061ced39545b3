package org.vermerk.app.records;

/**
 * The classification of a conversation under the Verschlusssachenanweisung (VSA). Vermerk is
 * approved up to VS-NfD, so higher grades do not exist here. Each value carries its code from the
 * xdomea code list Vertraulichkeitsstufe 1.0 and the marking printed on every transcript page.
 */
public enum Classification {
    /** Not classified. */
    OPEN("003", "Offen", "offen", null),
    /** VS – Nur für den Dienstgebrauch. */
    VS_NFD("002", "NfD", "VS-NfD", "VS – NUR FÜR DEN DIENSTGEBRAUCH");

    private final String xdomeaCode;
    private final String xdomeaName;
    private final String jsonName;
    private final String pageMarking;

    Classification(String xdomeaCode, String xdomeaName, String jsonName, String pageMarking) {
        this.xdomeaCode = xdomeaCode;
        this.xdomeaName = xdomeaName;
        this.jsonName = jsonName;
        this.pageMarking = pageMarking;
    }

    /** The code in xdomea's Vertraulichkeitsstufe list (urn:xoev-de:xdomea:codeliste:vertraulichkeitsstufe). */
    /**
     * The record's classification from a conversation's label. Vermerk carries nothing above
     * VS-NfD, so every label other than "offen" (or none) counts as VS-NfD: an unknown label is
     * marked rather than dropped. What the mark dialog shows before marking.
     */
    public static Classification ofLabel(String label) {
        if (label == null || label.isBlank()) {
            return OPEN;
        }
        String normal = label.strip().toLowerCase(java.util.Locale.ROOT);
        return normal.equals("offen") || normal.equals("open") ? OPEN : VS_NFD;
    }

    public String xdomeaCode() {
        return xdomeaCode;
    }

    public String xdomeaName() {
        return xdomeaName;
    }

    /** The value in messages.json. */
    public String jsonName() {
        return jsonName;
    }

    public boolean isClassified() {
        return pageMarking != null;
    }

    /** The marking at the top and bottom of every transcript page; empty when not classified. */
    public String pageMarking() {
        return pageMarking == null ? "" : pageMarking;
    }
}
