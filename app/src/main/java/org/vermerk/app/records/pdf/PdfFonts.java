package org.vermerk.app.records.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
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
    /** Advance widths (font units) of BMP characters, NaN until first needed; one per font. */
    private final float[] regularWidths = unknownWidths();

    private final float[] boldWidths = unknownWidths();

    /**
     * Whether both fonts have a glyph for a BMP character: 0 not yet asked, 1 yes, 2 no. The
     * fonts' cmap lookups box every code point into a HashMap key; asked once per character of
     * every line, they were the transcript's hottest spot (about 8 % of the export's samples).
     */
    private final byte[] glyphKnown = new byte[0x10000];

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
            return new TTFParser().parse(new RandomAccessReadBuffer(hideGsub(in.readAllBytes())));
        }
    }

    /**
     * Renames the font's GSUB table in this in-memory copy so that PDFBox does not run glyph
     * substitution on every line: for Latin text it only adds ligatures, yet PDFBox 3 compiles
     * regular expressions per shown string, which made a 10,000-message transcript take ten times
     * as long. Text is NFC-normalised instead, so umlauts are single glyphs anyway. The embedded
     * subset never contains GSUB, so the PDF is the same either way.
     */
    static byte[] hideGsub(byte[] font) {
        int tables = ((font[4] & 0xff) << 8) | (font[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (font[record] == 'G' && font[record + 1] == 'S' && font[record + 2] == 'U' && font[record + 3] == 'B') {
                font[record] = 'g';
                font[record + 1] = 's';
                font[record + 2] = 'u';
                font[record + 3] = 'b';
            }
        }
        return font;
    }

    /**
     * The text as it can be shown in one line: NFC-normalised, tabs become spaces, other control
     * characters are dropped, characters without a glyph in either font become {@code [U+XXXX]}.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                // dropped: line breaks are handled by the caller, the rest is invisible
            } else if (hasGlyphInBoth(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("[U+%04X]", cp));
            }
        });
        return out.toString();
    }

    private boolean hasGlyphInBoth(int cp) {
        if (cp >= glyphKnown.length) {
            return regularCmap.getGlyphId(cp) != 0 && boldCmap.getGlyphId(cp) != 0;
        }
        if (glyphKnown[cp] == 0) {
            glyphKnown[cp] = regularCmap.getGlyphId(cp) != 0 && boldCmap.getGlyphId(cp) != 0 ? (byte) 1 : (byte) 2;
        }
        return glyphKnown[cp] == 1;
    }

    /**
     * The width in points of printable text: the sum of its characters' advance widths, as PDFBox's
     * {@code getStringWidth} computes it, with each character's width looked up once per font.
     */
    float width(PDType0Font font, float size, String printable) {
        float[] cache = font == bold ? boldWidths : regularWidths;
        float units = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            float width = cp < cache.length ? cache[cp] : Float.NaN;
            if (Float.isNaN(width)) {
                width = stringWidth(font, new String(Character.toChars(cp)));
                if (cp < cache.length) {
                    cache[cp] = width;
                }
            }
            units += width;
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    private static float stringWidth(PDType0Font font, String text) {
        try {
            return font.getStringWidth(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] unknownWidths() {
        float[] widths = new float[0x10000];
        Arrays.fill(widths, Float.NaN);
        return widths;
    }
}
