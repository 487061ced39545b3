package org.vermerk.app.records;

/** Where a mark stands in the Records view. */
public enum MarkState {
    /** Marked, not yet exported: still editable. */
    UNFILED,
    /** Exported at least once: kept as filed, no longer editable. */
    EXPORTED,
    /** Withdrawn before export. */
    WITHDRAWN
}
