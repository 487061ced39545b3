package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;

/**
 * A full disk while messages arrive ("a full disk gets a clear error and loses nothing"): Ben's
 * store lives on a small tmpfs that a filler file fills up while Anna writes. Ben's engine cannot
 * store what arrives; it must neither skip those messages nor let later ones overtake them, and
 * once there is space again everything arrives — without a restart or a reconnect — once and in
 * order. Needs {@code mount} (Linux, root); skipped where it is not allowed.
 */
class FullDiskReceiveTest {
    @TempDir
    Path dir;

    private Path mountPoint;
    private LoopbackServer server;
    private final List<EngineClient> clients = new ArrayList<>();

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mountPoint = dir.resolve("small-disk");
        Files.createDirectories(mountPoint);
        boolean mounted;
        try {
            mounted = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString());
        } catch (IOException e) {
            mounted = false;
        }
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here");
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        clients.reversed().forEach(EngineClient::close);
        if (server != null) {
            server.close();
        }
        if (mountPoint != null) {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void messagesArrivingWhileTheDiskIsFullAreKeptAndArriveOnceInOrderWhenThereIsSpaceAgain() throws Exception {
        EngineClient anna = EngineClient.enrol(server, dir.resolve("anna"), "anna@bmi.example");
        clients.add(anna);
        EngineClient ben = EngineClient.enrol(server, mountPoint.resolve("ben"), "ben@bmi.example");
        clients.add(ben);
        String id = anna.engine().direct(ben.userId);
        anna.engine().sendText(id, "vorher");
        ben.awaitTexts(id, 1);

        Path filler = mountPoint.resolve("filler");
        fill(filler);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = "während " + i + " " + "Inhalt ".repeat(1200);
            anna.engine().sendText(id, text);
            sent.add(text);
        }
        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        // Ben has had the deliveries for a while and could not store (all of) them.
        Thread.sleep(3_000);
        assertThat(ben.texts(id)).as("the full disk held messages back").hasSizeLessThan(21);

        Files.delete(filler);
        ben.awaitTexts(id, 21);
        ben.engine().awaitIdle(Duration.ofMillis(500), EngineClient.WAIT);
        List<String> expected = new ArrayList<>(List.of("vorher"));
        expected.addAll(sent);
        assertThat(ben.texts(id)).containsExactlyElementsOf(expected);
    }

    /** Fills the file system of {@code filler} until it refuses another byte. */
    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full: that is the point
        }
        byte[] one = new byte[512];
        try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(one);
                out.flush();
            }
        } catch (IOException full) {
            // really full now
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
