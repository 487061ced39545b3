/** The locally encrypted store of keys, group states and history (issue 4; not built yet). */
package org.vermerk.keystore;
