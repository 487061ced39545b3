package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * The official who makes the export (or who made a mark).
 *
 * @param userId the Vermerk user ID
 * @param givenName Vorname
 * @param familyName Familienname
 * @param organisationalUnit Organisationseinheit (Referat), may be empty
 */
public record Official(String userId, String givenName, String familyName, String organisationalUnit) {
    public Official {
        requireNonNull(userId, "userId");
        requireNonNull(givenName, "givenName");
        requireNonNull(familyName, "familyName");
        requireNonNull(organisationalUnit, "organisationalUnit");
    }

    public String displayName() {
        return (givenName + " " + familyName).strip();
    }
}
