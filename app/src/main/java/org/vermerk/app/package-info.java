/** The client engine: account, connection, conversations, records, command line (issue 5; not built yet). */
package org.vermerk.app;
