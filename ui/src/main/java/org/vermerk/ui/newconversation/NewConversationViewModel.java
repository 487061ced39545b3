package org.vermerk.ui.newconversation;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
 * New conversation: 1:1 with one person found in the directory, or a group with a title, an
 * optional classification marking and people chosen from the directory. Creating goes through the
 * engine; the new conversation then opens. FX thread only.
 */
public final class NewConversationViewModel {
    public enum Kind {
        DIRECT,
        GROUP
    }

    /** The markings offered; "" is none. Vermerk is approved up to VS-NfD (VSA). */
    public static final List<String> CLASSIFICATIONS = List.of("", "VS – NUR FÜR DEN DIENSTGEBRAUCH");

    private final ConversationStarter starter;
    private final TaskExecutor executor;
    private final Consumer<String> openConversation;
    private final DirectorySearch search;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.DIRECT);
    private final ObservableList<DirectoryUser> members = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty classification = new SimpleStringProperty("");
    private final ObjectProperty<UiText> titleError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> formError = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public NewConversationViewModel(
            ConversationStarter starter, TaskExecutor executor, Consumer<String> openConversation) {
        this.starter = starter;
        this.executor = executor;
        this.openConversation = openConversation;
        this.search = new DirectorySearch(
                starter::search, executor, u -> !u.userId().equals(starter.ownUserId()) && !members.contains(u));
        title.addListener((o, a, b) -> titleError.set(null));
        kind.addListener((o, a, b) -> formError.set(null));
    }

    public DirectorySearch search() {
        return search;
    }

    /**
     * The person picked from the results: 1:1 opens the conversation with them; in a group they
     * join the members.
     */
    public void choose(DirectoryUser user) {
        if (user == null || busy.get()) {
            return;
        }
        formError.set(null);
        if (kind.get() == Kind.DIRECT) {
            run(() -> starter.direct(user.userId()));
        } else if (!members.contains(user)) {
            members.add(user);
            search.remove(user);
        }
    }

    public void removeMember(DirectoryUser user) {
        members.remove(user);
    }

    /** Creates the group (group mode); checks title and members first. */
    public void create() {
        if (busy.get()) {
            return;
        }
        if (kind.get() == Kind.DIRECT) {
            formError.set(UiText.of("newconversation.error.pickPerson"));
            return;
        }
        boolean ok = true;
        if (title.get() == null || title.get().isBlank()) {
            titleError.set(UiText.of("newconversation.error.title"));
            ok = false;
        }
        if (members.isEmpty()) {
            formError.set(UiText.of("newconversation.error.members"));
            ok = false;
        }
        if (!ok) {
            return;
        }
        String t = title.get().strip();
        String marking = classification.get() == null || classification.get().isBlank() ? null : classification.get();
        List<String> ids = members.stream().map(DirectoryUser::userId).toList();
        run(() -> starter.createGroup(t, marking, ids));
    }

    private void run(org.vermerk.ui.core.TaskExecutor.Work<String> work) {
        busy.set(true);
        formError.set(null);
        executor.submit(
                work,
                id -> {
                    busy.set(false);
                    openConversation.accept(id);
                },
                failure -> {
                    busy.set(false);
                    formError.set(PeopleErrors.of(failure));
                });
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObservableList<DirectoryUser> members() {
        return members;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The chosen marking, one of {@link #CLASSIFICATIONS}. */
    public StringProperty classificationProperty() {
        return classification;
    }

    public ReadOnlyObjectProperty<UiText> titleErrorProperty() {
        return titleError;
    }

    public ReadOnlyObjectProperty<UiText> formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
