package org.vermerk.app.records.xdomea;

import java.util.Locale;
import java.util.Map;

/**
 * Codes from xdomea's code list Dateiformat 1.0 (urn:xoev-de:xdomea:codeliste:dateiformat), chosen
 * by file extension. Unknown extensions get 100 (Sonstiges) with the extension as SonstigerName.
 */
final class DateiformatCodes {
    static final String LIST_VERSION = "1.0";
    static final String PDF_ARCHIVAL = "044";
    static final String OTHER = "100";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("bmp", "001"),
            Map.entry("csv", "002"),
            Map.entry("doc", "003"),
            Map.entry("eml", "006"),
            Map.entry("htm", "007"),
            Map.entry("html", "008"),
            Map.entry("jpeg", "010"),
            Map.entry("jpg", "011"),
            Map.entry("msg", "012"),
            Map.entry("odp", "013"),
            Map.entry("ods", "014"),
            Map.entry("odt", "015"),
            Map.entry("pdf", "018"),
            Map.entry("png", "019"),
            Map.entry("ppt", "020"),
            Map.entry("rtf", "022"),
            Map.entry("tif", "023"),
            Map.entry("tiff", "024"),
            Map.entry("xls", "028"),
            Map.entry("xml", "030"),
            Map.entry("docx", "035"),
            Map.entry("xlsx", "036"),
            Map.entry("pptx", "037"),
            Map.entry("txt", "045"));

    private DateiformatCodes() {}

    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1
                ? ""
                : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The code for a file name's extension, or {@value #OTHER}. */
    static String codeFor(String fileName) {
        return BY_EXTENSION.getOrDefault(extensionOf(fileName), OTHER);
    }
}
