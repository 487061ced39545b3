/** Installers and admin policy (issue 8; not built yet). */
package org.vermerk.packaging;
