/**
 * The PDF/A-2b transcript ({@code transcript.pdf}) with PDFBox: DejaVu Sans embedded (shipped in
 * this package's resources with its licence), sRGB output intent, XMP metadata, the classification
 * marking on every page and "Seite x von y".
 */
package org.vermerk.app.records.pdf;
