package org.vermerk.app.records.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out lines top to bottom on A4 pages, wrapping long lines and long words, and starts a new
 * page (with its header) when a page is full. Footers need the page count, so {@link
 * #finish(String)} adds them to every page after the last line is laid out.
 *
 * <p>Not thread-safe; one composer per document.
 */
final class PageComposer implements AutoCloseable {
    static final float MARGIN = 56f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 10f;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    /** A colour as sRGB components. */
    record Colour(float red, float green, float blue) {
        static final Colour BLACK = new Colour(0f, 0f, 0f);
        static final Colour GREY = new Colour(0.35f, 0.35f, 0.35f);
        static final Colour MARKING = new Colour(0.6f, 0f, 0f);
    }

    /** A text style. */
    record Style(PDType0Font font, float size, float leading, Colour colour) {}

    private final PDDocument document;
    private final PdfFonts fonts;
    private final String marking;
    private final String runningHead;
    private final List<PDPage> pages = new ArrayList<>();
    /** The open content stream of the last page; null before the first page and after finish. */
    private PDPageContentStream content;
    /** The baseline of the next line on the current page. */
    private float y;

    PageComposer(PDDocument document, PdfFonts fonts, String marking, String runningHead) {
        this.document = document;
        this.fonts = fonts;
        this.marking = marking;
        this.runningHead = fonts.printable(runningHead);
    }

    /** Vertical space; never starts a page by itself. */
    void space(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code points} of height are left on this one. */
    void keep(float points) throws IOException {
        if (content == null || y - points < BOTTOM) {
            newPage();
        }
    }

    /** Writes text, wrapped to the width left after {@code indent}; line breaks in it are kept. */
    void paragraph(String text, Style style, float indent) throws IOException {
        for (String line : wrap(text, style, WIDTH - indent)) {
            line(line, style, indent);
        }
    }

    /** Writes a label in one style and its value in another, the value wrapped in its column. */
    void labelled(String label, Style labelStyle, float column, String value, Style valueStyle) throws IOException {
        List<String> lines = wrap(value, valueStyle, WIDTH - column);
        keep(valueStyle.leading());
        y -= valueStyle.leading();
        show(fonts.printable(label), labelStyle, MARGIN, y);
        boolean first = true;
        for (String line : lines) {
            if (!first) {
                keep(valueStyle.leading());
                y -= valueStyle.leading();
            }
            show(line, valueStyle, MARGIN + column, y);
            first = false;
        }
    }

    private void line(String printable, Style style, float indent) throws IOException {
        keep(style.leading());
        y -= style.leading();
        show(printable, style, MARGIN + indent, y);
    }

    private void show(String printable, Style style, float x, float baseline) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(style.font(), style.size());
        content.setNonStrokingColor(
                style.colour().red(), style.colour().green(), style.colour().blue());
        content.newLineAtOffset(x, baseline);
        content.showText(printable);
        content.endText();
    }

    /** Splits text into printable lines that fit {@code width}, breaking words longer than a line. */
    List<String> wrap(String text, Style style, float width) {
        List<String> lines = new ArrayList<>();
        float spaceWidth = fonts.width(style.font(), style.size(), " ");
        // most lines have no break: skip the regular expression (3 % of an export's samples)
        String[] paragraphs =
                text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? new String[] {text} : LINE_BREAK.split(text, -1);
        for (String paragraph : paragraphs) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String rawWord : paragraph.split(" ", -1)) {
                String word = fonts.printable(rawWord);
                float wordWidth = fonts.width(style.font(), style.size(), word);
                float needed = line.isEmpty() ? wordWidth : lineWidth + spaceWidth + wordWidth;
                if (needed <= width) {
                    if (!line.isEmpty()) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = needed;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (wordWidth <= width) {
                    line.append(word);
                    lineWidth = wordWidth;
                } else {
                    lineWidth = breakLongWord(word, style, width, lines, line);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Cuts a word wider than a line into line-wide pieces; the rest stays in {@code line}. */
    private float breakLongWord(String word, Style style, float width, List<String> lines, StringBuilder line) {
        float lineWidth = 0;
        int i = 0;
        while (i < word.length()) {
            int cp = word.codePointAt(i);
            String piece = new String(Character.toChars(cp));
            float pieceWidth = fonts.width(style.font(), style.size(), piece);
            if (lineWidth + pieceWidth > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            line.append(piece);
            lineWidth += pieceWidth;
            i += Character.charCount(cp);
        }
        return lineWidth;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
        Style head = new Style(fonts.regular, 7.5f, 10f, Colour.GREY);
        if (!marking.isEmpty()) {
            Style mark = new Style(fonts.bold, 11f, 14f, Colour.MARKING);
            centred(marking, mark, PAGE.getHeight() - 34f);
        }
        String fitted = fit(runningHead, head, WIDTH);
        show(fitted, head, MARGIN, y);
        content.setStrokingColor(0.6f, 0.6f, 0.6f);
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y - 4f);
        content.lineTo(MARGIN + WIDTH, y - 4f);
        content.stroke();
        y -= 12f;
    }

    private void centred(String printable, Style style, float baseline) throws IOException {
        float width = fonts.width(style.font(), style.size(), printable);
        show(printable, style, (PAGE.getWidth() - width) / 2, baseline);
    }

    private String fit(String printable, Style style, float width) {
        if (fonts.width(style.font(), style.size(), printable) <= width) {
            return printable;
        }
        String cut = printable;
        while (!cut.isEmpty() && fonts.width(style.font(), style.size(), cut + " …") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + " …";
    }

    /**
     * Closes the last page and adds to every page its footer: the marking at the bottom when
     * classified, {@code footerLeft}, and "Seite x von y".
     */
    void finish(String footerLeft) throws IOException {
        if (content == null) {
            newPage();
        }
        content.close();
        content = null;
        int total = pages.size();
        Style foot = new Style(fonts.regular, 7.5f, 10f, Colour.GREY);
        Style mark = new Style(fonts.bold, 11f, 14f, Colour.MARKING);
        String left = fit(fonts.printable(footerLeft), foot, WIDTH - 90f);
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(
                    document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footer;
                content.setStrokingColor(0.6f, 0.6f, 0.6f);
                content.setLineWidth(0.5f);
                content.moveTo(MARGIN, MARGIN);
                content.lineTo(MARGIN + WIDTH, MARGIN);
                content.stroke();
                show(left, foot, MARGIN, MARGIN - 11f);
                String pageOf = "Seite " + (i + 1) + " von " + total;
                show(pageOf, foot, MARGIN + WIDTH - fonts.width(foot.font(), foot.size(), pageOf), MARGIN - 11f);
                if (!marking.isEmpty()) {
                    centred(marking, mark, 22f);
                }
            } finally {
                content = null;
            }
        }
    }

    int pageCount() {
        return pages.size();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
