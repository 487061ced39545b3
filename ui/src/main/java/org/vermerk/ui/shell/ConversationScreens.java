package org.vermerk.ui.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.ui.chat.ChatViewModel;
import org.vermerk.ui.conversationinfo.ConversationInfoView;
import org.vermerk.ui.conversationinfo.ConversationInfoViewModel;
import org.vermerk.ui.conversationinfo.GroupInfoSource;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.main.MainViewModel;
import org.vermerk.ui.newconversation.ConversationStarter;
import org.vermerk.ui.newconversation.NewConversationView;
import org.vermerk.ui.newconversation.NewConversationViewModel;
import org.vermerk.ui.verification.ContactVerifier;
import org.vermerk.ui.verification.KeyChangeBannerView;
import org.vermerk.ui.verification.KeyChangeBannerViewModel;
import org.vermerk.ui.verification.KeyChanges;
import org.vermerk.ui.verification.VerificationViewModel;

/**
 * The screens about conversations and people that the main window leads to (ADR 0014): new
 * conversation (Ctrl+N), a conversation's info with its members' verification, and the key-change
 * banner over an open chat. One per unlocked account. FX thread only.
 */
final class ConversationScreens {
    private final ClientWindow window;
    private final TaskExecutor executor;
    private final ConversationEngine engine;
    private final MainViewModel main;
    private final Runnable showMain;

    /** The banner over the open chat, read again whenever trust in a contact changes. */
    private KeyChangeBannerViewModel banner;

    ConversationScreens(
            ClientWindow window,
            TaskExecutor executor,
            ConversationEngine engine,
            MainViewModel main,
            Runnable showMain) {
        this.window = window;
        this.executor = executor;
        this.engine = engine;
        this.main = main;
        this.showMain = showMain;
        main.trustChangesProperty().addListener((o, before, now) -> {
            if (banner != null) {
                banner.refresh();
            }
        });
    }

    void showNewConversation() {
        NewConversationViewModel model =
                new NewConversationViewModel(ConversationStarter.of(engine), executor, this::backTo);
        window.show(Screen.of(messages -> new NewConversationView(model, messages, showMain).load())
                .withEscape(showMain));
    }

    void showInfo(String conversationId) {
        ConversationInfoViewModel model = new ConversationInfoViewModel(
                GroupInfoSource.of(engine),
                conversationId,
                executor,
                userId -> new VerificationViewModel(ContactVerifier.of(engine), userId, executor),
                showMain);
        model.load();
        Runnable back = () -> backTo(conversationId);
        window.show(Screen.of(messages -> new ConversationInfoView(model, messages, back).load())
                .withEscape(back));
    }

    /** The main window with this conversation open. */
    private void backTo(String conversationId) {
        showMain.run();
        main.open(conversationId);
    }

    /** "New conversation" beside the list's title. */
    Button newConversationButton(Messages messages) {
        Button button = new Button(messages.get("main.newConversation"));
        button.setAccessibleText(messages.get("main.newConversation.accessible"));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> showNewConversation());
        return button;
    }

    /** "Info" in the chat's header: members, title, verification. */
    Button infoButton(ChatViewModel chat, Messages messages) {
        Button button = new Button(messages.get("chat.info"));
        button.setAccessibleText(messages.get("chat.info.accessible", chat.title()));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> showInfo(chat.conversationId()));
        return button;
    }

    /** The key-change banner over a chat; takes no space while no change waits. */
    List<Node> banners(ChatViewModel chat, Messages messages) {
        banner = new KeyChangeBannerViewModel(KeyChanges.of(engine), executor);
        banner.show(chat.conversationId());
        return List.of(new KeyChangeBannerView(banner, messages).load());
    }
}
