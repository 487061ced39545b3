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

    /**
     * The official with a display name as one string ("Anna Schmidt"): the last word is taken as
     * the family name; blank gives the user ID as the name.
     */
    public static Official named(String userId, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return new Official(userId, "", userId, "");
        }
        String n = displayName.strip();
        int space = n.lastIndexOf(' ');
        return space < 0
                ? new Official(userId, "", n, "")
                : new Official(userId, n.substring(0, space).strip(), n.substring(space + 1), "");
    }

    public String displayName() {
        return (givenName + " " + familyName).strip();
    }
}
