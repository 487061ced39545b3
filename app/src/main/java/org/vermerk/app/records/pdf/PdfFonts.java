package org.vermerk.app.records.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The transcript's two fonts, DejaVu Sans and DejaVu Sans Bold, embedded as subsets, and the text
 * rules that go with them: characters the font lacks (most emoji, CJK) are shown as {@code
 * [U+XXXX]} so that nothing disappears silently; messages.json keeps the original text.
 */
final class PdfFonts {
    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";

    final PDType0Font regular;
    final PDType0Font bold;
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;

    private PdfFonts(PDType0Font regular, CmapLookup regularCmap, PDType0Font bold, CmapLookup boldCmap) {
        this.regular = regular;
        this.regularCmap = regularCmap;
        this.bold = bold;
        this.boldCmap = boldCmap;
    }

    /** Loads both fonts into {@code document}, which closes them. */
    static PdfFonts load(PDDocument document) throws IOException {
        TrueTypeFont regular = parse(REGULAR);
        TrueTypeFont bold = parse(BOLD);
        return new PdfFonts(
                PDType0Font.load(document, regular, true),
                regular.getUnicodeCmapLookup(),
                PDType0Font.load(document, bold, true),
                bold.getUnicodeCmapLookup());
    }

    private static TrueTypeFont parse(String name) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + name);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    /**
     * The text as it can be shown in one line: tabs become spaces, other control characters are
     * dropped, characters without a glyph in either font become {@code [U+XXXX]}.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                // dropped: line breaks are handled by the caller, the rest is invisible
            } else if (regularCmap.getGlyphId(cp) != 0 && boldCmap.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("[U+%04X]", cp));
            }
        });
        return out.toString();
    }

    /** The width in points of printable text. */
    static float width(PDType0Font font, float size, String printable) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
