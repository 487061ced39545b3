package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A genuinely full disk: the store lives on a small tmpfs, a filler file takes the rest, and writes
 * hit ENOSPC in the real I/O path (WAL and database). The failing transition is rolled back whole;
 * opening while the disk is still full is a {@link StoreFullException}; once there is room again
 * the store opens with all committed data and passes the integrity check. Needs {@code mount} (Linux, root); skipped
 * elsewhere, where {@code KeystoreTest.fullStoreRollsBackTheTransactionAndStaysReadable} (SQLite's
 * {@code max_page_count}) covers the same contract. Cheap Argon2id: this test is not about the KDF.
 */
class FullDiskTest {
    @TempDir
    Path base;

    private Path mountPoint;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mountPoint = base.resolve("small-disk");
        Files.createDirectories(mountPoint);
        boolean mounted;
        try {
            mounted = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString());
        } catch (IOException e) {
            mounted = false;
        }
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void fullDiskFailsTheTransitionWholeAndTheStoreStaysReadable() throws Exception {
        Path dir = mountPoint.resolve("store");
        KeystoreOptions options = TestStores.options().withNativeLibraryDirectory(base.resolve("native"));
        Path filler = mountPoint.resolve("filler");
        long stored;
        try (Keystore store = Keystore.create(dir, TestStores.passphrase(), options)) {
            store.apply(Transition.forConversation("c1")
                    .createConversation(TestStores.conversation("c1", "Volle Platte"))
                    .addMessage(TestStores.message("c1", "m0", 0, "vorher"))
                    .build());
            fill(filler, 256 * 1024);
            StoreFullException full = null;
            for (int batch = 0; batch < 100 && full == null; batch++) {
                Transition.Builder t = Transition.forConversation("c1").syncCursor("group:c1", batch);
                for (int i = 0; i < 20; i++) {
                    long seq = 1 + batch * 20L + i;
                    t.addMessage(TestStores.message("c1", "m" + seq, seq, "Inhalt ".repeat(100) + seq));
                }
                try {
                    store.apply(t.build());
                } catch (StoreFullException e) {
                    full = e;
                }
            }
            assertThat(full).as("the disk filled up").isNotNull();
            stored = store.messages().count();
            assertThat(stored % 20).as("whole transitions only").isEqualTo(1);
            assertThat(store.sync().cursor("group:c1").orElse(-1)).isEqualTo((stored - 1) / 20 - 1);
        }
        // Still full: opening says so (the WAL left by the failed close needs its index); no file
        // is changed or "repaired".
        assertThatThrownBy(() -> Keystore.open(dir, TestStores.passphrase(), options))
                .isInstanceOf(StoreFullException.class);
        Files.delete(filler);
        try (Keystore store = Keystore.open(dir, TestStores.passphrase(), options)) {
            store.checkIntegrity();
            store.apply(Transition.forConversation("c1")
                    .addMessage(TestStores.message("c1", "after", 99_999, "wieder Platz"))
                    .build());
            assertThat(store.messages().count()).isEqualTo(stored + 1);
        }
        assertThatThrownBy(() -> Keystore.open(dir, TestStores.passphrase("falsch"), options))
                .isInstanceOf(WrongPassphraseException.class);
    }

    /** Fills the file system up to {@code leave} free bytes. */
    private static void fill(Path filler, long leave) throws IOException {
        long free = Files.getFileStore(filler.getParent()).getUsableSpace();
        byte[] chunk = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            for (long written = 0; written + chunk.length <= free - leave; written += chunk.length) {
                out.write(chunk);
            }
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
