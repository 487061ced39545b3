/**
 * Records: the input model of an export of record-relevant ("aktenrelevant") messages.
 *
 * <p>The types here are immutable values that the keystore and the app fill in from a stored mark;
 * {@link org.vermerk.app.records.export.RecordExporter} turns one {@link
 * org.vermerk.app.records.RecordExportRequest} into one signed ZIP, and {@link
 * org.vermerk.app.records.verify.ExportVerifier} checks such a ZIP. See docs/records-export.md.
 */
package org.vermerk.app.records;
