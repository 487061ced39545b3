package org.vermerk.ui.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.app.policy.Language;
import org.vermerk.app.policy.Setting;
import org.vermerk.app.policy.Settings;
import org.vermerk.app.policy.SettingsStoreException;
import org.vermerk.app.policy.UserSettingsStore;

/**
 * The settings the client runs with, as observable values: the admin policy read at start, the
 * user's own choices and the {@link EffectiveSettings} made from both, with the language the
 * screens are shown in; and the client's own preferences (font size, notifications, pinned
 * conversations). A change the policy locks is refused.
 *
 * <p>Before unlock the user's choices live in memory; at unlock the account's store is attached
 * ({@link #attach}): what it holds applies, and a language chosen on the unlock screen is written
 * to it (the newest choice wins). From then on every change is written to the store at once; a
 * failed write keeps the value for this session and says so ({@link #saveErrorProperty()}). At
 * lock the store is let go and the language stays as it was. FX thread only.
 */
public final class ClientSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSettings.class);

    /** The client preferences kept in the store (names under {@code ui.}). */
    public static final String FONT_SIZE = "fontSize";

    public static final String NOTIFICATIONS = "notifications";
    public static final String PINNED = "pinned";
    public static final List<String> PREFERENCES = List.of(FONT_SIZE, NOTIFICATIONS, PINNED);

    private final AdminPolicy policy;

    /** The choices before unlock, and those a failed write could not keep. */
    private final InMemoryUserSettings session = new InMemoryUserSettings();

    /** The account's store while unlocked; null before and after. */
    private UserSettingsStore stored;

    /** Whether the user chose the language before the store was attached (it is written then). */
    private boolean languageChosenBeforeUnlock;

    private final ReadOnlyObjectWrapper<EffectiveSettings> effective = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> saveError = new SimpleObjectProperty<>();
    private final ObservableList<String> pinned = FXCollections.observableArrayList();

    public ClientSettings(AdminPolicy policy) {
        this.policy = policy;
        resolve();
    }

    public AdminPolicy policy() {
        return policy;
    }

    public ReadOnlyObjectProperty<EffectiveSettings> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    public EffectiveSettings effective() {
        return effective.get();
    }

    /** The language the screens are shown in; change it with {@link #chooseLanguage}. */
    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    /** Set when a change could not be written to the store (it applies until the client closes). */
    public ReadOnlyObjectProperty<UiText> saveErrorProperty() {
        return saveError;
    }

    /**
     * Uses the account's store: its values apply; a language chosen before unlock is written to it.
     */
    public void attach(UserSettingsStore store) {
        stored = store;
        if (languageChosenBeforeUnlock) {
            session.find(Settings.LANGUAGE).ifPresent(l -> write(Settings.LANGUAGE, l));
            languageChosenBeforeUnlock = false;
        }
        session.forget(Settings.LANGUAGE);
        session.forget(Settings.NOTIFICATIONS_SHOW_CONTENT);
        session.forget(Settings.IDLE_LOCK_MINUTES);
        pinned.setAll(decodeList(store.preference(PINNED).orElse("")));
        resolve();
    }

    /** The account's store could not be read: this session's settings apply, and Settings says they are not kept. */
    public void attachUnreadable() {
        attach(new InMemoryUserSettings());
        saveError.set(UiText.of("settings.saveFailed"));
    }

    /** Lets go of the store (lock): the language in use stays for the unlock screen. */
    public void detach() {
        if (stored == null) {
            return;
        }
        if (effective.get().get(Settings.LANGUAGE).userMayChange()) {
            session.put(Settings.LANGUAGE, language.get());
        }
        stored = null;
        pinned.clear();
        resolve();
    }

    /** Whether the user may change the language (the policy may lock it). */
    public boolean languageChangeable() {
        return changeable(Settings.LANGUAGE);
    }

    /** Whether the user may change {@code setting} (a user setting the policy does not lock). */
    public boolean changeable(Setting<?> setting) {
        return effective.get().get(setting).userMayChange();
    }

    /** The user's choice of language; false (and nothing changes) when the policy locks it. */
    public boolean chooseLanguage(Language choice) {
        if (!choose(Settings.LANGUAGE, choice)) {
            return false;
        }
        if (stored == null) {
            languageChosenBeforeUnlock = true;
        }
        return true;
    }

    /** Whether notifications show the message's text (the policy may lock it off). */
    public boolean notificationsShowText() {
        return effective.get().value(Settings.NOTIFICATIONS_SHOW_CONTENT);
    }

    public boolean chooseNotificationsShowText(boolean on) {
        return choose(Settings.NOTIFICATIONS_SHOW_CONTENT, on);
    }

    /** The user's idle-lock time in minutes (0: never); false when the policy locks it. */
    public boolean chooseIdleLockMinutes(int minutes) {
        return choose(Settings.IDLE_LOCK_MINUTES, minutes);
    }

    /** Whether desktop notifications are shown at all (a client preference, on by default). */
    public boolean notificationsOn() {
        return preference(NOTIFICATIONS).map(v -> !v.equals("off")).orElse(true);
    }

    public void chooseNotificationsOn(boolean on) {
        storePreference(NOTIFICATIONS, on ? null : "off");
    }

    /** The font size the user scaled to, if they did. */
    public Optional<Integer> fontSize() {
        return preference(FONT_SIZE).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Keeps the font size; the default size forgets the choice. */
    public void chooseFontSize(int size) {
        storePreference(FONT_SIZE, size == Theme.DEFAULT_FONT_SIZE ? null : Integer.toString(size));
    }

    /** The pinned conversations' IDs in the order they were pinned (empty while locked). */
    public ObservableList<String> pinned() {
        return pinned;
    }

    /** Pins or unpins a conversation; kept in the store. */
    public void pin(String conversationId, boolean on) {
        Set<String> next = new LinkedHashSet<>(pinned);
        if (on ? !next.add(conversationId) : !next.remove(conversationId)) {
            return;
        }
        pinned.setAll(next);
        storePreference(PINNED, next.isEmpty() ? null : String.join("\n", next));
    }

    private <T> boolean choose(Setting<T> setting, T value) {
        if (!changeable(setting)) {
            return false;
        }
        write(setting, value);
        resolve();
        return true;
    }

    private <T> void write(Setting<T> setting, T value) {
        if (stored == null) {
            session.put(setting, value);
            return;
        }
        try {
            stored.store(setting, value);
            session.forget(setting);
        } catch (SettingsStoreException e) {
            keepForSession(e);
            session.put(setting, value);
        }
    }

    private Optional<String> preference(String name) {
        Optional<String> here = session.preference(name);
        return here.isPresent() || stored == null ? here : stored.preference(name);
    }

    private void storePreference(String name, String value) {
        if (stored == null) {
            session.storePreference(name, value);
            return;
        }
        try {
            stored.storePreference(name, value);
            session.storePreference(name, null);
        } catch (SettingsStoreException e) {
            keepForSession(e);
            session.storePreference(name, value);
        }
    }

    private void keepForSession(SettingsStoreException e) {
        LOG.warn(
                "event=settings_not_saved error={}",
                e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
        saveError.set(UiText.of("settings.saveFailed"));
    }

    /** The user's values: this session's first, then the store's. */
    private void resolve() {
        UserSettingsStore store = stored;
        org.vermerk.app.policy.UserSettingsSource user = new org.vermerk.app.policy.UserSettingsSource() {
            @Override
            public <T> Optional<T> find(Setting<T> setting) {
                Optional<T> here = session.find(setting);
                return here.isPresent() || store == null ? here : store.find(setting);
            }
        };
        effective.set(EffectiveSettings.resolve(policy, user));
        language.set(effective.get().value(Settings.LANGUAGE));
    }

    private static List<String> decodeList(String text) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).forEach(out::add);
        return out;
    }
}
