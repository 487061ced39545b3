package org.vermerk.ui.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vermerk.app.policy.Language;
import org.vermerk.keystore.Conversation;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.Theme;
import org.vermerk.ui.testing.FakeChatService;
import org.vermerk.ui.testing.RecordingDialogs;

/**
 * Anna's direct chat with Ben over a {@link FakeChatService}: "Nachricht 0" to "Nachricht n-1", every
 * {@code ownEvery}-th hers, the rest Ben's, shown as a {@link ChatView} on a test's stage.
 */
record LongChat(FakeChatService service, Conversation conversation) {
    static final String ANNA = "anna@bmi.example";
    static final String BEN = "ben@bmi.example";

    static LongChat of(int messages, int ownEvery, long secondsApart) {
        FakeChatService service = new FakeChatService(ANNA);
        Conversation c = service.addConversation("c1", Conversation.Kind.DIRECT, "", null, BEN);
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        for (int i = 0; i < messages; i++) {
            service.receive(
                    "c1", i % ownEvery == 0 ? ANNA : BEN, start.plusSeconds(secondsApart * i), "Nachricht " + i);
        }
        return new LongChat(service, c);
    }

    /** Shows the chat in a {@code width} x {@code height} scene and opens it (FX thread). */
    ChatView show(Stage stage, FxTaskExecutor executor, double width, double height, boolean themed) {
        ChatViewModel model = new ChatViewModel(
                conversation, "Ben", service, executor, ZoneOffset.UTC, new RecordingDialogs(), id -> {});
        ChatView view = new ChatView(model, Messages.of(Language.GERMAN), List.of(), List.of());
        Scene scene = new Scene(view.load(), width, height);
        if (themed) {
            new Theme().apply(scene);
        }
        stage.setScene(scene);
        stage.show();
        model.open();
        return view;
    }
}
