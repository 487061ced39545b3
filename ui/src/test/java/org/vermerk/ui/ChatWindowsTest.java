package org.vermerk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
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
import org.vermerk.app.policy.Language;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.ui.chat.ChatRow;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.main.ConversationItem;
import org.vermerk.ui.shell.ClientFlow;
import org.vermerk.ui.testing.AccessibleTexts;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.Screenshots;
import org.vermerk.ui.testing.TestServer;

/**
 * Two clients in one JVM (two homes, two windows) against the real server: a 1:1 conversation
 * between Anna and Ben, typed and read through the windows; read ticks; unread counts in the
 * title; the language switch with a chat open; writing while the server is away and delivery
 * after it is back. Writes the README's main-window screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ChatWindowsTest {
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

    /** Enrols a user in the background as first start would, and returns the open account. */
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

    /** Opens a window on an open account, straight to the main window. */
    private void show(FxRobot robot, Stage stage, Account account) {
        robot.interact(() -> {
            ClientFlow flow = VermerkClient.open(
                    stage,
                    new VermerkClient.Options(account.home(), Policies.none(), TestServer.quickOptions()),
                    executor,
                    Optional.of(account));
            flows.add(flow);
        });
    }

    /** Anna and Ben enrolled, a 1:1 conversation started by Anna, both windows open. */
    private void twoClients(FxRobot robot, TestServer server) throws Exception {
        Account anna = enrol(server, ANNA);
        Account ben = enrol(server, BEN);
        try (ConversationEngine engine =
                ConversationEngine.start(anna, new org.vermerk.app.conversation.ConversationListener() {})) {
            engine.direct(BEN);
        }
        robot.interact(() -> benStage = new Stage());
        show(robot, annaStage, anna);
        show(robot, benStage, ben);
        waitUntil(() -> items(annaStage).size() == 1 && items(benStage).size() == 1);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node node(Stage stage, String id) {
        return stage.getScene().getRoot().lookup(id);
    }

    private static String text(Stage stage, String id) {
        return ((Label) node(stage, id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<ConversationItem> items(Stage stage) {
        return ((ListView<ConversationItem>) node(stage, "#conversations")).getItems();
    }

    @SuppressWarnings("unchecked")
    private static List<ChatRow.MessageRow> rows(Stage stage) {
        Node list = node(stage, "#messageList");
        if (list == null) {
            return List.of();
        }
        return ((ListView<ChatRow>) list)
                .getItems().stream()
                        .filter(r -> r instanceof ChatRow.MessageRow)
                        .map(r -> (ChatRow.MessageRow) r)
                        .toList();
    }

    private static Optional<ChatRow.MessageRow> row(Stage stage, String text) {
        return rows(stage).stream().filter(r -> text.equals(r.text())).findFirst();
    }

    @SuppressWarnings("unchecked")
    private void openFirst(FxRobot robot, Stage stage) {
        robot.interact(() -> ((ListView<ConversationItem>) node(stage, "#conversations"))
                .getSelectionModel()
                .select(0));
    }

    /** Types into the composer and presses Enter there (Shift+Enter for each line break). */
    private void write(FxRobot robot, Stage stage, String... lines) {
        robot.interact(() -> {
            TextArea composer = (TextArea) node(stage, "#composer");
            composer.requestFocus();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    Event.fireEvent(composer, key(KeyCode.ENTER, true));
                }
                composer.appendText(lines[i]);
            }
            Event.fireEvent(composer, key(KeyCode.ENTER, false));
        });
    }

    private static KeyEvent shortcut(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, true, false, false);
    }

    @SuppressWarnings("unchecked")
    private static List<org.vermerk.ui.main.MainViewModel.SearchResult> searchResults(Stage stage) {
        return ((ListView<org.vermerk.ui.main.MainViewModel.SearchResult>) node(stage, "#searchResults")).getItems();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ChatRow> messageList(Stage stage) {
        return (ListView<ChatRow>) node(stage, "#messageList");
    }

    private static KeyEvent key(KeyCode code, boolean shift) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false);
    }

    @Test
    void annaWritesBenReadsAndAnswersOnTwoLinesTheTicksAndTitlesFollowAndEnglishKeepsTheChat(FxRobot robot)
            throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            twoClients(robot, server);
            // A 1:1 conversation is titled with the other person's name from the directory.
            waitUntil(() -> items(annaStage).getFirst().title().equals("Ben Weber"));
            waitUntil(() -> items(benStage).getFirst().title().equals("Anna Schmidt"));

            openFirst(robot, annaStage);
            write(robot, annaStage, "Guten Morgen, Herr Weber! Haben Sie den Vermerk zur Haushaltssitzung gesehen?");
            waitUntil(() -> row(
                            annaStage, "Guten Morgen, Herr Weber! Haben Sie den Vermerk zur Haushaltssitzung gesehen?")
                    .map(r -> r.own() && r.state() != DeliveryState.PENDING)
                    .orElse(false));
            assertThat(((TextArea) node(annaStage, "#composer")).getText()).isEmpty();

            waitUntil(() -> items(benStage).getFirst().unread() == 1);
            assertThat(benStage.getTitle()).isEqualTo("(1) Vermerk");
            openFirst(robot, benStage);
            waitUntil(
                    () -> row(benStage, "Guten Morgen, Herr Weber! Haben Sie den Vermerk zur Haushaltssitzung gesehen?")
                            .isPresent());
            waitUntil(() -> benStage.getTitle().equals("Vermerk"));
            waitUntil(() -> row(
                            annaStage, "Guten Morgen, Herr Weber! Haben Sie den Vermerk zur Haushaltssitzung gesehen?")
                    .map(r -> r.state() == DeliveryState.READ)
                    .orElse(false));

            write(
                    robot,
                    benStage,
                    "Guten Morgen, Frau Schmidt.",
                    "Ja, ich schicke Ihnen meine Anmerkungen bis 11 Uhr.");
            waitUntil(() -> row(
                            annaStage,
                            "Guten Morgen, Frau Schmidt.\nJa, ich schicke Ihnen meine Anmerkungen bis 11 Uhr.")
                    .map(r -> !r.own())
                    .orElse(false));
            write(robot, annaStage, "Danke, das passt.");
            waitUntil(() -> row(benStage, "Danke, das passt.").isPresent());
            waitUntil(() -> row(annaStage, "Danke, das passt.")
                    .map(r -> r.state() == DeliveryState.READ)
                    .orElse(false));
            assertThat(items(annaStage).getFirst().last().text()).isEqualTo("Danke, das passt.");
            assertThat(rows(annaStage)).hasSize(3);
            robot.interact(() -> Screenshots.saveForDocs(annaStage.getScene(), "main-de"));
            assertThat(AccessibleTexts.missingIn(annaStage.getScene().getRoot()))
                    .as("main window with a chat open: focusable controls without accessibleText")
                    .isEmpty();

            robot.interact(() -> Event.fireEvent(annaStage.getScene().getRoot(), shortcut(KeyCode.F)));
            assertThat(node(annaStage, "#search").isFocused()).isTrue();
            robot.interact(() -> ((javafx.scene.control.TextField) node(annaStage, "#search")).setText("anmerk"));
            waitUntil(() -> searchResults(annaStage).size() == 1);
            robot.interact(() -> Event.fireEvent(node(annaStage, "#search"), key(KeyCode.ENTER, false)));
            String hit = searchResults(annaStage).getFirst().hit().messageId();
            waitUntil(() -> {
                ChatRow selected = messageList(annaStage).getSelectionModel().getSelectedItem();
                return selected != null && selected.key().equals(hit);
            });
            robot.interact(() -> Screenshots.save(annaStage.getScene(), "search-de"));
            robot.interact(() -> Event.fireEvent(annaStage.getScene().getRoot(), key(KeyCode.ESCAPE, false)));
            assertThat(node(annaStage, "#conversations").isVisible()).isTrue();
            assertThat(node(annaStage, "#searchBox").isVisible()).isFalse();

            @SuppressWarnings("unchecked")
            ComboBox<Language> language = (ComboBox<Language>) node(annaStage, "#language");
            robot.interact(() -> language.setValue(Language.ENGLISH));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((TextArea) node(annaStage, "#composer")).getPromptText())
                    .isEqualTo("Write a message (Enter sends, Shift+Enter for a new line)");
            assertThat(rows(annaStage)).as("the chat stays open").hasSize(3);
            assertThat(text(annaStage, "#connectionText")).isEqualTo("Connected");
            robot.interact(() -> Screenshots.saveForDocs(annaStage.getScene(), "main-en"));
        }
    }

    @Test
    void writingContinuesWhileTheServerIsAwayAndTheQueueIsDeliveredWhenItIsBack(FxRobot robot) throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            twoClients(robot, server);
            openFirst(robot, annaStage);
            openFirst(robot, benStage);
            waitUntil(() -> text(annaStage, "#connectionText").equals("Verbunden"));

            server.stop();
            waitUntil(() -> text(annaStage, "#connectionText").startsWith("Keine Verbindung"));
            write(robot, annaStage, "Erste Nachricht ohne Verbindung");
            write(robot, annaStage, "Zweite Nachricht ohne Verbindung");
            waitUntil(() -> node(annaStage, "#queuedText").isVisible()
                    && text(annaStage, "#queuedText").equals("2 Nachrichten warten"));
            assertThat(row(annaStage, "Zweite Nachricht ohne Verbindung")
                            .orElseThrow()
                            .state())
                    .isEqualTo(DeliveryState.PENDING);
            robot.interact(() -> Screenshots.save(annaStage.getScene(), "main-offline-de"));

            server.restart();
            waitUntil(() -> row(benStage, "Zweite Nachricht ohne Verbindung").isPresent());
            assertThat(rows(benStage))
                    .extracting(ChatRow.MessageRow::text)
                    .containsExactly("Erste Nachricht ohne Verbindung", "Zweite Nachricht ohne Verbindung");
            waitUntil(() -> !node(annaStage, "#queuedText").isVisible());
            assertThat(text(annaStage, "#connectionText")).isEqualTo("Verbunden");
            waitUntil(() -> row(annaStage, "Zweite Nachricht ohne Verbindung")
                    .map(r -> r.state() != DeliveryState.PENDING)
                    .orElse(false));
        }
    }

    /** The header button of the open chat whose text is {@code text}. */
    private static javafx.scene.control.Button chatButton(Stage stage, String text) {
        return ((javafx.scene.layout.HBox) node(stage, "#chatActions"))
                .getChildren().stream()
                        .map(javafx.scene.control.Button.class::cast)
                        .filter(b -> b.getText().equals(text))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void theMainWindowLeadsToNewConversationInfoAndTheRecordsAndAMarkTellsTheOtherSide(FxRobot robot) throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            twoClients(robot, server);
            openFirst(robot, annaStage);
            write(robot, annaStage, "Zusage: Termin am 3. Dezember, 10 Uhr.");
            waitUntil(() -> row(annaStage, "Zusage: Termin am 3. Dezember, 10 Uhr.")
                    .map(r -> r.state() != DeliveryState.PENDING)
                    .orElse(false));

            // Ctrl+N opens "new conversation"; Esc comes back to the open chat.
            robot.interact(() -> Event.fireEvent(annaStage.getScene().getRoot(), shortcut(KeyCode.N)));
            waitUntil(() -> node(annaStage, "#directChoice") != null);
            robot.interact(() -> Event.fireEvent(annaStage.getScene().getRoot(), key(KeyCode.ESCAPE, false)));
            waitUntil(() -> node(annaStage, "#messageList") != null);

            // "Info" shows the conversation's members.
            robot.interact(() -> chatButton(annaStage, "Info").fire());
            waitUntil(() -> node(annaStage, "#members") instanceof ListView<?> members
                    && members.getItems().size() == 2);
            robot.interact(() -> Event.fireEvent(annaStage.getScene().getRoot(), key(KeyCode.ESCAPE, false)));
            waitUntil(() -> node(annaStage, "#messageList") != null
                    && row(annaStage, "Zusage: Termin am 3. Dezember, 10 Uhr.").isPresent());

            // Nothing selected: nothing to mark. Select the message, mark it, and Ben is told.
            assertThat(chatButton(annaStage, "Zu den Akten").isDisabled()).isTrue();
            robot.interact(() -> {
                ListView<ChatRow> list = messageList(annaStage);
                for (int i = 0; i < list.getItems().size(); i++) {
                    if (list.getItems().get(i) instanceof ChatRow.MessageRow m
                            && "Zusage: Termin am 3. Dezember, 10 Uhr.".equals(m.text())) {
                        list.getSelectionModel().clearAndSelect(i);
                    }
                }
            });
            assertThat(chatButton(annaStage, "Zu den Akten").isDisabled()).isFalse();
            robot.interact(() -> chatButton(annaStage, "Zu den Akten").fire());
            waitUntil(() -> node(annaStage, "#fileReference") != null);
            robot.interact(() -> {
                ((javafx.scene.control.TextField) node(annaStage, "#fileReference")).setText("12-345/2026");
                ((javafx.scene.control.TextField) node(annaStage, "#subject")).setText("Terminzusage");
                ((javafx.scene.control.Button) node(annaStage, "#markButton")).fire();
            });
            waitUntil(() -> node(annaStage, "#messageList") != null);
            // The marked message shows it is on file.
            waitUntil(() -> row(annaStage, "Zusage: Termin am 3. Dezember, 10 Uhr.")
                    .map(ChatRow.MessageRow::marked)
                    .orElse(false));
            openFirst(robot, benStage);
            waitUntil(() -> rows(benStage).stream()
                    .anyMatch(r ->
                            r.kind() == ChatRow.Kind.RECORD_NOTICE && r.text().contains("12-345/2026")));

            // Ctrl+Shift+A: the Records view lists the mark.
            robot.interact(() -> Event.fireEvent(
                    annaStage.getScene().getRoot(),
                    new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.A, true, true, false, false)));
            waitUntil(() -> node(annaStage, "#marksTable") instanceof javafx.scene.control.TableView<?> table
                    && table.getItems().size() == 1);
            robot.interact(() -> Screenshots.save(annaStage.getScene(), "records-from-main-de"));
        }
    }
}
