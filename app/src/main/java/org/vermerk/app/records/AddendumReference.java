package org.vermerk.app.records;

/**
 * How an addendum export is noted in the mark's audit trail: the keystore's EXPORTED entry carries
 * {@code addendum:<zip name>} as its detail, so that the trail tells the original export(s) from
 * the addenda filed after them without a change to the store's schema.
 */
final class AddendumReference {
    static final String PREFIX = "addendum:";

    private AddendumReference() {}

    /** The audit detail for an addendum written to {@code zipName}. */
    static String detail(String zipName) {
        return PREFIX + zipName;
    }

    static boolean isAddendum(String detail) {
        return detail != null && detail.startsWith(PREFIX);
    }

    /** The ZIP name of an addendum's audit detail. */
    static String zipName(String detail) {
        return detail.substring(PREFIX.length());
    }
}
