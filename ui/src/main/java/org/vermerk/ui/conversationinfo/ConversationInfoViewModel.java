package org.vermerk.ui.conversationinfo;

import java.util.List;
import java.util.function.Function;
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
import org.vermerk.app.conversation.GroupInfo;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.newconversation.DirectorySearch;
import org.vermerk.ui.verification.PeopleErrors;
import org.vermerk.ui.verification.VerificationViewModel;

/**
 * Conversation info: title (renamed here for a group), classification marking, the members with
 * the trust in their keys; add people found in the directory, remove a member, leave (asked
 * twice); the selected member's safety number in a verification pane. FX thread only.
 */
public final class ConversationInfoViewModel {
    private final GroupInfoSource source;
    private final String conversationId;
    private final TaskExecutor executor;
    private final Function<String, VerificationViewModel> verifications;
    private final Runnable afterLeave;
    private final DirectorySearch search;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<String> classification = new SimpleObjectProperty<>();
    private final BooleanProperty group = new SimpleBooleanProperty();
    private final ObservableList<GroupInfo.MemberInfo> members = FXCollections.observableArrayList();
    private final ObjectProperty<GroupInfo.MemberInfo> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<VerificationViewModel> verification = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> status = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> error = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty confirmingLeave = new SimpleBooleanProperty();

    /**
     * @param verifications makes the verification pane's ViewModel for a member's user ID
     * @param afterLeave where to go once this device asked to leave
     */
    public ConversationInfoViewModel(
            GroupInfoSource source,
            String conversationId,
            TaskExecutor executor,
            Function<String, VerificationViewModel> verifications,
            Runnable afterLeave) {
        this.source = source;
        this.conversationId = conversationId;
        this.executor = executor;
        this.verifications = verifications;
        this.afterLeave = afterLeave;
        this.search = new DirectorySearch(
                source::search,
                executor,
                u -> members.stream().noneMatch(m -> m.userId().equals(u.userId())));
        selected.addListener((o, old, member) -> {
            if (member == null || member.self()) {
                verification.set(null);
            } else if (old == null || !old.userId().equals(member.userId()) || verification.get() == null) {
                VerificationViewModel pane = verifications.apply(member.userId());
                // Marking verified there shows in the member list here.
                pane.trustProperty().addListener((t, before, now) -> {
                    if (before != null && now != before) {
                        load();
                    }
                });
                verification.set(pane);
                pane.load();
            }
        });
    }

    public String conversationId() {
        return conversationId;
    }

    /** Reads title, marking and members (again). */
    public void load() {
        executor.submit(() -> source.info(conversationId), this::show, failure -> error.set(PeopleErrors.of(failure)));
    }

    private void show(GroupInfo info) {
        String keep = selected.get() == null ? null : selected.get().userId();
        title.set(info.title());
        classification.set(info.classification().orElse(null));
        group.set(info.group());
        members.setAll(info.members());
        GroupInfo.MemberInfo again = members.stream()
                .filter(m -> m.userId().equals(keep))
                .findFirst()
                .orElse(
                        info.group()
                                ? null
                                : members.stream()
                                        .filter(m -> !m.self())
                                        .findFirst()
                                        .orElse(null));
        selected.set(again);
    }

    public void rename() {
        String t = title.get() == null ? "" : title.get().strip();
        if (t.isEmpty()) {
            error.set(UiText.of("conversationinfo.error.title"));
            return;
        }
        change(() -> source.rename(conversationId, t), UiText.of("conversationinfo.renamed"));
    }

    /** Adds a person found in the directory (all their devices). */
    public void add(DirectoryUser user) {
        if (user == null) {
            return;
        }
        search.remove(user);
        change(
                () -> source.add(conversationId, List.of(user.userId())),
                UiText.of("conversationinfo.added", user.displayName()));
    }

    /** Removes the selected member (not oneself: that is leaving). */
    public void removeSelected() {
        GroupInfo.MemberInfo member = selected.get();
        if (member == null || member.self()) {
            return;
        }
        change(
                () -> source.remove(conversationId, List.of(member.userId())),
                UiText.of("conversationinfo.removed", member.displayName()));
    }

    /** First step of leaving: the view asks to confirm. */
    public void askLeave() {
        confirmingLeave.set(true);
    }

    public void cancelLeave() {
        confirmingLeave.set(false);
    }

    public void confirmLeave() {
        confirmingLeave.set(false);
        busy.set(true);
        executor.submit(
                () -> {
                    source.leave(conversationId);
                    return null;
                },
                done -> {
                    busy.set(false);
                    afterLeave.run();
                },
                failure -> {
                    busy.set(false);
                    error.set(PeopleErrors.of(failure));
                });
    }

    private void change(Change work, UiText done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set(null);
        status.set(null);
        executor.submit(
                () -> {
                    work.run();
                    return source.info(conversationId);
                },
                info -> {
                    busy.set(false);
                    status.set(done);
                    show(info);
                },
                failure -> {
                    busy.set(false);
                    error.set(PeopleErrors.of(failure));
                });
    }

    @FunctionalInterface
    private interface Change {
        void run() throws Exception;
    }

    public DirectorySearch search() {
        return search;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The marking, or null for none. */
    public ReadOnlyObjectProperty<String> classificationProperty() {
        return classification;
    }

    public ReadOnlyBooleanProperty groupProperty() {
        return group;
    }

    public ObservableList<GroupInfo.MemberInfo> members() {
        return members;
    }

    public ObjectProperty<GroupInfo.MemberInfo> selectedProperty() {
        return selected;
    }

    /** The selected member's verification pane; null for none or oneself. */
    public ReadOnlyObjectProperty<VerificationViewModel> verificationProperty() {
        return verification;
    }

    public ReadOnlyObjectProperty<UiText> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty confirmingLeaveProperty() {
        return confirmingLeave;
    }
}
