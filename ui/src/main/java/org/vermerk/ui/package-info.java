/** The JavaFX desktop client (issue 6; not built yet). */
package org.vermerk.ui;
