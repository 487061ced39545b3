package org.vermerk.ui.firststart;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountException;
import org.vermerk.app.account.CaCertificates;
import org.vermerk.app.account.EnrolmentRefusedException;
import org.vermerk.app.account.ServerSettings;
import org.vermerk.app.connection.ServerEndpoint;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.EffectiveValue;
import org.vermerk.app.policy.SettingSource;
import org.vermerk.app.policy.Settings;
import org.vermerk.ui.core.DialogService;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * First start: enrols this machine as a device. Fields as properties, one error text per field
 * (null: fine), {@link #submit()} validates everything and, when all is well, enrols on a
 * background thread and hands the open account to {@code onEnrolled}.
 *
 * <p>From the admin policy: a locked {@code serverUrl} fills the server field and locks it (an
 * unlocked one only fills it); {@code pinnedCaCertificates} replace the CA file, which is then not
 * asked for; {@code passphraseMinLength} is the passphrase's minimum.
 *
 * <p>The passphrase fields hold Strings because JavaFX's password field does; they are cleared as
 * soon as the characters have been handed to the engine, which wipes its copy. FX thread only.
 */
public final class FirstStartViewModel {
    /** Enrols with the engine: {@code AccountAccess::enrol} in the product. */
    @FunctionalInterface
    public interface Enroller {
        Account enrol(char[] passphrase, Account.Enrolment enrolment, EffectiveSettings settings) throws Exception;
    }

    private final EffectiveSettings settings;
    private final Enroller enroller;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<Account> onEnrolled;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty userId = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseRepeat = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty("");

    private final ObjectProperty<UiText> serverUrlError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> caFileError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> userIdError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> codeError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> passphraseError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> passphraseRepeatError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> deviceNameError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> formError = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final ObjectBinding<PassphraseStrength.Rating> strength;
    private final boolean serverLocked;
    private final boolean caPinned;
    private final int minLength;

    /** Whether a submit was tried: from then on, fields are checked as they change. */
    private boolean tried;

    public FirstStartViewModel(
            EffectiveSettings settings,
            Enroller enroller,
            TaskExecutor executor,
            DialogService dialogs,
            String suggestedDeviceName,
            Consumer<Account> onEnrolled) {
        this.settings = settings;
        this.enroller = enroller;
        this.executor = executor;
        this.dialogs = dialogs;
        this.onEnrolled = onEnrolled;
        EffectiveValue<URI> policyUrl = settings.get(Settings.SERVER_URL);
        policyUrl.value().ifPresent(url -> serverUrl.set(url.toString()));
        this.serverLocked = policyUrl.source() == SettingSource.POLICY_LOCKED
                && policyUrl.value().isPresent();
        this.caPinned = !settings.value(Settings.PINNED_CA_CERTIFICATES).isEmpty();
        this.minLength = settings.value(Settings.PASSPHRASE_MIN_LENGTH);
        this.deviceName.set(suggestedDeviceName);
        this.strength =
                Bindings.createObjectBinding(() -> PassphraseStrength.rate(passphrase.get(), minLength), passphrase);
        for (StringProperty field :
                List.of(serverUrl, caFile, userId, code, passphrase, passphraseRepeat, deviceName)) {
            field.addListener((o, a, b) -> {
                if (tried) {
                    validate();
                }
            });
        }
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty userIdProperty() {
        return userId;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseRepeatProperty() {
        return passphraseRepeat;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public ObjectProperty<UiText> serverUrlErrorProperty() {
        return serverUrlError;
    }

    public ObjectProperty<UiText> caFileErrorProperty() {
        return caFileError;
    }

    public ObjectProperty<UiText> userIdErrorProperty() {
        return userIdError;
    }

    public ObjectProperty<UiText> codeErrorProperty() {
        return codeError;
    }

    public ObjectProperty<UiText> passphraseErrorProperty() {
        return passphraseError;
    }

    public ObjectProperty<UiText> passphraseRepeatErrorProperty() {
        return passphraseRepeatError;
    }

    public ObjectProperty<UiText> deviceNameErrorProperty() {
        return deviceNameError;
    }

    /** An error of the whole form: from the server, the network or the certificate file. */
    public ObjectProperty<UiText> formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObjectBinding<PassphraseStrength.Rating> strengthBinding() {
        return strength;
    }

    /** The policy locks the server: the field shows it and cannot be changed. */
    public boolean serverLocked() {
        return serverLocked;
    }

    /** The policy pins the CA certificates: no file is asked for. */
    public boolean caPinned() {
        return caPinned;
    }

    public int passphraseMinLength() {
        return minLength;
    }

    /** Lets the user pick the CA certificate file. */
    public void chooseCaFile() {
        dialogs.chooseFile(
                        UiText.of("firststart.caFile.chooseTitle"),
                        UiText.of("firststart.caFile.filter"),
                        "pem",
                        "crt",
                        "cer")
                .ifPresent(path -> caFile.set(path.toString()));
    }

    /** Checks every field; true when all are fine. */
    public boolean validate() {
        serverUrlError.set(checkServer());
        caFileError.set(null);
        userIdError.set(required(userId, "firststart.error.userIdRequired"));
        if (userIdError.get() == null && !userId.get().strip().contains("@")) {
            userIdError.set(UiText.of("firststart.error.userIdInvalid"));
        }
        codeError.set(required(code, "firststart.error.codeRequired"));
        passphraseError.set(
                passphrase.get().isEmpty()
                        ? UiText.of("firststart.error.passphraseRequired")
                        : passphrase.get().length() < minLength
                                ? UiText.of("firststart.error.passphraseTooShort", minLength)
                                : null);
        passphraseRepeatError.set(
                passphraseError.get() == null && !passphrase.get().equals(passphraseRepeat.get())
                        ? UiText.of("firststart.error.passphraseMismatch")
                        : null);
        deviceNameError.set(required(deviceName, "firststart.error.deviceNameRequired"));
        return List.of(serverUrlError, userIdError, codeError, passphraseError, passphraseRepeatError, deviceNameError)
                .stream()
                .allMatch(p -> p.get() == null);
    }

    /** Validates and, when all is well, enrols in the background. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        tried = true;
        formError.set(null);
        if (!validate()) {
            return;
        }
        URI url = URI.create(serverUrl.get().strip());
        Optional<Path> ca = caPinned || caFile.get().isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(caFile.get().strip()));
        Account.Enrolment[] enrolment = new Account.Enrolment[1];
        String user = userId.get().strip();
        String enrolmentCode = code.get().strip();
        String device = deviceName.get().strip();
        char[] secret = passphrase.get().toCharArray();
        busy.set(true);
        executor.submit(
                () -> {
                    List<X509Certificate> cas;
                    try {
                        cas = ca.isPresent() ? CaCertificates.read(ca.get()) : List.of();
                    } catch (AccountException e) {
                        java.util.Arrays.fill(secret, '\0');
                        throw new CaFileException(e);
                    }
                    ServerEndpoint endpoint = ServerSettings.forEnrolment(settings, Optional.of(url), cas);
                    enrolment[0] = new Account.Enrolment(endpoint, user, enrolmentCode, device);
                    return enroller.enrol(secret, enrolment[0], settings);
                },
                account -> {
                    busy.set(false);
                    passphrase.set("");
                    passphraseRepeat.set("");
                    onEnrolled.accept(account);
                },
                failure -> {
                    busy.set(false);
                    java.util.Arrays.fill(secret, '\0');
                    if (failure instanceof CaFileException e) {
                        caFileError.set(UiText.of(
                                "firststart.error.caFile", e.getCause().getMessage()));
                    } else if (failure instanceof EnrolmentRefusedException) {
                        codeError.set(UiText.of("firststart.error.codeRefused"));
                    } else {
                        formError.set(ErrorTexts.of(failure));
                    }
                });
    }

    private UiText checkServer() {
        String text = serverUrl.get().strip();
        if (text.isEmpty()) {
            return UiText.of("firststart.error.serverRequired");
        }
        try {
            URI uri = new URI(text);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return UiText.of("firststart.error.serverInvalid");
            }
        } catch (URISyntaxException e) {
            return UiText.of("firststart.error.serverInvalid");
        }
        return null;
    }

    private static UiText required(StringProperty field, String key) {
        return field.get().isBlank() ? UiText.of(key) : null;
    }

    /** The CA file could not be read; shown at its field. */
    private static final class CaFileException extends Exception {
        CaFileException(AccountException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
