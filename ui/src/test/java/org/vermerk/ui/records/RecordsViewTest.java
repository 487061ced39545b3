package org.vermerk.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vermerk.app.policy.Language;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkState;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.testing.AccessibleTexts;
import org.vermerk.ui.testing.RecordingDialogs;
import org.vermerk.ui.testing.SameThreadExecutor;
import org.vermerk.ui.testing.Screenshots;

/**
 * The Records view headless (Monocle): the list, selecting a mark, changing it (the trail grows),
 * exporting through the directory chooser (the form locks), accessible texts; screenshots in
 * German and English.
 */
@ExtendWith(ApplicationExtension.class)
class RecordsViewTest {
    @TempDir
    Path dir;

    private Stage stage;
    private final FakeRecords records = new FakeRecords();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private RecordsViewModel model;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    private void open(FxRobot robot, Language language) {
        records.add(
                "a",
                "c-rz",
                "RZ-Planung",
                Classification.VS_NFD,
                "12-345/2026",
                "Größenänderung der Rechenzentrumsfläche",
                3);
        records.add(
                "b", "c-haushalt", "Haushalt 2027", Classification.OPEN, "Z 3 - 0815/2026", "Haushaltsaufstellung", 12);
        records.add("c", "c-rz", "RZ-Planung", Classification.VS_NFD, "12-346/2026", "Kühlung", 1);
        model = new RecordsViewModel(records, new SameThreadExecutor(), dialogs, Optional.of(dir), () -> {});
        robot.interact(() -> {
            RecordsScreens.show(
                    stage, new RecordsView(model, Messages.of(language), ZoneId.of("Europe/Berlin")).load(), 1200, 700);
            model.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<MarkOverview> table(FxRobot robot) {
        return robot.lookup("#marksTable").queryAs(TableView.class);
    }

    @Test
    void selectChangeAndExportAMark(FxRobot robot) {
        open(robot, Language.GERMAN);
        assertThat(table(robot).getItems()).hasSize(3);
        assertThat(robot.lookup("#noSelection").query().isVisible()).isTrue();

        robot.interact(() -> table(robot).getSelectionModel().select(2));
        assertThat(model.selectedProperty().get().id()).isEqualTo("a");
        assertThat(robot.lookup("#editFileReference").queryTextInputControl().getText())
                .isEqualTo("12-345/2026");
        assertThat(robot.lookup("#detailClassification").queryLabeled().getText())
                .isEqualTo("VS – NUR FÜR DEN DIENSTGEBRAUCH");

        robot.interact(
                () -> robot.lookup("#editFileReference").queryTextInputControl().setText("12-345/2026-2"));
        robot.clickOn("#saveButton");
        @SuppressWarnings("unchecked")
        ListView<RecordsViewModel.AuditRow> audit = robot.lookup("#auditList").queryAs(ListView.class);
        assertThat(audit.getItems()).hasSize(2);
        assertThat(robot.lookup("#status").queryLabeled().getText())
                .isEqualTo("Die Änderungen sind gespeichert und im Verlauf vermerkt.");
        robot.interact(() -> Screenshots.save(stage.getScene(), "records-de"));

        dialogs.nextDirectory = Optional.of(dir);
        robot.clickOn("#exportButton");
        assertThat(dialogs.directoryStarts).containsExactly(Optional.of(dir));
        assertThat(model.selectedProperty().get().state()).isEqualTo(MarkState.EXPORTED);
        assertThat(robot.lookup("#editFileReference").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#saveButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#addendumButton").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#status").queryLabeled().getText()).startsWith("Exportiert nach ");
        assertThat(audit.getItems()).hasSize(3);
    }

    @Test
    void withdrawAsksFirstAndEveryControlHasAnAccessibleTextInEnglish(FxRobot robot) {
        open(robot, Language.ENGLISH);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        assertThat(AccessibleTexts.missingIn(stage.getScene().getRoot()))
                .as("focusable controls without accessibleText")
                .isEmpty();

        robot.clickOn("#withdrawButton");
        assertThat(robot.lookup("#withdrawConfirm").query().isVisible()).isTrue();
        assertThat(robot.lookup("#withdrawYes").query().isFocused()).isTrue();
        robot.interact(() -> Screenshots.save(stage.getScene(), "records-withdraw-en"));
        robot.clickOn("#withdrawYes");
        assertThat(table(robot).getItems()).extracting(MarkOverview::id).containsExactly("b", "a");
        assertThat(robot.lookup("#status").queryLabeled().getText()).isEqualTo("The mark is withdrawn.");

        robot.interact(() -> table(robot).getSelectionModel().select(1));
        robot.interact(() -> Screenshots.save(stage.getScene(), "records-en"));
    }
}
