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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
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
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.main.ConversationItem;
import org.vermerk.ui.shell.ClientFlow;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.Screenshots;
import org.vermerk.ui.testing.TestServer;

/**
 * What the user set survives a restart, kept in the account's encrypted store: a pinned
 * conversation stays on top, the language, the font size, notifications and the idle lock. And a
 * conversation opened for the user ({@code vermerk demo}) opens as soon as the account has joined it,
 * ready to write.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsRestartTest {
    private static final String ANNA = "anna.schmidt@bmi.example";
    private static final String BEN = "ben.weber@bmi.example";
    private static final char[] PASSPHRASE = "Akte Mai fertig heute".toCharArray();

    @TempDir
    Path dir;

    private Stage stage;
    private final List<ClientFlow> flows = new ArrayList<>();
    private final List<Stage> extra = new ArrayList<>();
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void closeClients(FxRobot robot) {
        robot.interact(() -> flows.forEach(ClientFlow::close));
        executor.shutdown();
        robot.interact(() -> extra.forEach(Stage::close));
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

    private ClientFlow show(FxRobot robot, Stage on, Account account) {
        List<ClientFlow> made = new ArrayList<>();
        robot.interact(() -> made.add(VermerkClient.open(
                on,
                new VermerkClient.Options(account.home(), Policies.none(), TestServer.quickOptions()),
                executor,
                Optional.of(account))));
        flows.addAll(made);
        return made.getFirst();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node node(Stage stage, String id) {
        return stage.getScene().getRoot().lookup(id);
    }

    @SuppressWarnings("unchecked")
    private static ListView<ConversationItem> list(Stage stage) {
        return (ListView<ConversationItem>) node(stage, "#conversations");
    }

    private static List<String> titles(Stage stage) {
        ListView<ConversationItem> list = list(stage);
        return list == null
                ? List.of()
                : list.getItems().stream().map(ConversationItem::title).toList();
    }

    private static KeyEvent key(KeyCode code, boolean shortcut) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false);
    }

    @Test
    void aPinTheLanguageTheFontSizeNotificationsAndTheIdleLockSurviveARestart(FxRobot robot) throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            Account anna = enrol(server, ANNA);
            enrol(server, BEN).close();
            try (ConversationEngine engine =
                    ConversationEngine.start(anna, new org.vermerk.app.conversation.ConversationListener() {})) {
                String direct = engine.direct(BEN);
                engine.sendText(direct, "Guten Morgen");
                String group = engine.createGroup("Haushalt 2027", List.of(BEN));
                engine.sendText(group, "Neue Zahlen sind da");
            }
            ClientFlow flow = show(robot, stage, anna);
            waitUntil(() -> titles(stage).equals(List.of("Haushalt 2027", "Ben Weber")));

            // P on the older conversation pins it on top.
            robot.interact(() -> {
                list(stage).getSelectionModel().select(1);
                list(stage).requestFocus();
                Event.fireEvent(list(stage), key(KeyCode.P, false));
            });
            waitUntil(() -> titles(stage).equals(List.of("Ben Weber", "Haushalt 2027")));
            assertThat(list(stage).getItems().getFirst().pinned()).isTrue();

            // English, a larger font, notifications off, lock after 30 minutes.
            @SuppressWarnings("unchecked")
            ComboBox<Language> language = (ComboBox<Language>) node(stage, "#language");
            robot.interact(() -> language.setValue(Language.ENGLISH));
            robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(), key(KeyCode.PLUS, true)));
            robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(), key(KeyCode.COMMA, true)));
            waitUntil(() -> node(stage, "#notificationsOn") != null);
            robot.interact(() -> {
                ((CheckBox) node(stage, "#notificationsOn")).setSelected(false);
                @SuppressWarnings("unchecked")
                ComboBox<Integer> idle = (ComboBox<Integer>) node(stage, "#idleLock");
                idle.setValue(30);
            });
            robot.interact(() -> Screenshots.saveForDocs(stage.getScene(), "settings-en"));
            robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(), key(KeyCode.ESCAPE, false)));

            // Restart: close the window's account, unlock again, a new window with fresh settings.
            robot.interact(flow::close);
            flows.remove(flow);
            Account again = new AccountAccess(new ClientHome(dir.resolve(ANNA)), TestServer.quickOptions())
                    .unlock(PASSPHRASE.clone(), new ClientSettings(Policies.none()).effective());
            robot.interact(() -> {
                stage.hide();
                extra.add(new Stage());
            });
            Stage next = extra.getLast();
            show(robot, next, again);
            waitUntil(() -> titles(next).equals(List.of("Ben Weber", "Haushalt 2027")));
            assertThat(node(next, "#settings") instanceof javafx.scene.control.Button b
                            && b.getText().equals("_Settings"))
                    .as("the language came back")
                    .isTrue();
            assertThat(next.getScene().getRoot().getStyle()).contains("16px");
            robot.interact(() -> Event.fireEvent(next.getScene().getRoot(), key(KeyCode.COMMA, true)));
            waitUntil(() -> node(next, "#notificationsOn") != null);
            assertThat(((CheckBox) node(next, "#notificationsOn")).isSelected()).isFalse();
            @SuppressWarnings("unchecked")
            ComboBox<Integer> idle = (ComboBox<Integer>) node(next, "#idleLock");
            assertThat(idle.getValue()).isEqualTo(30);
        }
    }

    @Test
    void aConversationOpenedForTheUserOpensOnceTheAccountHasJoinedItReadyToWrite(FxRobot robot) throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            Account anna = enrol(server, ANNA);
            Account ben = enrol(server, BEN);
            ClientFlow benFlow = show(robot, stage, ben);
            String id;
            try (ConversationEngine engine =
                    ConversationEngine.start(anna, new org.vermerk.app.conversation.ConversationListener() {})) {
                id = engine.direct(BEN);
                engine.sendText(id, "Willkommen in der Demo");
                robot.interact(() -> benFlow.openConversation(id));
                engine.awaitOutboxEmpty(java.time.Duration.ofSeconds(20));
            }
            waitUntil(() -> node(stage, "#composer") instanceof TextArea composer && composer.isFocused());
            waitUntil(() -> node(stage, "#messageList") instanceof ListView<?> messages
                    && !messages.getItems().isEmpty());
            anna.close();
        }
    }
}
