package org.vermerk.app.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save's partial file left by a crash in the user's folder is removed at the next save there;
 * what is not clearly such a leftover — a part being written, a recent one, another program's file,
 * a link or a directory — stays.
 */
class SavePartsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");

    @TempDir
    Path folder;

    private Path file(String name, Duration age) throws Exception {
        Path file = Files.writeString(folder.resolve(name), "teil");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    @Test
    void aPartLeftByACrashGoesAndEverythingElseStays() throws Exception {
        Path leftover = file(".vermerk-123456.part", Duration.ofHours(3));
        Path recent = file(".vermerk-654321.part", Duration.ofMinutes(2));
        Path otherProgram = file("Entwurf.pdf.part", Duration.ofDays(2));
        Path userFile = file("Vermerk.pdf", Duration.ofDays(2));
        Path directory = Files.createDirectory(folder.resolve(".vermerk-dir.part"));
        Path link = Files.createSymbolicLink(folder.resolve(".vermerk-link.part"), userFile);
        Files.setLastModifiedTime(directory, FileTime.from(NOW.minus(Duration.ofDays(2))));

        SaveParts parts = new SaveParts();
        assertThat(parts.removeStale(folder, NOW)).isEqualTo(1);

        assertThat(leftover).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherProgram).exists();
        assertThat(userFile).exists();
        assertThat(directory).exists();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aPartThisProcessIsWritingStaysHoweverOldItLooks() throws Exception {
        SaveParts parts = new SaveParts();
        Path writing = parts.create(folder.resolve("Vermerk.pdf"));
        assertThat(writing.getFileName().toString())
                .startsWith(SaveParts.PREFIX)
                .endsWith(SaveParts.SUFFIX);
        Files.setLastModifiedTime(writing, FileTime.from(NOW.minus(Duration.ofHours(1))));

        assertThat(parts.removeStale(folder, NOW)).isZero();
        assertThat(writing).exists();

        parts.done(writing);
        assertThat(parts.removeStale(folder, NOW)).isEqualTo(1);
        assertThat(writing).doesNotExist();
    }

    @Test
    void anUnreadableFolderIsNoError() {
        assertThat(new SaveParts().removeStale(folder.resolve("fehlt"), NOW)).isZero();
    }
}
