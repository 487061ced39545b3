package org.vermerk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.Language;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.shell.ClientFlow;
import org.vermerk.ui.testing.AccessibleTexts;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.Screenshots;
import org.vermerk.ui.testing.TestServer;

/**
 * The client window headless (Monocle): first start's checks, enrolment against the real server,
 * lock and unlock with a real keystore, the language switch and keyboard use. Screenshots of the
 * screens go to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class ClientWindowTest {
    private static final String PASSPHRASE = "Akte Mai fertig heute";
    private static final String NEW_PASSPHRASE = "Bescheid Juni versandt";

    @TempDir
    Path dir;

    private Stage stage;
    private ClientFlow flow;
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void closeClient(FxRobot robot) {
        if (flow != null) {
            robot.interact(flow::close);
        }
        executor.shutdown();
    }

    private void open(FxRobot robot, AdminPolicy policy) {
        robot.interact(() -> flow = VermerkClient.open(
                stage,
                new VermerkClient.Options(new ClientHome(dir.resolve("home")), policy, TestServer.quickOptions()),
                executor));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(value));
    }

    @Test
    void firstStartNamesEachEmptyFieldAndRefusesAPassphraseBelowThePolicyMinimum(FxRobot robot) {
        open(robot, Policies.parse("{\"passphraseMinLength\": 16}"));
        assertThat(text(robot, "#passphraseHint")).startsWith("Mindestens 16 Zeichen");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#serverUrlError")).isEqualTo("Bitte geben Sie die Adresse Ihres Vermerk-Servers ein.");
        assertThat(text(robot, "#userIdError")).isEqualTo("Bitte geben Sie Ihre Benutzerkennung ein.");
        assertThat(text(robot, "#codeError")).isEqualTo("Bitte geben Sie den Einrichtungscode ein.");
        assertThat(text(robot, "#passphraseError")).isEqualTo("Bitte wählen Sie eine Passphrase.");
        assertThat(robot.lookup("#serverUrl").query().isFocused())
                .as("the first wrong field has the focus")
                .isTrue();

        robot.clickOn("#passphrase").write("nur 15 Zeichen!");
        assertThat(text(robot, "#passphraseError")).isEqualTo("Die Passphrase muss mindestens 16 Zeichen lang sein.");
        assertThat(text(robot, "#strengthLabel")).isEqualTo("Zu kurz");
        robot.write("x");
        assertThat(shown(robot, "#passphraseError")).isFalse();
        assertThat(text(robot, "#passphraseRepeatError")).isEqualTo("Die beiden Eingaben stimmen nicht überein.");
        robot.interact(() -> Screenshots.save(stage.getScene(), "first-start-errors-de"));
    }

    @Test
    void aServerLockedByThePolicyIsShownAndCannotBeChanged(FxRobot robot) {
        open(robot, Policies.parse("{\"serverUrl\": \"https://vermerk.bund.example\", \"locked\": [\"serverUrl\"]}"));
        TextField server = robot.lookup("#serverUrl").queryAs(TextField.class);
        assertThat(server.getText()).isEqualTo("https://vermerk.bund.example");
        assertThat(server.isDisabled()).isTrue();
        assertThat(shown(robot, "#serverLockedHint")).isTrue();
        assertThat(text(robot, "#serverLockedHint")).isEqualTo("Von Ihrer IT-Administration festgelegt.");
        assertThat(robot.lookup("#userId").query().isFocused())
                .as("the first field to fill has the focus")
                .isTrue();
        robot.interact(() -> Screenshots.saveForDocs(stage.getScene(), "first-start-de"));

        @SuppressWarnings("unchecked")
        ComboBox<Language> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Language.ENGLISH));
        assertThat(text(robot, "#serverLockedHint")).isEqualTo("Set by your IT administration.");
        robot.interact(() -> Screenshots.saveForDocs(stage.getScene(), "first-start-en"));
    }

    @Test
    void enrolAgainstTheRealServerChangeThePassphraseThenLockAndUnlockWithAWrongThenTheNewOne(FxRobot robot)
            throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            String code = server.addUser("anna.schmidt@bmi.example");
            open(robot, Policies.none());
            set(robot, "#serverUrl", server.url().toString());
            set(robot, "#caFile", server.caFile().toString());
            set(robot, "#userId", "anna.schmidt@bmi.example");
            set(robot, "#code", code);
            robot.clickOn("#passphrase").write(PASSPHRASE);
            robot.clickOn("#passphraseRepeat").write(PASSPHRASE);
            set(robot, "#deviceName", "Arbeitsplatz 3.114");
            robot.interact(() -> Screenshots.save(stage.getScene(), "first-start-filled-de"));
            robot.clickOn("#passphraseRepeat").type(KeyCode.ENTER);

            waitUntil(() -> shown(robot, "#conversations"));
            assertThat(text(robot, "#user")).isEqualTo("anna.schmidt@bmi.example");
            assertThat(robot.lookup("Noch keine Unterhaltungen").tryQuery()).isPresent();
            waitUntil(() -> text(robot, "#connectionText").equals("Verbunden"));
            robot.interact(() -> Screenshots.save(stage.getScene(), "main-de"));
            assertThat(AccessibleTexts.missingIn(stage.getScene().getRoot()))
                    .as("main window: focusable controls without accessibleText")
                    .isEmpty();

            robot.push(KeyCode.CONTROL, KeyCode.COMMA);
            waitUntil(() -> shown(robot, "#settingsTable"));
            assertThat(text(robot, "#server")).isEqualTo(server.url().toString());
            assertThat(robot.lookup("#settingsTable").queryAs(TableView.class).getItems())
                    .hasSize(13);
            robot.interact(() -> Screenshots.saveForDocs(stage.getScene(), "settings-de"));
            assertThat(AccessibleTexts.missingIn(stage.getScene().getRoot()))
                    .as("settings: focusable controls without accessibleText")
                    .isEmpty();

            set(robot, "#currentPassphrase", PASSPHRASE);
            set(robot, "#newPassphrase", NEW_PASSPHRASE);
            set(robot, "#repeatPassphrase", NEW_PASSPHRASE);
            robot.interact(() -> robot.lookup("#changePassphrase").queryButton().fire());
            waitUntil(() -> shown(robot, "#passphraseDone"));
            assertThat(text(robot, "#passphraseDone")).isEqualTo("Die Passphrase wurde geändert.");
            robot.push(KeyCode.ESCAPE);
            waitUntil(() -> shown(robot, "#conversations"));

            robot.push(KeyCode.CONTROL, KeyCode.L);
            waitUntil(() -> shown(robot, "#unlock"));
            assertThat(robot.lookup("#unlock").query().isDisabled())
                    .as("nothing to unlock with yet")
                    .isTrue();
            robot.write("nicht die Passphrase").type(KeyCode.ENTER);
            waitUntil(() -> shown(robot, "#message")
                    && robot.lookup("#passphrase").query().isFocused());
            assertThat(text(robot, "#message")).isEqualTo("Die Passphrase ist falsch (1 Fehlversuch).");
            robot.interact(() -> Screenshots.save(stage.getScene(), "unlock-wrong-de"));
            assertThat(AccessibleTexts.missingIn(stage.getScene().getRoot()))
                    .as("unlock screen: focusable controls without accessibleText")
                    .isEmpty();

            robot.write(NEW_PASSPHRASE).type(KeyCode.ENTER);
            waitUntil(() -> shown(robot, "#conversations"));
            waitUntil(() -> text(robot, "#connectionText").equals("Verbunden"));
        }
    }

    @Test
    void switchingToEnglishRebuildsTheScreenAndKeepsWhatWasTyped(FxRobot robot) {
        open(robot, Policies.none());
        set(robot, "#userId", "anna.schmidt@bmi.example");
        robot.clickOn("#userId").type(KeyCode.ENTER);
        assertThat(robot.lookup("Dieses Gerät einrichten").tryQuery()).isPresent();

        @SuppressWarnings("unchecked")
        ComboBox<Language> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Language.ENGLISH));
        assertThat(robot.lookup("Set up this device").tryQuery()).isPresent();
        assertThat(robot.lookup("Dieses Gerät einrichten").tryQuery()).isEmpty();
        assertThat(robot.lookup("#userId").queryTextInputControl().getText()).isEqualTo("anna.schmidt@bmi.example");
        assertThat(text(robot, "#codeError")).isEqualTo("Please enter the enrolment code.");
        assertThat(stage.getTitle()).isEqualTo("Vermerk");
        robot.interact(() -> Screenshots.save(stage.getScene(), "first-start-errors-en"));
    }

    @Test
    void aLockedLanguageCannotBeSwitched(FxRobot robot) {
        open(robot, Policies.parse("{\"language\": \"en\", \"locked\": [\"language\"]}"));
        assertThat(robot.lookup("Set up this device").tryQuery()).isPresent();
        assertThat(robot.lookup("#language").query().isDisabled()).isTrue();
    }

    @Test
    void everyControlHasAnAccessibleTextAndTabWalksTheFormInOrder(FxRobot robot) {
        open(robot, Policies.none());
        assertThat(AccessibleTexts.missingIn(stage.getScene().getRoot()))
                .as("focusable controls without accessibleText")
                .isEmpty();

        assertThat(robot.lookup("#serverUrl").query().isFocused()).isTrue();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);
            order.add(stage.getScene().getFocusOwner().getId());
        }
        assertThat(order)
                .containsExactly(
                        "caFile",
                        "chooseCaFile",
                        "userId",
                        "code",
                        "passphrase",
                        "passphraseRepeat",
                        "deviceName",
                        "enrol");

        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        assertThat(stage.getScene().getFocusOwner().getId())
                .as("Alt+B, the label's mnemonic, goes to the user ID")
                .isEqualTo("userId");
        robot.push(KeyCode.CONTROL, KeyCode.PLUS);
        assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: 16px");
    }
}
