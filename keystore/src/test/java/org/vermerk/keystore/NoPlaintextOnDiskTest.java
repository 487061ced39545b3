package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No plaintext on disk: canaries written as message text, contact name and conversation title (and
 * searched, edited and backed up, so the index, the WAL and the backup see them) occur in no file
 * the store or the driver wrote: database, WAL, journal, key file, lock file, backup, and the
 * driver's native-library directory (its temp directory). Checked in UTF-8 and UTF-16 both.
 */
class NoPlaintextOnDiskTest {
    private static final List<String> CANARIES =
            List.of("KANARIENVOGEL-NACHRICHT", "Kanarienvogel Kontaktname", "KANARIENVOGEL-TITEL", "KanarienEdit");

    @TempDir
    Path dir;

    @Test
    void canariesAppearInNoFileTheStoreWrote() throws Exception {
        Path storeDir = dir.resolve("store");
        KeystoreOptions options = TestStores.options().withNativeLibraryDirectory(dir.resolve("native"));
        try (Keystore store = Keystore.create(storeDir, TestStores.passphrase(), options)) {
            store.apply(Transition.forConversation("c1")
                    .createConversation(TestStores.conversation("c1", CANARIES.get(2)))
                    .groupState(0, 0, 1, TestStores.state("state"))
                    .addMessage(TestStores.message("c1", "m1", 1, CANARIES.get(0)))
                    .build());
            store.conversations()
                    .saveContact(new Contact(
                            "bernd@bmi.example", CANARIES.get(1), Contact.Trust.VERIFIED, null, Instant.EPOCH));
            store.apply(Transition.forConversation("c1")
                    .editMessage("m1", "{\"text\":\"" + CANARIES.get(3) + "\"}", CANARIES.get(3), Instant.EPOCH)
                    .build());
            assertThat(store.messages().search("kanarienedit", null, 5)).hasSize(1);
            store.backup(storeDir.resolve("backup.vmbak"));
            // look while the store is open too: the WAL holds the latest pages now
            assertNoCanaries(dir);
        }
        assertNoCanaries(dir);
    }

    private static void assertNoCanaries(Path root) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (String canary : CANARIES) {
                for (var charset :
                        List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    assertThat(indexOf(content, canary.getBytes(charset)))
                            .as("%s in %s", canary, root.relativize(file))
                            .isEqualTo(-1);
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
