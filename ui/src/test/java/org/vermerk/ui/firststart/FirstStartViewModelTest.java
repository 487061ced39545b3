package org.vermerk.ui.firststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.EnrolmentRefusedException;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.RecordingDialogs;
import org.vermerk.ui.testing.SameThreadExecutor;

/** First start's rules, without the toolkit: the enroller is a lambda that records and fails. */
class FirstStartViewModelTest {
    @TempDir
    Path dir;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Account.Enrolment> enrolments = new ArrayList<>();
    private final List<String> passphrases = new ArrayList<>();
    private final List<Account> opened = new ArrayList<>();
    private Exception enrolFailure = new EnrolmentRefusedException("refused", null);

    private FirstStartViewModel model(AdminPolicy policy) {
        return new FirstStartViewModel(
                Policies.effective(policy),
                (passphrase, enrolment, settings) -> {
                    passphrases.add(new String(passphrase));
                    enrolments.add(enrolment);
                    throw enrolFailure;
                },
                executor,
                dialogs,
                "pc-0815",
                opened::add);
    }

    private static void fill(FirstStartViewModel model) {
        model.serverUrlProperty().set("https://vermerk.bmi.example");
        model.userIdProperty().set("anna.schmidt@bmi.example");
        model.codeProperty().set("ABCDE-FGHIJ-KLMNO-PQRST");
        model.passphraseProperty().set("correct horse battery staple");
        model.passphraseRepeatProperty().set("correct horse battery staple");
    }

    @Test
    void emptyFieldsAreEachNamedAndNothingIsSent() {
        FirstStartViewModel model = model(Policies.none());
        model.deviceNameProperty().set("");
        model.submit();
        assertThat(model.serverUrlErrorProperty().get()).isEqualTo(UiText.of("firststart.error.serverRequired"));
        assertThat(model.userIdErrorProperty().get()).isEqualTo(UiText.of("firststart.error.userIdRequired"));
        assertThat(model.codeErrorProperty().get()).isEqualTo(UiText.of("firststart.error.codeRequired"));
        assertThat(model.passphraseErrorProperty().get()).isEqualTo(UiText.of("firststart.error.passphraseRequired"));
        assertThat(model.deviceNameErrorProperty().get()).isEqualTo(UiText.of("firststart.error.deviceNameRequired"));
        assertThat(executor.submitted).isZero();
    }

    @Test
    void theDeviceNameIsSuggestedAndTheDefaultMinimumIsTwelve() {
        FirstStartViewModel model = model(Policies.none());
        assertThat(model.deviceNameProperty().get()).isEqualTo("pc-0815");
        assertThat(model.passphraseMinLength()).isEqualTo(12);
        assertThat(model.serverLocked()).isFalse();
        assertThat(model.caPinned()).isFalse();
    }

    @Test
    void aPassphraseBelowThePolicyMinimumIsRefusedWithTheMinimum() {
        FirstStartViewModel model = model(Policies.parse("{\"passphraseMinLength\": 20}"));
        fill(model);
        model.passphraseProperty().set("sixteen chars ok");
        model.passphraseRepeatProperty().set("sixteen chars ok");
        model.submit();
        assertThat(model.passphraseErrorProperty().get())
                .isEqualTo(UiText.of("firststart.error.passphraseTooShort", 20));
        assertThat(model.strengthBinding().get().level()).isEqualTo(PassphraseStrength.Level.TOO_SHORT);
        assertThat(executor.submitted).isZero();

        model.passphraseProperty().set("twenty characters ok");
        assertThat(model.passphraseErrorProperty().get())
                .as("checked again as typed")
                .isNull();
        assertThat(model.passphraseRepeatErrorProperty().get())
                .isEqualTo(UiText.of("firststart.error.passphraseMismatch"));
    }

    @Test
    void aLockedServerIsFilledInAndLockedAnUnlockedOneOnlyFilledIn() {
        FirstStartViewModel locked =
                model(Policies.parse("{\"serverUrl\": \"https://vermerk.bund.example\", \"locked\": [\"serverUrl\"]}"));
        assertThat(locked.serverLocked()).isTrue();
        assertThat(locked.serverUrlProperty().get()).isEqualTo("https://vermerk.bund.example");

        FirstStartViewModel preset = model(Policies.parse("{\"serverUrl\": \"https://vermerk.bund.example\"}"));
        assertThat(preset.serverLocked()).isFalse();
        assertThat(preset.serverUrlProperty().get()).isEqualTo("https://vermerk.bund.example");
    }

    @Test
    void onlyHttpsAddressesAndUserIdsWithAnAtSignPass() {
        FirstStartViewModel model = model(Policies.none());
        fill(model);
        model.serverUrlProperty().set("http://vermerk.bmi.example");
        model.userIdProperty().set("anna");
        assertThat(model.validate()).isFalse();
        assertThat(model.serverUrlErrorProperty().get()).isEqualTo(UiText.of("firststart.error.serverInvalid"));
        assertThat(model.userIdErrorProperty().get()).isEqualTo(UiText.of("firststart.error.userIdInvalid"));
    }

    @Test
    void aValidFormEnrolsWithWhatWasTypedAndARefusedCodeIsShownAtTheCode() {
        FirstStartViewModel model = model(Policies.none());
        fill(model);
        model.submit();
        assertThat(enrolments).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo("anna.schmidt@bmi.example");
            assertThat(e.code()).isEqualTo("ABCDE-FGHIJ-KLMNO-PQRST");
            assertThat(e.deviceName()).isEqualTo("pc-0815");
            assertThat(e.endpoint().serverUrl()).isEqualTo(URI.create("https://vermerk.bmi.example"));
            assertThat(e.endpoint().trustedCas()).isEmpty();
        });
        assertThat(passphrases).containsExactly("correct horse battery staple");
        assertThat(model.codeErrorProperty().get()).isEqualTo(UiText.of("firststart.error.codeRefused"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void anUnreachableServerIsAFormErrorAndAnUnreadableCaFileIsShownAtTheFile() throws Exception {
        enrolFailure = new ServerUnreachableException("no route", null);
        FirstStartViewModel model = model(Policies.none());
        fill(model);
        model.submit();
        assertThat(model.formErrorProperty().get()).isEqualTo(UiText.of("error.unreachable"));

        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        dialogs.nextFile = java.util.Optional.of(notPem);
        model.chooseCaFile();
        assertThat(model.caFileProperty().get()).isEqualTo(notPem.toString());
        model.submit();
        assertThat(model.caFileErrorProperty().get()).isNotNull();
        assertThat(model.caFileErrorProperty().get().key()).isEqualTo("firststart.error.caFile");
        assertThat(enrolments).as("the file is read before anything is sent").hasSize(1);
    }
}
