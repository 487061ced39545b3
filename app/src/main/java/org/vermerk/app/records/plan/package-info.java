/**
 * The plan of one export, fixed before any file is written: identifiers, file names in the ZIP
 * (after xdomea's naming rules), the summary of the marked messages and the time of export. The
 * writers of each file read the same plan, so the transcript, messages.json and the xdomea message
 * agree on every name.
 */
package org.vermerk.app.records.plan;
