package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * The authority whose record this is (from the admin policy).
 *
 * @param name the official name, e.g. "Bundesministerium des Innern"
 * @param shortName the short form, e.g. "BMI"; may be empty
 */
public record Authority(String name, String shortName) {
    public Authority {
        requireNonNull(name, "name");
        requireNonNull(shortName, "shortName");
    }
}
