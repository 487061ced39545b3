package org.vermerk.ui.firststart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vermerk.ui.firststart.PassphraseStrength.Level;

class PassphraseStrengthTest {
    @Test
    void belowThePolicyMinimumIsTooShortWhateverTheCharacters() {
        assertThat(PassphraseStrength.rate("Xy7#qP!z", 12).level()).isEqualTo(Level.TOO_SHORT);
        assertThat(PassphraseStrength.rate("", 12).level()).isEqualTo(Level.EMPTY);
    }

    @Test
    void repetitionAndRunsCountLittle() {
        assertThat(PassphraseStrength.rate("aaaaaaaaaaaa", 12).level()).isEqualTo(Level.WEAK);
        assertThat(PassphraseStrength.rate("abcdefghijkl", 12).level()).isEqualTo(Level.WEAK);
        assertThat(PassphraseStrength.rate("123456789012", 12).level()).isEqualTo(Level.WEAK);
    }

    @Test
    void aSentenceOfWordsIsVeryStrongAndLongerIsNeverWeaker() {
        assertThat(PassphraseStrength.rate("correct horse battery staple", 12).level())
                .isEqualTo(Level.VERY_STRONG);
        double shorter = PassphraseStrength.rate("Akte Mai fertig", 12).bits();
        double longer = PassphraseStrength.rate("Akte Mai fertig heute", 12).bits();
        assertThat(longer).isGreaterThan(shorter);
        assertThat(PassphraseStrength.rate("correct horse battery staple", 12).fill())
                .isEqualTo(1.0);
    }
}
