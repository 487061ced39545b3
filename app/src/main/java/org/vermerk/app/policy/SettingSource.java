package org.vermerk.app.policy;

/** Where an effective setting's value came from, as Settings → About shows it. */
public enum SettingSource {
    /** The built-in default (or no value, for settings without one). */
    DEFAULT,
    /** The admin policy, as a default the user may change. */
    POLICY,
    /** The admin policy, and the user cannot change it (locked, or an admin-only setting). */
    POLICY_LOCKED,
    /** The user's own setting. */
    USER
}
