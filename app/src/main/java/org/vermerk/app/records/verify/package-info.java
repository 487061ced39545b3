/**
 * {@link org.vermerk.app.records.verify.ExportVerifier}: checks an export package — every file
 * hashed and listed, none missing, none added, the manifest's signature valid — and names each
 * problem ({@code records verify ZIP}).
 */
package org.vermerk.app.records.verify;
