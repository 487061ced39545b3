package org.vermerk.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;
import org.vermerk.ui.testing.FakeChatService;
import org.vermerk.ui.testing.RecordingDialogs;
import org.vermerk.ui.testing.SameThreadExecutor;

/** Paging in a bounded window, sending and read marking, without the toolkit. */
class ChatViewModelTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    private final FakeChatService service = new FakeChatService(ANNA);
    private final List<String> readReported = new ArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    private ChatViewModel open(Conversation c) {
        ChatViewModel model = new ChatViewModel(
                c, "Ben", service, new SameThreadExecutor(), ZoneOffset.UTC, dialogs, readReported::add);
        model.open();
        return model;
    }

    private static String firstMessageId(ChatViewModel model) {
        return model.rows().stream()
                .filter(r -> r instanceof ChatRow.MessageRow)
                .findFirst()
                .orElseThrow()
                .key();
    }

    @Test
    void aLongConversationIsReadAPageAtATimeAndTheWindowStaysBounded() {
        Conversation c = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            service.receive("c1", i % 2 == 0 ? BEN : ANNA, start.plusSeconds(600L * i), "Nachricht " + i);
        }
        ChatViewModel model = open(c);
        assertThat(model.loadedCount()).isEqualTo(ChatViewModel.PAGE);
        assertThat(model.atNewest()).isTrue();

        for (int i = 0; i < 30; i++) {
            model.loadOlder();
        }
        assertThat(model.loadedCount()).isEqualTo(ChatViewModel.MAX_LOADED);
        assertThat(model.atNewest()).as("the newest were dropped").isFalse();
        assertThat(firstMessageId(model)).isEqualTo("m" + (5_000 - 30 * ChatViewModel.PAGE - ChatViewModel.PAGE + 1));
        assertThat(model.rows().stream().filter(r -> r instanceof ChatRow.Day))
                .as("a separator per day: 144 messages a day")
                .hasSizeBetween(6, 9);

        Message arriving = service.receive("c1", BEN, start.plusSeconds(600L * 5_000), "neu");
        model.onMessage(arriving);
        assertThat(model.rows())
                .as("not in the window; read with its page")
                .noneMatch(r -> r.key().equals(arriving.id()));

        for (int i = 0; i < 40; i++) {
            model.loadNewer();
        }
        assertThat(model.atNewest()).isTrue();
        assertThat(model.loadedCount()).isLessThanOrEqualTo(ChatViewModel.MAX_LOADED);
        assertThat(model.rows().getLast().key()).isEqualTo(arriving.id());
        assertThat(model.olderAvailableProperty().get()).isTrue();

        for (int i = 0; i < 30; i++) {
            model.loadOlder();
        }
        assertThat(model.atNewest()).isFalse();
        model.onMessage(service.sendText("c1", "Antwort von weit oben"));
        assertThat(model.atNewest()).as("writing brings the newest back").isTrue();
        assertThat(model.loadedCount()).isEqualTo(ChatViewModel.PAGE);
        assertThat(((ChatRow.MessageRow) model.rows().getLast()).text()).isEqualTo("Antwort von weit oben");
    }

    /** Holds submitted work until the test releases it, as a slow store would. */
    private static final class HeldExecutor implements org.vermerk.ui.core.TaskExecutor {
        private final java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();

        @Override
        public <T> Cancellable submit(
                Work<T> work,
                java.util.function.Consumer<? super T> onSuccess,
                java.util.function.Consumer<? super Throwable> onFailure) {
            held.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            return () -> {};
        }

        void releaseOne() {
            held.remove().run();
        }

        int pending() {
            return held.size();
        }

        @Override
        public void runOnUiThread(Runnable action) {
            action.run();
        }

        @Override
        public Cancellable schedule(java.time.Duration delay, Runnable action) {
            return () -> {};
        }

        @Override
        public void shutdown() {}
    }

    @Test
    void scrollingToTheTopWhileAPageIsReadReadsTheNextPageWhenThatOneIsDone() {
        Conversation c = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        for (int i = 0; i < 1_000; i++) {
            service.receive("c1", BEN, start.plusSeconds(60L * i), "Nachricht " + i);
        }
        HeldExecutor executor = new HeldExecutor();
        ChatViewModel model =
                new ChatViewModel(c, "Ben", service, executor, ZoneOffset.UTC, dialogs, readReported::add);
        model.open();
        executor.releaseOne();
        while (executor.pending() > 0) {
            executor.releaseOne(); // the read marker
        }
        model.loadOlder();
        model.loadOlder(); // the view reached the top again before the first page arrived
        assertThat(executor.pending()).as("one read at a time").isEqualTo(1);
        executor.releaseOne();
        assertThat(model.loadedCount()).isEqualTo(2 * ChatViewModel.PAGE);
        assertThat(executor.pending())
                .as("the page asked for meanwhile is read now")
                .isEqualTo(1);
        executor.releaseOne();
        assertThat(model.loadedCount()).isEqualTo(3 * ChatViewModel.PAGE);
        assertThat(executor.pending()).as("and nothing more unless asked").isZero();
    }

    @Test
    void sendingClearsTheDraftAndTheOwnMessageAppearsPendingWhileBlankDraftsAreNotSent() {
        Conversation c = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        ChatViewModel model = open(c);
        service.listening(new org.vermerk.app.conversation.ConversationListener() {
            @Override
            public void onMessage(Message message) {
                model.onMessage(message);
            }
        });
        model.draftProperty().set("   ");
        model.send();
        assertThat(service.queued).isZero();
        model.draftProperty().set("Zeile eins\nZeile zwei");
        model.send();
        assertThat(model.draftProperty().get()).isEmpty();
        ChatRow.MessageRow row = (ChatRow.MessageRow) model.rows().getLast();
        assertThat(row.text()).isEqualTo("Zeile eins\nZeile zwei");
        assertThat(row.own()).isTrue();
        assertThat(row.state()).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void openingMarksTheUnreadTextsReadWithOneReceipt() {
        Conversation c = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        service.receive("c1", BEN, Instant.parse("2026-11-27T08:00:00Z"), "alt");
        service.markRead("c1", List.of(), "m1");
        service.receipts.clear();
        service.receive("c1", ANNA, Instant.parse("2026-11-27T08:01:00Z"), "eigene");
        service.receive("c1", BEN, Instant.parse("2026-11-27T08:02:00Z"), "neu eins");
        service.receive("c1", BEN, Instant.parse("2026-11-27T08:03:00Z"), "neu zwei");
        open(c);
        assertThat(service.receipts).singleElement().satisfies(r -> {
            assertThat(r.messageIds()).containsExactly("m3", "m4");
            assertThat(r.lastShownId()).isEqualTo("m4");
        });
        assertThat(readReported).containsExactly("c1");
        assertThat(service.unreadCount("c1")).isZero();
        open(c);
        assertThat(service.receipts).as("nothing unread: no second receipt").hasSize(1);
    }
}
