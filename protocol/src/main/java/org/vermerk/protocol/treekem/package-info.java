/**
 * TreeKEM, the secret half of the ratchet tree (RFC 9420 §7.4 to §7.6): each member's private
 * view of the tree ({@link org.vermerk.protocol.treekem.TreePrivateKeys}), creating an UpdatePath
 * for a commit ({@link org.vermerk.protocol.treekem.UpdatePathCreator}) and processing a received
 * one ({@link org.vermerk.protocol.treekem.UpdatePathProcessor}).
 *
 * <p>Kept apart from {@code tree}, which holds the public tree and everything a non-member can
 * check (hashes, validation, merging public keys): only this package touches path secrets and
 * node private keys, so what may hold key material is visible from the package name, as in
 * mlspp's {@code treekem} and openmls' {@code treesync}/{@code treekem} split.
 */
package org.vermerk.protocol.treekem;
