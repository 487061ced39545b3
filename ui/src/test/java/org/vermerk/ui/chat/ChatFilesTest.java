package org.vermerk.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.attachment.AttachmentGoneException;
import org.vermerk.app.attachment.AttachmentState;
import org.vermerk.app.attachment.AttachmentTooLargeException;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.ui.testing.FakeChatService;
import org.vermerk.ui.testing.SameThreadExecutor;

/** Files in the chat's ViewModel, without the toolkit: attach, rows, progress, open, save, errors, auto-download. */
class ChatFilesTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    @TempDir
    Path dir;

    private final FakeChatService service = new FakeChatService(ANNA);
    private final FakeFiles files = new FakeFiles();
    private final Conversation conversation;
    private final ChatViewModel model;

    ChatFilesTest() {
        service.files = files;
        conversation = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        model = new ChatViewModel(
                conversation,
                "Ben",
                service,
                new SameThreadExecutor(),
                ZoneOffset.UTC,
                new org.vermerk.ui.testing.RecordingDialogs(),
                id -> {});
        service.listening(new org.vermerk.app.conversation.ConversationListener() {
            @Override
            public void onMessage(Message message) {
                model.onMessage(message);
            }
        });
        model.open();
    }

    /** An in-memory ChatFiles: messages with a real file payload, states by message ID. */
    final class FakeFiles implements ChatFiles {
        final Map<String, AttachmentState.State> states = new HashMap<>();
        final Map<String, Exception> failures = new HashMap<>();
        final List<String> autoDownloads = new ArrayList<>();
        final List<Path> saved = new ArrayList<>();
        long limit = 1000;
        Listener listener;
        int next;

        Message add(String sender, String name, long size, AttachmentState.State state) {
            String id = "f" + (++next);
            Instant at = Instant.parse("2026-11-27T09:00:00Z").plusSeconds(next);
            Payload.File file = new Payload.File(
                    id,
                    at,
                    name,
                    "application/pdf",
                    size,
                    Bytes.of(new byte[32]),
                    Secret.of(new byte[32]),
                    "b",
                    Optional.empty());
            states.put(id, state);
            return service.store(Message.of(
                    id,
                    "c1",
                    null,
                    sender,
                    "dev",
                    at,
                    at,
                    file.json(),
                    file.searchText().orElseThrow(),
                    sender.equals(ANNA) ? DeliveryState.PENDING : DeliveryState.RECEIVED));
        }

        @Override
        public Message send(String conversationId, Path file) throws Exception {
            long size = Files.size(file);
            if (size > limit) {
                throw new AttachmentTooLargeException(size, limit);
            }
            return add(ANNA, file.getFileName().toString(), size, AttachmentState.State.UPLOADING);
        }

        @Override
        public Optional<AttachmentState> state(String messageId) {
            AttachmentState.State s = states.get(messageId);
            return s == null ? Optional.empty() : Optional.of(new AttachmentState(messageId, "x", "y", 1, s));
        }

        @Override
        public void save(String messageId, Path target) throws Exception {
            if (failures.containsKey(messageId)) {
                throw failures.get(messageId);
            }
            states.put(messageId, AttachmentState.State.ON_DEVICE);
            saved.add(target);
        }

        @Override
        public Path open(String messageId) throws Exception {
            if (failures.containsKey(messageId)) {
                throw failures.get(messageId);
            }
            states.put(messageId, AttachmentState.State.ON_DEVICE);
            return dir.resolve("open").resolve(messageId);
        }

        @Override
        public void downloadIfSmall(String messageId) {
            autoDownloads.add(messageId);
        }

        @Override
        public void listen(Listener listener) {
            this.listener = listener;
        }

        @Override
        public long maxFileBytes() {
            return limit;
        }
    }

    private ChatRow.MessageRow row(String id) {
        return model.rows().stream()
                .filter(r -> r.key().equals(id))
                .map(ChatRow.MessageRow.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void attachedFilesBecomeFileRowsWithNameSizeAndProgressUntilUploaded() throws Exception {
        Path a = Files.write(dir.resolve("Vermerk.pdf"), new byte[300]);
        Path b = Files.write(dir.resolve("Anlage.pdf"), new byte[20]);
        model.draftProperty().set("halb geschrieben");

        model.attach(List.of(a, b));

        assertThat(model.draftProperty().get()).as("the draft stays").isEqualTo("halb geschrieben");
        List<ChatRow.MessageRow> fileRows = model.rows().stream()
                .filter(r -> r instanceof ChatRow.MessageRow m && m.kind() == ChatRow.Kind.FILE)
                .map(ChatRow.MessageRow.class::cast)
                .toList();
        assertThat(fileRows).hasSize(2);
        FileItem first = model.file(fileRows.getFirst().id());
        assertThat(first.fileName()).isEqualTo("Vermerk.pdf");
        assertThat(first.size()).isEqualTo(300);
        assertThat(first.state().get()).isEqualTo(AttachmentState.State.UPLOADING);

        files.listener.progress("c1", first.messageId(), 150, 300);
        assertThat(first.progress().get()).isEqualTo(0.5);
        files.listener.progress("other", first.messageId(), 300, 300);
        assertThat(first.progress().get()).as("another conversation's event").isEqualTo(0.5);

        files.states.put(first.messageId(), AttachmentState.State.ON_DEVICE);
        files.listener.changed("c1", first.messageId());
        assertThat(first.state().get()).isEqualTo(AttachmentState.State.ON_DEVICE);
        assertThat(first.progress().get()).as("done: no bar").isEqualTo(-1);
        assertThat(files.autoDownloads).as("own files are on the device").isEmpty();
    }

    @Test
    void aFileOverTheLimitSaysSoAndTheOthersGoOn() throws Exception {
        Path big = Files.write(dir.resolve("Scan.pdf"), new byte[5000]);
        Path small = Files.write(dir.resolve("ok.pdf"), new byte[10]);

        model.attach(List.of(big, small));

        assertThat(model.errorProperty().get().key()).isEqualTo("chat.file.error.tooLarge");
        assertThat(model.rows())
                .filteredOn(r -> r instanceof ChatRow.MessageRow)
                .hasSize(1);
    }

    @Test
    void aSmallReceivedFileDownloadsByItselfAndOpenAndSaveWork() {
        Message received = files.add(BEN, "Protokoll.pdf", 800, AttachmentState.State.ON_SERVER);
        assertThat(row(received.id()).kind()).isEqualTo(ChatRow.Kind.FILE);
        assertThat(files.autoDownloads).containsExactly(received.id());

        List<Path> opened = new ArrayList<>();
        model.openFile(received.id(), opened::add);
        assertThat(opened).containsExactly(dir.resolve("open").resolve(received.id()));
        model.saveFile(received.id(), dir.resolve("p.pdf"));
        assertThat(files.saved).containsExactly(dir.resolve("p.pdf"));
        assertThat(model.file(received.id()).state().get()).isEqualTo(AttachmentState.State.ON_DEVICE);
    }

    @Test
    void aFileGoneFromTheServerShowsWhyOnItsRow() {
        Message received = files.add(BEN, "alt.pdf", 800, AttachmentState.State.ON_SERVER);
        files.failures.put(received.id(), new AttachmentGoneException(received.id()));
        List<Path> opened = new ArrayList<>();

        model.openFile(received.id(), opened::add);

        assertThat(opened).isEmpty();
        assertThat(model.file(received.id()).error().get().key()).isEqualTo("chat.file.error.gone");
        assertThat(model.errorProperty().get())
                .as("the row says it, not the chat")
                .isNull();
    }

    @Test
    void withoutFilesTheChatOffersNone() {
        FakeChatService plain = new FakeChatService(ANNA);
        Conversation c = plain.addConversation("c2", Conversation.Kind.DIRECT, "", null, BEN);
        ChatViewModel withoutFiles = new ChatViewModel(
                c,
                "Ben",
                plain,
                new SameThreadExecutor(),
                ZoneOffset.UTC,
                new org.vermerk.ui.testing.RecordingDialogs(),
                id -> {});
        assertThat(withoutFiles.filesAvailable()).isFalse();
        withoutFiles.attach(List.of(dir.resolve("x")));
        assertThat(withoutFiles.rows()).isEmpty();
        assertThat(model.filesAvailable()).isTrue();
    }
}
