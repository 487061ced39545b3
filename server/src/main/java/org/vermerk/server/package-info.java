/** The on-premises delivery server (issue 5; not built yet). */
package org.vermerk.server;
