package org.vermerk.app.records.verify;

/** The checks of {@link ExportVerifier}; each problem names the rule it breaks. */
public enum VerifyRule {
    /** The file is a readable ZIP archive. */
    ZIP_READABLE("VERIFY-1", "the file is a readable ZIP archive"),
    /** The package holds manifest.json and manifest.json.p7s. */
    MANIFEST_PRESENT("VERIFY-2", "manifest.json and manifest.json.p7s are present"),
    /** manifest.json is a well-formed Vermerk manifest. */
    MANIFEST_WELL_FORMED("VERIFY-3", "manifest.json is a well-formed manifest"),
    /** The signature is a valid CMS signature over manifest.json by the included certificate. */
    SIGNATURE_VALID("VERIFY-4", "manifest.json.p7s is a valid signature over manifest.json"),
    /** Every file listed in the manifest is in the ZIP. */
    NO_FILE_MISSING("VERIFY-5", "every file in the manifest is present"),
    /** Every file in the ZIP is listed in the manifest. */
    NO_FILE_ADDED("VERIFY-6", "every file in the package is listed in the manifest"),
    /** Each file's size and SHA-256 match the manifest. */
    HASH_MATCHES("VERIFY-7", "every file's size and SHA-256 match the manifest"),
    /** Each name occurs once, in the ZIP and in the manifest. */
    NAMES_UNIQUE("VERIFY-8", "no name occurs twice"),
    /** When the records officer names the expected device key, the signer holds that key. */
    SIGNER_EXPECTED("VERIFY-9", "the manifest is signed by the expected device key");

    private final String id;
    private final String description;

    VerifyRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
