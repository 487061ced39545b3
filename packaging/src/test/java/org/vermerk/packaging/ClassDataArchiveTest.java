package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed client's archive location is made ready at the start (ADR 0027). */
class ClassDataArchiveTest {
    private static final byte[] AN_ARCHIVE = {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0, 1, 2, 3};

    @TempDir
    Path dir;

    @Test
    void makesTheMissingDirectoryTheJvmWritesTheArchiveInto() {
        Path archive = dir.resolve("home/.cache/vermerk/installed-client-0.1.0-42.jsa");

        ClassDataArchive.prepare(archive.toString());

        assertThat(archive.getParent()).isDirectory();
        assertThat(archive).doesNotExist();
    }

    @Test
    void keepsItsOwnArchiveAndRemovesThoseOfOtherBuilds() throws Exception {
        Path own = dir.resolve("installed-client-0.1.0-42.jsa");
        Path older = dir.resolve("installed-client-0.0.9-7.jsa");
        Path unrelated = dir.resolve("notes.txt");
        Files.write(own, AN_ARCHIVE);
        Files.write(older, AN_ARCHIVE);
        Files.writeString(unrelated, "not ours");

        ClassDataArchive.prepare(own.toString());

        assertThat(own).exists();
        assertThat(older).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void leavesTheCheckoutLaunchersArchivesAlone() throws Exception {
        Path own = dir.resolve("installed-client-0.1.0-42.jsa");
        Path checkouts = dir.resolve("client-1234-5678.jsa");
        Files.write(checkouts, AN_ARCHIVE);

        ClassDataArchive.prepare(own.toString());

        assertThat(checkouts).exists();
    }

    @Test
    void makesItsDirectoryForTheUserAloneAndRemovesALinkInTheArchivesPlace() throws Exception {
        Path archive = dir.resolve("cache/vermerk/installed-client-0.1.0-42.jsa");
        ClassDataArchive.prepare(archive.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive.getParent())))
                .isEqualTo("rwx------");

        Path elsewhere = dir.resolve("elsewhere.bin");
        Files.createSymbolicLink(archive, elsewhere);
        ClassDataArchive.prepare(archive.toString());

        assertThat(archive).doesNotExist();
        assertThat(Files.isSymbolicLink(archive)).isFalse();
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void removesAFileThatIsNoArchiveSoThatTheJvmWritesOneAgain() throws Exception {
        Path own = dir.resolve("installed-client-0.1.0-42.jsa");
        Files.writeString(own, "broken");

        ClassDataArchive.prepare(own.toString());

        assertThat(own).doesNotExist();
    }

    @Test
    void anUnexpandedHomeOrAnUnusablePlaceChangesNothingAndThrowsNothing() throws Exception {
        ClassDataArchive.prepare("$HOME/.cache/vermerk/client-1-2.jsa");
        ClassDataArchive.prepare(null);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        ClassDataArchive.prepare(file.resolve("client-1-2.jsa").toString());

        assertThat(Path.of("$HOME")).doesNotExist();
        assertThat(file).hasContent("x");
    }
}
