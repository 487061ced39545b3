package org.vermerk.app.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.app.testing.EngineClient.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.conversation.Payload;
import org.vermerk.app.records.AccountRecords;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.Official;
import org.vermerk.app.records.RecordsService;
import org.vermerk.app.records.plan.SafeFileNames;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;
import org.vermerk.server.ServerConfig;

/**
 * Attachments end to end (ADR 0021): the real server on loopback, two real clients with their own
 * encrypted stores; files encrypted, uploaded over HTTPS, sent through the outbox, downloaded and
 * checked.
 */
class AttachmentsTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<long[]> progress = new CopyOnWriteArrayList<>();
    private EngineClient anna;
    private EngineClient ben;
    private Attachments annaFiles;
    private Attachments benFiles;
    private String conversation;

    @BeforeEach
    void start() throws Exception {
        startWith(1024 * 1024);
    }

    private void startWith(long maxBlobBytes) throws Exception {
        server = new LoopbackServer(dir.resolve("server"), c -> limit(LoopbackServer.generousLimits(c), maxBlobBytes));
        anna = EngineClient.enrol(server, dir.resolve("anna"), "anna@bmi.example");
        ben = EngineClient.enrol(server, dir.resolve("ben"), "ben@bmi.example");
        open.add(anna);
        open.add(ben);
        annaFiles = attachments(anna);
        benFiles = attachments(ben);
        conversation = anna.engine().direct(ben.userId);
        anna.engine().sendText(conversation, "hallo");
        ben.awaitTexts(conversation, 1);
    }

    private static ServerConfig limit(ServerConfig config, long maxBlobBytes) {
        ServerConfig.Limits l = config.limits();
        return config.withLimits(new ServerConfig.Limits(
                l.maxFrameBytes(),
                l.messagesPerSecond(),
                l.burst(),
                l.connectionsPerDevice(),
                l.authTimeout(),
                l.idleTimeout(),
                maxBlobBytes));
    }

    private Attachments attachments(EngineClient client) throws Exception {
        Attachments a = Attachments.start(client.account(), client.engine(), new Attachments.Listener() {
            @Override
            public void onProgress(String conversationId, String messageId, long done, long total) {
                progress.add(new long[] {done, total});
            }

            @Override
            public void onUploadFailed(String conversationId, String messageId, AttachmentException reason) {
                failures.add(messageId + ":" + reason.getClass().getSimpleName());
            }
        });
        open.add(a);
        return a;
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    /** The server's blob directory (its DataDirectory's {@code attachments/}). */
    private Path blobs() {
        return dir.resolve("server").resolve("attachments");
    }

    private Path file(String name, int size, long seed) throws Exception {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        Path file = dir.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private Message receivedFile(EngineClient client, String messageId) throws InterruptedException {
        await(
                () -> client.received.stream().anyMatch(m -> m.id().equals(messageId)),
                client.userId + " receives " + messageId);
        return client.received.stream()
                .filter(m -> m.id().equals(messageId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFileTravelsEncryptedAndArrivesWhole() throws Exception {
        Path original = file("Vermerk Entwurf.pdf", 300 * 1024 + 17, 1);

        Message held = annaFiles.send(conversation, original, "Bitte bis Freitag prüfen");

        assertThat(held.deliveryState()).isEqualTo(DeliveryState.PENDING);
        Message arrived = receivedFile(ben, held.id());
        Payload.File payload = (Payload.File) Payload.parse(arrived.content());
        assertThat(payload.fileName()).isEqualTo("Vermerk Entwurf.pdf");
        assertThat(payload.mediaType()).isEqualTo("application/pdf");
        assertThat(payload.size()).isEqualTo(Files.size(original));
        assertThat(payload.text()).contains("Bitte bis Freitag prüfen");
        assertThat(payload.uploaded()).isTrue();
        assertThat(benFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_SERVER);
        assertThat(annaFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_DEVICE);
        await(() -> anna.stored(held.id()).deliveryState() != DeliveryState.PENDING, "anna's message is sent");

        Path saved = dir.resolve("saved.pdf");
        // a part an earlier save left when the client was killed before moving it into place
        Path leftover = Files.writeString(dir.resolve(".vermerk-4711.part"), "halb");
        Files.setLastModifiedTime(
                leftover,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
        benFiles.save(held.id(), saved);
        assertThat(leftover).doesNotExist();
        try (var parts = Files.list(dir)) {
            assertThat(parts.filter(p -> p.getFileName().toString().endsWith(".part")))
                    .isEmpty();
        }

        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(original));
        assertThat(benFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_DEVICE);
        assertThat(progress).anySatisfy(p -> assertThat(p[0]).isEqualTo(p[1]).isPositive());
        // only ciphertext in either cache and on the server
        byte[] sample = Arrays.copyOfRange(Files.readAllBytes(original), 1000, 1064);
        for (Path root : List.of(anna.home, ben.home, dir.resolve("server"))) {
            try (var files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(indexOf(Files.readAllBytes(f), sample))
                            .as(f.toString())
                            .isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void openDecryptsIntoAnOwnerOnlyDirectoryThatClearEmpties() throws Exception {
        Path original = file("Liste März.csv", 5000, 2);
        Message held = annaFiles.send(conversation, original, null);
        receivedFile(ben, held.id());

        Path opened = benFiles.open(held.id());

        assertThat(opened.getFileName().toString()).isEqualTo(SafeFileNames.sanitize("Liste März.csv"));
        assertThat(opened.startsWith(ben.home.resolve("open"))).isTrue();
        assertThat(Files.readAllBytes(opened)).isEqualTo(Files.readAllBytes(original));
        if (opened.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(opened.getParent())))
                    .isEqualTo("rwx------");
        }
        benFiles.opened().clear();
        assertThat(Files.exists(opened)).isFalse();
    }

    @Test
    void aReplacedBlobIsRejectedByItsHashAndNothingIsKept() throws Exception {
        Message held = annaFiles.send(conversation, file("Haushalt.xlsx", 70_000, 3), null);
        Message arrived = receivedFile(ben, held.id());
        Payload.File payload = (Payload.File) Payload.parse(arrived.content());
        // someone holding the key (a member, not the server) swaps the blob for other content
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        byte[] other = new byte[70_000];
        new Random(99).nextBytes(other);
        BlobEncryption.encrypt(new java.io.ByteArrayInputStream(other), forged, payload.key());
        Files.write(blobs().resolve(payload.blob()), forged.toByteArray());

        Path target = dir.resolve("haushalt.xlsx");
        assertThatThrownBy(() -> benFiles.save(held.id(), target))
                .isInstanceOf(AttachmentHashMismatchException.class)
                .hasMessageNotContaining("Haushalt");
        assertThat(target).doesNotExist();
        assertThat(benFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_SERVER);
    }

    @Test
    void aChangedBlobDoesNotDecrypt() throws Exception {
        Message held = annaFiles.send(conversation, file("a.bin", 200_000, 4), null);
        Message arrived = receivedFile(ben, held.id());
        Path blob = blobs().resolve(((Payload.File) Payload.parse(arrived.content())).blob());
        byte[] bytes = Files.readAllBytes(blob);
        bytes[100_000] ^= 1;
        Files.write(blob, bytes);

        assertThatThrownBy(() -> benFiles.download(held.id())).isInstanceOf(AttachmentCorruptException.class);
        assertThat(benFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_SERVER);
    }

    @Test
    void aBlobDeletedAfterRetentionGivesAClearError() throws Exception {
        Message held = annaFiles.send(conversation, file("alt.txt", 1000, 5), null);
        Message arrived = receivedFile(ben, held.id());
        String blob = ((Payload.File) Payload.parse(arrived.content())).blob();
        Files.delete(blobs().resolve(blob));

        assertThatThrownBy(() -> benFiles.download(held.id()))
                .isInstanceOf(AttachmentGoneException.class)
                .hasMessageContaining("retention");
        // the sender still has its own copy
        Path saved = dir.resolve("alt.txt");
        annaFiles.save(held.id(), saved);
        assertThat(saved).exists();
    }

    @Test
    void overTheServersLimitTheFileFailsClearlyAndThenIsRefusedBeforeStoring() throws Exception {
        Path big = file("Scan.pdf", 1024 * 1024 + 1, 6);

        // the first time the client does not know the limit yet: the upload learns it and fails
        Message held = annaFiles.send(conversation, big, null);
        await(() -> anna.stored(held.id()).deliveryState() == DeliveryState.FAILED, "the message fails");
        await(() -> !failures.isEmpty(), "the failure is reported (after it is stored)");
        assertThat(failures).containsExactly(held.id() + ":AttachmentTooLargeException");
        assertThat(annaFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.FAILED);

        // from then on it is refused at once, and nothing is stored
        int before = anna.engine().messages(conversation, 100).size();
        assertThatThrownBy(() -> annaFiles.send(conversation, big, null))
                .isInstanceOfSatisfying(AttachmentTooLargeException.class, e -> {
                    assertThat(e.size()).isEqualTo(1024 * 1024 + 1);
                    assertThat(e.limit()).isLessThan(1024 * 1024).isGreaterThan(1024 * 1024 - 1024);
                });
        assertThat(anna.engine().messages(conversation, 100)).hasSize(before);
        // one just under the limit goes through
        Path fits = file("fits.bin", (int) annaFiles.maxFileBytes(), 7);
        Message ok = annaFiles.send(conversation, fits, null);
        receivedFile(ben, ok.id());
        benFiles.download(ok.id());
        assertThat(benFiles.state(ok.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_DEVICE);
        assertThat(ben.received).noneMatch(m -> m.id().equals(held.id()));
    }

    @Test
    void aFileSentWhileTheServerIsDownAndTheClientEndsIsUploadedAfterRestartOnce() throws Exception {
        Path original = file("Protokoll.odt", 150_000, 8);
        server.stop();

        Message held = annaFiles.send(conversation, original, "Protokoll");
        assertThat(annaFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.UPLOADING);
        // the process ends mid-upload
        annaFiles.close();
        anna.goOffline();

        server.startAgain();
        anna.comeBack();
        annaFiles = attachments(anna);

        Message arrived = receivedFile(ben, held.id());
        Path saved = dir.resolve("protokoll.odt");
        benFiles.save(arrived.id(), saved);
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(original));
        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        assertThat(annaFiles.state(held.id()).orElseThrow().state()).isEqualTo(AttachmentState.State.ON_DEVICE);
        // once: a further start has nothing left to upload, and ben got it one time
        annaFiles.close();
        annaFiles = attachments(anna);
        anna.engine().sendText(conversation, "danach");
        ben.awaitTexts(conversation, 3);
        assertThat(ben.received.stream().filter(m -> m.id().equals(held.id()))).hasSize(1);
    }

    @Test
    void aMarkedMessageWithAFileExportsTheFileFromTheEncryptedCache() throws Exception {
        Path original = file("Beschluss.pdf", 90_000, 9);
        Message held = annaFiles.send(conversation, original, "Beschluss anbei");
        receivedFile(ben, held.id());
        benFiles.download(held.id());

        RecordsService records = AccountRecords.service(
                ben.account(), Official.named(ben.userId, "Ben Berger"), TestAccounts.noPolicy());
        String markId = records.mark(MarkRequest.single(conversation, held.id(), "12-345/2026", "Beschluss", "", true))
                .mark()
                .id();
        Path zip = records.export(markId, Files.createDirectories(dir.resolve("export")));

        try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
            var entry = entries.stream()
                    .filter(e -> e.getName().endsWith("Beschluss.pdf"))
                    .findFirst()
                    .orElseThrow();
            assertThat(entries.getInputStream(entry).readAllBytes()).isEqualTo(Files.readAllBytes(original));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
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
