package org.vermerk.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The driver URL is built from a checked path only: the driver's URL syntax cannot be injected. */
class EncryptedSqliteTest {
    @Test
    void pathsThatTheDriverWouldInterpretAreRefused() {
        assertThatThrownBy(() -> EncryptedSqlite.url(Path.of("/tmp/a?key=x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EncryptedSqlite.url(Path.of("/tmp/store/vermerk.db")))
                .isEqualTo("jdbc:sqlite:/tmp/store/vermerk.db");
    }
}
