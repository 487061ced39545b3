package org.vermerk.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.app.policy.Language;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.main.ConversationItem;
import org.vermerk.ui.testing.Policies;

/** Which arriving messages notify and what the notification shows, without the toolkit or a desktop. */
class NotificationsTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    private record Shown(String title, String body) {}

    /** A desktop that records what it was asked to show. */
    private static final class RecordingDesktop implements DesktopNotifier {
        final List<Shown> shown = new ArrayList<>();
        boolean available = true;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public void show(String title, String body) {
            shown.add(new Shown(title, body));
        }

        @Override
        public void close() {}
    }

    private final RecordingDesktop desktop = new RecordingDesktop();
    private final ClientSettings settings = new ClientSettings(Policies.none());
    private boolean focused;
    private final Notifications notifications =
            new Notifications(settings, desktop, () -> focused, () -> Messages.of(Language.GERMAN));

    {
        settings.attach(new InMemoryUserSettings());
    }

    private static ConversationItem item(String id, Conversation.Kind kind, String title) {
        Conversation c = new Conversation(id, Bytes.of(new byte[] {1}), kind, title, null, Instant.EPOCH, false);
        return new ConversationItem(c, title, null, Instant.EPOCH, 1, false);
    }

    private static Message text(String conversationId, String sender, String text) {
        return Message.of(
                "m-" + text.hashCode(),
                conversationId,
                1L,
                sender,
                "d",
                Instant.EPOCH,
                Instant.EPOCH,
                "{}",
                text,
                DeliveryState.RECEIVED);
    }

    @Test
    void byDefaultANotificationSaysOnlyThatAMessageArrived() {
        assertThat(notifications.onMessage(
                        text("c1", BEN, "Vertraulich: Personalsache"),
                        item("c1", Conversation.Kind.DIRECT, "Ben Weber"),
                        null,
                        ANNA))
                .isTrue();
        assertThat(desktop.shown).containsExactly(new Shown("Vermerk", "Neue Nachricht"));
    }

    @Test
    void withTextOnItNamesTheConversationAndInGroupsTheSender() {
        settings.chooseNotificationsShowText(true);
        notifications.onMessage(
                text("c1", BEN, "Die Vorlage ist fertig.\nBitte prüfen."),
                item("c1", Conversation.Kind.DIRECT, "Ben Weber"),
                null,
                ANNA);
        notifications.onMessage(
                text("g1", BEN, "Termin verschoben"), item("g1", Conversation.Kind.GROUP, "Haushalt 2027"), null, ANNA);
        assertThat(desktop.shown)
                .containsExactly(
                        new Shown("Ben Weber", "Die Vorlage ist fertig. Bitte prüfen."),
                        new Shown(BEN + " in Haushalt 2027", "Termin verschoben"));
    }

    @Test
    void ownMessagesReactionsTheOpenFocusedConversationAndNotificationsOffAreNotNotified() {
        ConversationItem c1 = item("c1", Conversation.Kind.DIRECT, "Ben Weber");
        assertThat(notifications.onMessage(text("c1", ANNA, "eigene"), c1, null, ANNA))
                .isFalse();
        Message reaction =
                Message.of("r", "c1", 2L, BEN, "d", Instant.EPOCH, Instant.EPOCH, "{}", null, DeliveryState.RECEIVED);
        assertThat(notifications.onMessage(reaction, c1, null, ANNA)).isFalse();

        focused = true;
        assertThat(notifications.onMessage(text("c1", BEN, "gelesen"), c1, "c1", ANNA))
                .as("the user is reading it")
                .isFalse();
        assertThat(notifications.onMessage(text("c1", BEN, "anderes Fenster"), c1, "c2", ANNA))
                .isTrue();
        focused = false;
        assertThat(notifications.onMessage(text("c1", BEN, "Fenster im Hintergrund"), c1, "c1", ANNA))
                .isTrue();

        settings.chooseNotificationsOn(false);
        assertThat(notifications.onMessage(text("c1", BEN, "aus"), c1, null, ANNA))
                .isFalse();
        settings.chooseNotificationsOn(true);
        desktop.available = false;
        assertThat(notifications.onMessage(text("c1", BEN, "kein Desktop"), c1, null, ANNA))
                .isFalse();
        assertThat(desktop.shown).hasSize(2);
    }
}
