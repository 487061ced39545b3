/**
 * The locally encrypted store of keys, group states and history (see {@link
 * org.vermerk.keystore.Keystore}). The only module that touches JDBC; the SQLite driver itself is
 * known to {@code internal.EncryptedSqlite} alone.
 */
package org.vermerk.keystore;
