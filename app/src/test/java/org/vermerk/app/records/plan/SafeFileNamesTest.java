package org.vermerk.app.records.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names chosen by a sender become safe ZIP entry and file names; German names stay readable. */
class SafeFileNamesTest {
    @Test
    void germanNamesBecomeReadableAscii() {
        assertThat(SafeFileNames.sanitize("Stellungnahme Größenänderung (Entwurf) §3.docx"))
                .isEqualTo("Stellungnahme Groessenaenderung (Entwurf) _3.docx");
        assertThat(SafeFileNames.sanitize("Übersicht Café Łódź 東京.pdf")).isEqualTo("Uebersicht Cafe _odz __.pdf");
    }

    @Test
    void directoriesAreDropped() {
        assertThat(SafeFileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileNames.sanitize("C:\\Users\\anna\\Bericht.pdf")).isEqualTo("Bericht.pdf");
    }

    @Test
    void reservedAndControlCharactersBecomeUnderscores() {
        assertThat(SafeFileNames.sanitize("a<b>c:d\"e|f?g*h\u0007.txt")).isEqualTo("a_b_c_d_e_f_g_h_.txt");
        assertThat(SafeFileNames.sanitize("report\u202Efdp.exe")).isEqualTo("report_fdp.exe");
    }

    @Test
    void hiddenEmptyAndTrailingDotNamesGetAName() {
        assertThat(SafeFileNames.sanitize(".bashrc")).isEqualTo("bashrc");
        assertThat(SafeFileNames.sanitize("...")).isEqualTo("Anhang");
        assertThat(SafeFileNames.sanitize("")).isEqualTo("Anhang");
        assertThat(SafeFileNames.sanitize("name. . ")).isEqualTo("name");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = SafeFileNames.sanitize("x".repeat(300) + ".pdf");
        assertThat(name).hasSize(SafeFileNames.MAX_LENGTH).endsWith(".pdf");
    }
}
