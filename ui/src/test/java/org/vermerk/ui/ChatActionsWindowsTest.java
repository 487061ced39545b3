package org.vermerk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountAccess;
import org.vermerk.app.account.CaCertificates;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.account.ServerSettings;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.ui.chat.ChatRow;
import org.vermerk.ui.chat.ChatViewModel;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.main.ConversationItem;
import org.vermerk.ui.shell.ClientFlow;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.Screenshots;
import org.vermerk.ui.testing.TestServer;

/**
 * The message actions between two windows on the real server: Ben answers Anna's message (R) and
 * reacts to it (1), Anna edits hers (E, and Up in the empty composer; Esc ends an edit) and deletes
 * one for everyone after confirming; the context menu (Shift+F10) offers the same actions.
 */
@ExtendWith(ApplicationExtension.class)
class ChatActionsWindowsTest {
    private static final String ANNA = "anna.schmidt@bmi.example";
    private static final String BEN = "ben.weber@bmi.example";
    private static final char[] PASSPHRASE = "Akte Mai fertig heute".toCharArray();

    @TempDir
    Path dir;

    private Stage annaStage;
    private Stage benStage;
    private final List<ClientFlow> flows = new ArrayList<>();
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage primary) {
        this.annaStage = primary;
    }

    @AfterEach
    void closeClients(FxRobot robot) {
        robot.interact(() -> flows.forEach(ClientFlow::close));
        executor.shutdown();
        if (benStage != null) {
            robot.interact(benStage::close);
        }
    }

    private Account enrol(TestServer server, String userId) throws Exception {
        String code = server.addUser(userId, userId.equals(ANNA) ? "Anna Schmidt" : "Ben Weber");
        EffectiveSettings settings = new ClientSettings(Policies.none()).effective();
        return new AccountAccess(new ClientHome(dir.resolve(userId)), TestServer.quickOptions())
                .enrol(
                        PASSPHRASE.clone(),
                        new Account.Enrolment(
                                ServerSettings.forEnrolment(
                                        settings, Optional.of(server.url()), CaCertificates.read(server.caFile())),
                                userId,
                                code,
                                "Arbeitsplatz"),
                        settings);
    }

    private void show(FxRobot robot, Stage stage, Account account) {
        robot.interact(() -> {
            flows.add(VermerkClient.open(
                    stage,
                    new VermerkClient.Options(account.home(), Policies.none(), TestServer.quickOptions()),
                    executor,
                    Optional.of(account)));
            stage.setWidth(1100); // the README's size, whatever an earlier test left the shared stage at
            stage.setHeight(720);
        });
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node node(Stage stage, String id) {
        return stage.getScene().getRoot().lookup(id);
    }

    @SuppressWarnings("unchecked")
    private static ListView<ChatRow> messageList(Stage stage) {
        return (ListView<ChatRow>) node(stage, "#messageList");
    }

    private static List<ChatRow.MessageRow> rows(Stage stage) {
        ListView<ChatRow> list = messageList(stage);
        return list == null
                ? List.of()
                : list.getItems().stream()
                        .filter(r -> r instanceof ChatRow.MessageRow)
                        .map(r -> (ChatRow.MessageRow) r)
                        .toList();
    }

    private static Optional<ChatRow.MessageRow> row(Stage stage, String text) {
        return rows(stage).stream().filter(r -> text.equals(r.text())).findFirst();
    }

    private static Optional<ChatRow.MessageRow> rowById(Stage stage, String id) {
        return rows(stage).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private void openFirst(FxRobot robot, Stage stage) {
        robot.interact(() -> ((ListView<ConversationItem>) node(stage, "#conversations"))
                .getSelectionModel()
                .select(0));
    }

    private static TextArea composer(Stage stage) {
        return (TextArea) node(stage, "#composer");
    }

    private void write(FxRobot robot, Stage stage, String text) {
        robot.interact(() -> {
            composer(stage).requestFocus();
            composer(stage).appendText(text);
            Event.fireEvent(composer(stage), key(KeyCode.ENTER, false));
        });
    }

    /** Selects the message and gives the list the focus, as a click on it would. */
    private void select(FxRobot robot, Stage stage, String messageId) {
        robot.interact(() -> {
            ListView<ChatRow> list = messageList(stage);
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).key().equals(messageId)) {
                    list.getSelectionModel().clearAndSelect(i);
                }
            }
            list.requestFocus();
        });
    }

    private static KeyEvent key(KeyCode code, boolean shift) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false);
    }

    private void press(FxRobot robot, Node target, KeyCode code, boolean shift) {
        robot.interact(() -> Event.fireEvent(target, key(code, shift)));
    }

    private static boolean composeBarShown(Stage stage) {
        return node(stage, "#composeBar").isVisible();
    }

    @Test
    void benRepliesAndReactsAnnaEditsAndDeletesAndBothWindowsFollow(FxRobot robot) throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            Account anna = enrol(server, ANNA);
            Account ben = enrol(server, BEN);
            try (ConversationEngine engine =
                    ConversationEngine.start(anna, new org.vermerk.app.conversation.ConversationListener() {})) {
                engine.direct(BEN);
            }
            robot.interact(() -> benStage = new Stage());
            show(robot, annaStage, anna);
            show(robot, benStage, ben);
            waitUntil(() -> node(annaStage, "#conversations") instanceof ListView<?> a
                    && a.getItems().size() == 1
                    && node(benStage, "#conversations") instanceof ListView<?> b
                    && b.getItems().size() == 1);
            openFirst(robot, annaStage);
            openFirst(robot, benStage);

            write(robot, annaStage, "Die Sitzung ist um 10 Uhr.");
            waitUntil(() -> row(benStage, "Die Sitzung ist um 10 Uhr.").isPresent());
            String meeting =
                    row(benStage, "Die Sitzung ist um 10 Uhr.").orElseThrow().id();

            // Ben: R on Anna's message answers it; the bar above the composer quotes it.
            select(robot, benStage, meeting);
            press(robot, messageList(benStage), KeyCode.R, false);
            assertThat(composeBarShown(benStage)).isTrue();
            assertThat(((Label) node(benStage, "#composeQuote")).getText()).isEqualTo("Die Sitzung ist um 10 Uhr.");
            assertThat(((Label) node(benStage, "#composeTitle")).getText()).isEqualTo("Antwort an Anna Schmidt");
            assertThat(composer(benStage).isFocused()).isTrue();
            robot.interact(() -> Screenshots.saveForDocs(benStage.getScene(), "chat-reply-de"));
            write(robot, benStage, "Ich bin dabei.");
            assertThat(composeBarShown(benStage)).isFalse();
            waitUntil(() -> row(annaStage, "Ich bin dabei.")
                    .map(r -> "Die Sitzung ist um 10 Uhr.".equals(r.replyTo()))
                    .orElse(false));

            // Ben: 1 reacts with the first reaction; Anna sees it on her message.
            select(robot, benStage, meeting);
            press(robot, messageList(benStage), KeyCode.DIGIT1, false);
            String thumbs = ChatViewModel.REACTIONS.getFirst();
            waitUntil(() -> rowById(annaStage, meeting)
                    .map(r -> r.reactions().equals(thumbs))
                    .orElse(false));

            // Anna: E edits her message; Ben sees the new text marked as edited.
            select(robot, annaStage, meeting);
            press(robot, messageList(annaStage), KeyCode.E, false);
            assertThat(composer(annaStage).getText()).isEqualTo("Die Sitzung ist um 10 Uhr.");
            assertThat(((Label) node(annaStage, "#composeTitle")).getText()).isEqualTo("Nachricht bearbeiten");
            robot.interact(() -> composer(annaStage).setText("Die Sitzung ist um 10:30 Uhr."));
            press(robot, composer(annaStage), KeyCode.ENTER, false);
            waitUntil(() -> rowById(benStage, meeting)
                    .map(r -> r.text().equals("Die Sitzung ist um 10:30 Uhr.") && r.edited())
                    .orElse(false));
            assertThat(rowById(benStage, meeting).orElseThrow().reactions())
                    .as("the reaction stays on the edited message")
                    .isEqualTo(thumbs);

            // Anna: Up in the empty composer edits her newest message; Esc ends the edit, nothing sent.
            press(robot, composer(annaStage), KeyCode.UP, false);
            assertThat(composeBarShown(annaStage)).isTrue();
            assertThat(composer(annaStage).getText()).isEqualTo("Die Sitzung ist um 10:30 Uhr.");
            press(robot, annaStage.getScene().getRoot(), KeyCode.ESCAPE, false);
            assertThat(composeBarShown(annaStage)).isFalse();
            assertThat(composer(annaStage).getText()).isEmpty();
            assertThat(node(annaStage, "#messageList"))
                    .as("Esc ended the edit, the chat stays")
                    .isNotNull();

            // The context menu (Shift+F10) offers every action on an own message.
            write(robot, annaStage, "Falsche Unterhaltung, bitte ignorieren.");
            waitUntil(() -> row(annaStage, "Falsche Unterhaltung, bitte ignorieren.")
                    .map(r -> r.state() != DeliveryState.PENDING)
                    .orElse(false));
            waitUntil(() ->
                    row(benStage, "Falsche Unterhaltung, bitte ignorieren.").isPresent());
            String wrong = row(annaStage, "Falsche Unterhaltung, bitte ignorieren.")
                    .orElseThrow()
                    .id();
            select(robot, annaStage, wrong);
            press(robot, messageList(annaStage), KeyCode.F10, true);
            ContextMenu menu = openMenu().orElseThrow();
            assertThat(menu.getItems())
                    .extracting(MenuItem::getId)
                    .containsExactly("reply", "edit", "delete", null, "react");
            robot.interact(menu::hide);

            // Entf asks first; "Für alle löschen" deletes it on both sides.
            Platform.runLater(() -> Event.fireEvent(messageList(annaStage), key(KeyCode.DELETE, false)));
            waitUntil(() -> confirmButton("Für alle löschen").isPresent());
            robot.interact(() -> confirmButton("Für alle löschen").orElseThrow().fire());
            waitUntil(() ->
                    rowById(benStage, wrong).map(ChatRow.MessageRow::deleted).orElse(false));
            assertThat(rowById(annaStage, wrong).orElseThrow().deleted()).isTrue();
            robot.interact(() -> Screenshots.saveForDocs(annaStage.getScene(), "chat-actions-de"));
        }
    }

    private static Optional<ContextMenu> openMenu() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(ContextMenu.class::cast)
                .findFirst();
    }

    /** The button of an open confirmation dialog. */
    private static Optional<Button> confirmButton(String text) {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".button").stream())
                .filter(n -> n instanceof Button b && text.equals(b.getText()))
                .map(Button.class::cast)
                .findFirst();
    }
}
