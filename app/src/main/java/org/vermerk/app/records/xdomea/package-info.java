/**
 * The xdomea 3.0.0 message {@code FVDaten.SGOAblegen.0605} that describes an export to the
 * authority's document management system, and the copied schemas that it validates against
 * (classpath {@code /xdomea/3.0.0/}).
 */
package org.vermerk.app.records.xdomea;
