package org.vermerk.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vermerk.app.policy.Language;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkResult;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.testing.AccessibleTexts;
import org.vermerk.ui.testing.SameThreadExecutor;
import org.vermerk.ui.testing.Screenshots;

/**
 * The mark dialog headless (Monocle): the classification shown, Enter with empty fields names
 * them, typing and Enter marks; accessible texts; screenshots in German and English.
 */
@ExtendWith(ApplicationExtension.class)
class MarkDialogViewTest {
    private Stage stage;
    private final FakeRecords records = new FakeRecords();
    private final List<MarkResult> marked = new ArrayList<>();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    private void open(FxRobot robot, Language language) {
        MarkDialogViewModel model = new MarkDialogViewModel(
                new MarkTarget("c-rz", "RZ-Planung", Classification.VS_NFD, "m2", "m4", 3),
                records,
                new SameThreadExecutor(),
                marked::add,
                () -> {});
        robot.interact(
                () -> RecordsScreens.show(stage, new MarkDialogView(model, Messages.of(language)).load(), 560, 600));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void enterWithEmptyFieldsNamesThemThenTheRangeIsMarked(FxRobot robot) {
        open(robot, Language.GERMAN);
        assertThat(robot.lookup("#classification").queryLabeled().getText())
                .isEqualTo("VS – NUR FÜR DEN DIENSTGEBRAUCH");
        assertThat(robot.lookup("#selection").queryLabeled().getText()).startsWith("3 Nachrichten aus „RZ-Planung“");
        assertThat(robot.lookup("#fileReference").query().isFocused()).isTrue();

        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#fileReferenceError").queryLabeled().getText())
                .isEqualTo("Bitte geben Sie das Aktenzeichen an.");
        assertThat(robot.lookup("#subjectError").queryLabeled().getText())
                .isEqualTo("Bitte geben Sie einen Betreff an.");
        assertThat(marked).isEmpty();
        robot.interact(() -> Screenshots.save(stage.getScene(), "records-mark-errors-de"));

        robot.write("12-345/2026");
        robot.clickOn("#subject").write("Größenänderung der Rechenzentrumsfläche");
        robot.clickOn("#note").write("Entscheidung zur Mitzeichnung");
        robot.interact(() ->
                robot.lookup("#includeAttachments").queryAs(CheckBox.class).setSelected(false));
        robot.interact(() -> Screenshots.save(stage.getScene(), "records-mark-de"));
        robot.clickOn("#markButton");

        assertThat(marked).hasSize(1);
        assertThat(records.lastRequest.fileReference()).isEqualTo("12-345/2026");
        assertThat(records.lastRequest.subject()).isEqualTo("Größenänderung der Rechenzentrumsfläche");
        assertThat(records.lastRequest.note()).isEqualTo("Entscheidung zur Mitzeichnung");
        assertThat(records.lastRequest.includeAttachments()).isFalse();
        assertThat(records.lastRequest.firstMessageId()).isEqualTo("m2");
        assertThat(records.lastRequest.lastMessageId()).isEqualTo("m4");
    }

    @Test
    void everyControlHasAnAccessibleTextAndEnglishIsThere(FxRobot robot) {
        open(robot, Language.ENGLISH);
        assertThat(AccessibleTexts.missingIn(stage.getScene().getRoot()))
                .as("focusable controls without accessibleText")
                .isEmpty();
        assertThat(robot.lookup("#fileReference").query().getAccessibleText()).isEqualTo("File reference");
        assertThat(robot.lookup("#markButton").queryLabeled().getText()).isEqualTo("_Mark");
        robot.interact(() -> {
            robot.lookup("#fileReference").queryTextInputControl().setText("12-345/2026");
            robot.lookup("#subject").queryTextInputControl().setText("Resizing the data centre floor space");
        });
        robot.interact(() -> Screenshots.save(stage.getScene(), "records-mark-en"));
    }
}
