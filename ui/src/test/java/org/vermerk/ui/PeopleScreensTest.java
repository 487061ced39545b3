package org.vermerk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.TrustState;
import org.vermerk.app.policy.Language;
import org.vermerk.ui.conversationinfo.ConversationInfoView;
import org.vermerk.ui.conversationinfo.ConversationInfoViewModel;
import org.vermerk.ui.conversationinfo.GroupInfoSource;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.Theme;
import org.vermerk.ui.newconversation.ConversationStarter;
import org.vermerk.ui.newconversation.NewConversationView;
import org.vermerk.ui.newconversation.NewConversationViewModel;
import org.vermerk.ui.testing.PeopleFixture;
import org.vermerk.ui.testing.Screenshots;
import org.vermerk.ui.verification.ContactVerifier;
import org.vermerk.ui.verification.KeyChangeBannerView;
import org.vermerk.ui.verification.KeyChangeBannerViewModel;
import org.vermerk.ui.verification.KeyChanges;
import org.vermerk.ui.verification.VerificationView;
import org.vermerk.ui.verification.VerificationViewModel;

/**
 * The people screens headless (Monocle) on real engines and the real server: new conversation
 * with directory search and a classification, group info with trust states and the verification
 * pane, and the key-change banner. Screenshots (de, en) go to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class PeopleScreensTest {
    private static final String LABEL = "VS – NUR FÜR DEN DIENSTGEBRAUCH";

    @TempDir
    Path dir;

    private Stage stage;
    private Scene scene;
    private PeopleFixture people;
    private ConversationEngine anna;
    private ConversationEngine ben;
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void users() throws Exception {
        people = new PeopleFixture(dir);
        anna = people.user("anna@bmi.example", "Anna Schmidt");
        ben = people.user("ben@bmi.example", "Ben Krüger");
        people.directoryOnly("bernd@bmi.example", "Bernd Wolf");
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdown();
        people.close();
    }

    private void show(FxRobot robot, java.util.function.Supplier<Parent> root) {
        robot.interact(() -> {
            scene = new Scene(root.get(), 1000, 720);
            new Theme().apply(scene);
            stage.setScene(scene);
            // The primary stage is shared with the other UI tests of this JVM: bring it back to
            // the screen's corner and to this scene's size, or clicks may land off screen.
            stage.setX(0);
            stage.setY(0);
            stage.sizeToScene();
            stage.show();
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every control that takes focus has a text for screen readers. */
    private static void assertAccessible(Node root) {
        if (root instanceof Control c && c.isFocusTraversable() && c.isVisible()) {
            assertThat(c.getAccessibleText())
                    .as(c.getId() + " " + c.getClass().getSimpleName())
                    .isNotBlank();
        }
        if (root instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(PeopleScreensTest::assertAccessible);
        }
    }

    @Test
    void newConversationFindsPeopleAsYouTypeAndCreatesAClassifiedGroupByKeyboard(FxRobot robot) throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        NewConversationViewModel model =
                new NewConversationViewModel(ConversationStarter.of(anna), executor, opened::add);
        show(robot, () -> new NewConversationView(model, Messages.of(Language.GERMAN), () -> {}).load());
        assertThat(robot.lookup("#query").query().isFocused())
                .as("focus starts in the search")
                .isTrue();

        robot.clickOn("#groupChoice");
        robot.clickOn("#groupTitle").write("Lagezentrum");
        robot.interact(() -> model.classificationProperty().set(LABEL));
        robot.clickOn("#query").write("Be");
        ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
        waitUntil(() -> results.getItems().size() == 2);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> model.members().size() == 1);
        assertThat(model.members().getFirst().userId()).isEqualTo("ben@bmi.example");
        assertAccessible(stage.getScene().getRoot());
        robot.interact(() -> Screenshots.save(scene, "new-conversation-de"));
        show(robot, () -> new NewConversationView(model, Messages.of(Language.ENGLISH), () -> {}).load());
        robot.interact(() -> Screenshots.save(scene, "new-conversation-en"));

        robot.clickOn("#createButton");
        waitUntil(() -> opened.size() == 1);
        assertThat(anna.conversation(opened.getFirst()).orElseThrow().classification())
                .isEqualTo(LABEL);
        String id = opened.getFirst();
        waitUntil(() -> {
            try {
                return ben.groupInfo(id).classification().equals(java.util.Optional.of(LABEL));
            } catch (Exception notJoinedYet) {
                return false;
            }
        });
    }

    @Test
    void groupInfoShowsMembersWithTrustAddsAPersonAndVerifiesTheSelectedMember(FxRobot robot) throws Exception {
        String id = anna.createGroup("Lagezentrum", LABEL, List.of("ben@bmi.example"));
        ConversationInfoViewModel model = new ConversationInfoViewModel(
                GroupInfoSource.of(anna),
                id,
                executor,
                user -> new VerificationViewModel(ContactVerifier.of(anna), user, executor),
                () -> {});
        show(robot, () -> new ConversationInfoView(model, Messages.of(Language.GERMAN), () -> {}).load());
        robot.interact(model::load);
        waitUntil(() -> model.members().size() == 2);
        assertThat(robot.lookup("#classificationBanner").queryAs(Label.class).getText())
                .isEqualTo(LABEL);

        robot.interact(() -> model.selectedProperty()
                .set(model.members().stream()
                        .filter(m -> m.userId().equals("ben@bmi.example"))
                        .findFirst()
                        .orElseThrow()));
        waitUntil(() -> robot.lookup("#numberLines")
                .tryQuery()
                .map(n -> !((Label) n).getText().isEmpty())
                .orElse(false));
        assertThat(((Label) robot.lookup("#numberLines").query()).getText().split("\n"))
                .hasSize(3);
        assertThat(robot.lookup("#trustState").queryAs(Label.class).getText())
                .isEqualTo("Stand: Beim ersten Kontakt vertraut, nicht verifiziert");
        assertAccessible(stage.getScene().getRoot());
        robot.interact(() -> Screenshots.save(scene, "conversation-info-de"));

        robot.clickOn("#verifyButton");
        // The label is rebuilt while the state changes: wait null-safely for it, as above.
        waitUntil(() -> robot.lookup("#trustState")
                .tryQuery()
                .map(n -> "Stand: Verifiziert".equals(((Label) n).getText()))
                .orElse(false));
        assertThat(anna.trust("ben@bmi.example")).isEqualTo(TrustState.VERIFIED);
        waitUntil(() -> model.members().stream()
                .anyMatch(m -> m.userId().equals("ben@bmi.example") && m.trust() == TrustState.VERIFIED));

        robot.clickOn("#query").write("Bernd");
        ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
        waitUntil(() -> results.getItems().size() == 1);
        show(robot, () -> new ConversationInfoView(model, Messages.of(Language.ENGLISH), () -> {}).load());
        robot.interact(() -> Screenshots.save(scene, "conversation-info-en"));
    }

    @Test
    void aChangedKeyShowsTheBannerUntilAcknowledgedAndTheVerificationScreenShowsTheNumber(FxRobot robot)
            throws Exception {
        String id = anna.createGroup("Referat Z 3", List.of("ben@bmi.example"));
        people.anotherDevice("ben@bmi.example", "ben-2");
        anna.addMembers(id, List.of("ben@bmi.example"));
        assertThat(anna.trust("ben@bmi.example")).isEqualTo(TrustState.KEY_CHANGED);

        KeyChangeBannerViewModel banner = new KeyChangeBannerViewModel(KeyChanges.of(anna), executor);
        show(
                robot,
                () -> new BorderPane(new VBox(
                        new KeyChangeBannerView(banner, Messages.of(Language.GERMAN)).load(),
                        new Label("(Verlauf der Unterhaltung)"))));
        robot.interact(() -> banner.show(id));
        waitUntil(() -> banner.visibleProperty().get());
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("Die Schlüssel von Ben Krüger");
        assertAccessible(stage.getScene().getRoot());
        robot.interact(() -> Screenshots.save(scene, "key-change-banner-de"));

        VerificationViewModel verification =
                new VerificationViewModel(ContactVerifier.of(anna), "ben@bmi.example", executor);
        for (Language language : Language.values()) {
            show(robot, () -> new VerificationView(verification, Messages.of(language), () -> {}).load());
            robot.interact(verification::load);
            waitUntil(() -> !verification.safetyNumberProperty().get().isEmpty()
                    && !verification.busyProperty().get());
            assertAccessible(stage.getScene().getRoot());
            robot.interact(
                    () -> Screenshots.save(scene, "verification-" + (language == Language.GERMAN ? "de" : "en")));
        }

        show(
                robot,
                () -> new BorderPane(new VBox(
                        new KeyChangeBannerView(banner, Messages.of(Language.ENGLISH)).load(),
                        new Label("(conversation)"))));
        robot.interact(() -> Screenshots.save(scene, "key-change-banner-en"));
        robot.clickOn("#acknowledgeButton");
        waitUntil(() -> !banner.visibleProperty().get());
        assertThat(anna.trust("ben@bmi.example")).isEqualTo(TrustState.TRUSTED_ON_FIRST_USE);
        assertThat(anna.sendText(id, "weiter").id()).isNotBlank();
    }
}
