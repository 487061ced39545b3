package org.vermerk.ui.verification;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * The banner on top of a conversation whose member's keys changed (ADR 0014): it names them, and
 * "acknowledge" lets sending go on. The chat view calls {@link #show} when it opens a conversation
 * and {@link #refresh} on the engine's {@code onKeyChanged}/{@code onTrustChanged}. FX thread only.
 */
public final class KeyChangeBannerViewModel {
    private final KeyChanges keyChanges;
    private final TaskExecutor executor;
    private final ObjectProperty<List<KeyChanges.Changed>> changed = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<UiText> message = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> error = new SimpleObjectProperty<>();
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** The conversation shown; null before {@link #show}. */
    private String conversationId;

    public KeyChangeBannerViewModel(KeyChanges keyChanges, TaskExecutor executor) {
        this.keyChanges = keyChanges;
        this.executor = executor;
    }

    /** Shows the banner for this conversation if a key change there waits. */
    public void show(String conversationId) {
        this.conversationId = conversationId;
        refresh();
    }

    /** Asks the engine again (after a key-change or trust event). */
    public void refresh() {
        if (conversationId == null) {
            return;
        }
        String asked = conversationId;
        executor.submit(
                () -> keyChanges.unacknowledged(asked),
                found -> {
                    if (asked.equals(conversationId)) {
                        set(found);
                    }
                },
                failure -> error.set(PeopleErrors.of(failure)));
    }

    /** The user saw the warning: every change named is acknowledged; the banner goes. */
    public void acknowledge() {
        List<KeyChanges.Changed> named = changed.get();
        if (named.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        executor.submit(
                () -> {
                    for (KeyChanges.Changed c : named) {
                        keyChanges.acknowledge(c.userId());
                    }
                    return null;
                },
                done -> {
                    busy.set(false);
                    error.set(null);
                    refresh();
                },
                failure -> {
                    busy.set(false);
                    error.set(PeopleErrors.of(failure));
                });
    }

    private void set(List<KeyChanges.Changed> found) {
        changed.set(List.copyOf(found));
        visible.set(!found.isEmpty());
        if (found.isEmpty()) {
            message.set(null);
        } else {
            String names = String.join(
                    ", ", found.stream().map(KeyChanges.Changed::displayName).toList());
            message.set(UiText.of(found.size() == 1 ? "keychange.one" : "keychange.many", names));
        }
    }

    public ReadOnlyObjectProperty<List<KeyChanges.Changed>> changedProperty() {
        return changed;
    }

    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error;
    }

    /** Whether the banner shows (a change waits). */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
