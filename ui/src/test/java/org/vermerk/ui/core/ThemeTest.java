package org.vermerk.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which system preferences turn high contrast on (the values JavaFX reports on Windows and GTK). */
class ThemeTest {
    @Test
    void windowsHighContrastSwitch() {
        assertThat(Theme.highContrastIn(Map.of("Windows.SPI.HighContrast", true)))
                .isTrue();
        assertThat(Theme.highContrastIn(Map.of("Windows.SPI.HighContrast", false)))
                .isFalse();
    }

    @Test
    void gtkHighContrastThemesByName() {
        assertThat(Theme.highContrastIn(Map.of("GTK.theme_name", "HighContrast")))
                .isTrue();
        assertThat(Theme.highContrastIn(Map.of("GTK.theme_name", "HighContrastInverse")))
                .isTrue();
        assertThat(Theme.highContrastIn(Map.of("GTK.theme_name", "Adwaita-high-contrast")))
                .isTrue();
        assertThat(Theme.highContrastIn(Map.of("GTK.theme_name", "Adwaita"))).isFalse();
    }

    @Test
    void nothingReportedMeansNormalContrast() {
        assertThat(Theme.highContrastIn(Map.of())).isFalse();
    }
}
