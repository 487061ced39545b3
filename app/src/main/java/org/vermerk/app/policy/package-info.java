/**
 * The machine-wide admin policy (ADR 0006, docs/admin/policy.md): where the file lives ({@link
 * org.vermerk.app.policy.PolicyLocation}), how it is read and checked ({@link
 * org.vermerk.app.policy.PolicyFile}, {@link org.vermerk.app.policy.PolicyParser}), the settings it
 * can set ({@link org.vermerk.app.policy.Settings}) and how policy, defaults and the user's own
 * settings merge ({@link org.vermerk.app.policy.EffectiveSettings}). No JavaFX, no storage.
 */
package org.vermerk.app.policy;
