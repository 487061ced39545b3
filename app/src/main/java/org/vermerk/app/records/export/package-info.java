/**
 * {@link org.vermerk.app.records.export.RecordExporter}: one export request in, one signed ZIP out
 * (docs/records-export.md).
 */
package org.vermerk.app.records.export;
