package org.vermerk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
import org.vermerk.ui.chat.ChatRow;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.main.ConversationItem;
import org.vermerk.ui.shell.ClientFlow;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.Screenshots;
import org.vermerk.ui.testing.TestServer;

/**
 * Files between two windows against the real server (ADR 0021): Anna pastes a file into the
 * composer (a file manager's "copy" on the clipboard), it uploads with progress, and Ben's window
 * shows it with name and size and loads it by itself (small files are fetched when shown).
 */
@ExtendWith(ApplicationExtension.class)
class ChatFilesWindowsTest {
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
        return onFx(() -> ((ListView<ChatRow>) list)
                .getItems().stream()
                        .filter(r -> r instanceof ChatRow.MessageRow)
                        .map(r -> (ChatRow.MessageRow) r)
                        .toList());
    }

    /**
     * Reads the scene on the FX thread: its lists change there while the test thread polls (a stream
     * over the chat's rows failed with a ConcurrentModificationException under load).
     */
    private static <T> T onFx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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

    @SuppressWarnings("unchecked")
    private static List<ChatRow.MessageRow> fileRows(Stage stage) {
        return rows(stage).stream().filter(r -> r.kind() == ChatRow.Kind.FILE).toList();
    }

    private static List<String> visibleTexts(Stage stage, String styleClass) {
        return onFx(() -> stage.getScene().getRoot().lookupAll("." + styleClass).stream()
                .filter(Node::isVisible)
                .filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText())
                .toList());
    }

    @Test
    void annaPastesAFileAndBenSeesItArriveWithNameAndSizeAndItsLoaded(FxRobot robot) throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            twoClients(robot, server);
            openFirst(robot, annaStage);
            openFirst(robot, benStage);
            waitUntil(() -> node(annaStage, "#composer") != null && node(benStage, "#composer") != null);
            assertThat(node(annaStage, "#attach").isVisible()).isTrue();
            assertThat(node(annaStage, "#attach").getAccessibleText()).isNotBlank();

            byte[] content = new byte[150_000];
            new java.util.Random(3).nextBytes(content);
            Path file = Files.write(dir.resolve("Lagebericht KW48.pdf"), content);
            robot.interact(() -> {
                ClipboardContent clip = new ClipboardContent();
                clip.putFiles(List.of(file.toFile()));
                Clipboard.getSystemClipboard().setContent(clip);
                TextArea composer = (TextArea) node(annaStage, "#composer");
                composer.requestFocus();
                Event.fireEvent(composer, shortcut(KeyCode.V));
            });

            waitUntil(() -> fileRows(annaStage).size() == 1);
            waitUntil(() -> fileRows(benStage).size() == 1);
            waitUntil(() -> visibleTexts(benStage, "message-file-name").contains("Lagebericht KW48.pdf"));
            // small: Ben's client loads it by itself; both sides have it on the device then
            waitUntil(() -> visibleTexts(benStage, "message-meta").stream()
                    .anyMatch(t -> t.equals("146 KB · auf diesem Gerät")));
            waitUntil(() -> visibleTexts(annaStage, "message-meta").stream()
                    .anyMatch(t -> t.equals("146 KB · auf diesem Gerät")));
            String id = fileRows(benStage).getFirst().id();
            ListView<ChatRow> list = messageList(benStage);
            robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
            WaitForAsyncUtils.waitForFxEvents();
            Node cell = list.lookupAll(".message-cell").stream()
                    .filter(n -> n.getAccessibleText() != null
                            && n.getAccessibleText().contains("Lagebericht KW48.pdf"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cell.getAccessibleText()).contains("Datei Lagebericht KW48.pdf, 146 KB, auf diesem Gerät");
            assertThat(id).isEqualTo(fileRows(annaStage).getFirst().id());
            robot.interact(() -> Screenshots.save(benStage.getScene(), "chat-file"));
        }
    }
}
