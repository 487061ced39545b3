package org.vermerk.ui.newconversation;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.verification.PeopleErrors;

/**
 * Search as you type in the server's directory: a pause of {@link #PAUSE} after the last key asks
 * the server; an answer to an older query is dropped. Shared by new conversation and group info.
 * FX thread only.
 */
public final class DirectorySearch {
    /** How long typing must pause before the server is asked. */
    public static final Duration PAUSE = Duration.ofMillis(250);

    /** The directory lookup (blocking). */
    @FunctionalInterface
    public interface Source {
        List<DirectoryUser> search(String prefix) throws Exception;
    }

    private final Source source;
    private final TaskExecutor executor;
    private final Predicate<DirectoryUser> shown;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<DirectoryUser> results = FXCollections.observableArrayList();
    private final ObjectProperty<UiText> status = new SimpleObjectProperty<>();
    private TaskExecutor.Cancellable pending;
    private long asked;

    /** Over {@code source}; results that fail {@code shown} (oneself, people already chosen) are left out. */
    public DirectorySearch(Source source, TaskExecutor executor, Predicate<DirectoryUser> shown) {
        this.source = source;
        this.executor = executor;
        this.shown = shown;
        query.addListener((o, old, text) -> typed());
    }

    private void typed() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (query.get() == null || query.get().isBlank()) {
            asked++;
            results.clear();
            status.set(null);
            return;
        }
        pending = executor.schedule(PAUSE, this::searchNow);
    }

    /** Asks at once (Enter in the field). */
    public void searchNow() {
        pending = null;
        String prefix = query.get() == null ? "" : query.get().strip();
        if (prefix.isEmpty()) {
            return;
        }
        long mine = ++asked;
        status.set(UiText.of("people.search.searching"));
        executor.submit(
                () -> source.search(prefix),
                found -> {
                    if (mine != asked) {
                        return; // a newer query is on its way
                    }
                    results.setAll(found.stream().filter(shown).toList());
                    status.set(results.isEmpty() ? UiText.of("people.search.none", prefix) : null);
                },
                failure -> {
                    if (mine == asked) {
                        results.clear();
                        status.set(PeopleErrors.of(failure));
                    }
                });
    }

    /** Drops a result (it was chosen). */
    public void remove(DirectoryUser user) {
        results.remove(user);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<DirectoryUser> results() {
        return results;
    }

    /** "Searching…", "nobody found", or why the search failed; null otherwise. */
    public ReadOnlyObjectProperty<UiText> statusProperty() {
        return status;
    }
}
