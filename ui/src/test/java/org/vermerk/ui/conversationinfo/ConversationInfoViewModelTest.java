package org.vermerk.ui.conversationinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.conversation.GroupInfo;
import org.vermerk.app.conversation.TrustState;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;
import org.vermerk.ui.verification.ContactVerifier;
import org.vermerk.ui.verification.VerificationViewModel;

/** Conversation info without the toolkit: members with trust, add, remove, rename, leave, verification pane. */
class ConversationInfoViewModelTest {
    private static final String LABEL = "VS – NUR FÜR DEN DIENSTGEBRAUCH";

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<String> calls = new ArrayList<>();
    private final List<GroupInfo.MemberInfo> people = new ArrayList<>(List.of(
            new GroupInfo.MemberInfo("anna@bmi.example", "Anna Schmidt", TrustState.VERIFIED, true),
            new GroupInfo.MemberInfo("ben@bmi.example", "Ben Krüger", TrustState.KEY_CHANGED, false)));
    private String title = "Lagezentrum";
    private boolean left;

    private final GroupInfoSource source = new GroupInfoSource() {
        @Override
        public GroupInfo info(String conversationId) {
            calls.add("info");
            return new GroupInfo(conversationId, true, title, Optional.of(LABEL), people);
        }

        @Override
        public List<DirectoryUser> search(String prefix) {
            return List.of(
                    new DirectoryUser("ben@bmi.example", "Ben Krüger"),
                    new DirectoryUser("bernd@bmi.example", "Bernd Wolf"));
        }

        @Override
        public void add(String conversationId, List<String> userIds) {
            calls.add("add " + userIds);
            userIds.forEach(u -> people.add(new GroupInfo.MemberInfo(u, u, TrustState.TRUSTED_ON_FIRST_USE, false)));
        }

        @Override
        public void remove(String conversationId, List<String> userIds) {
            calls.add("remove " + userIds);
            people.removeIf(m -> userIds.contains(m.userId()));
        }

        @Override
        public void rename(String conversationId, String newTitle) {
            calls.add("rename " + newTitle);
            title = newTitle;
        }

        @Override
        public void leave(String conversationId) {
            calls.add("leave");
        }
    };

    private final ContactVerifier verifier = new ContactVerifier() {
        @Override
        public SafetyInfo load(String userId) {
            calls.add("verification " + userId);
            return new SafetyInfo(userId, userId, "11111 22222", TrustState.KEY_CHANGED);
        }

        @Override
        public TrustState markVerified(String userId) {
            return TrustState.VERIFIED;
        }
    };

    private final ConversationInfoViewModel model = new ConversationInfoViewModel(
            source, "g1", executor, id -> new VerificationViewModel(verifier, id, executor), () -> left = true);

    @Test
    void showsTitleMarkingAndMembersAndTheSelectedMembersVerification() {
        model.load();
        assertThat(model.titleProperty().get()).isEqualTo("Lagezentrum");
        assertThat(model.classificationProperty().get()).isEqualTo(LABEL);
        assertThat(model.groupProperty().get()).isTrue();
        assertThat(model.members())
                .extracting(GroupInfo.MemberInfo::trust)
                .containsExactly(TrustState.VERIFIED, TrustState.KEY_CHANGED);
        assertThat(model.verificationProperty().get()).as("nobody selected").isNull();

        model.selectedProperty().set(model.members().get(1));
        VerificationViewModel pane = model.verificationProperty().get();
        assertThat(pane.userId()).isEqualTo("ben@bmi.example");
        assertThat(pane.safetyNumberProperty().get()).as("loaded at once").isEqualTo("11111 22222");
        long reads = calls.stream().filter("info"::equals).count();
        pane.markVerified();
        assertThat(calls.stream().filter("info"::equals).count())
                .as("the member list is read again after verifying")
                .isEqualTo(reads + 1);
        assertThat(model.verificationProperty().get()).as("the same pane stays").isSameAs(pane);
        model.selectedProperty().set(model.members().getFirst());
        assertThat(model.verificationProperty().get()).as("not for oneself").isNull();
    }

    @Test
    void addRemoveAndRenameGoThroughTheEngineAndShowTheNewMembers() {
        model.load();
        model.search().queryProperty().set("Be");
        model.search().searchNow();
        assertThat(model.search().results())
                .as("members are left out")
                .extracting(DirectoryUser::userId)
                .containsExactly("bernd@bmi.example");
        model.add(model.search().results().getFirst());
        assertThat(calls).contains("add [bernd@bmi.example]");
        assertThat(model.members()).extracting(GroupInfo.MemberInfo::userId).contains("bernd@bmi.example");
        assertThat(model.statusProperty().get()).isEqualTo(UiText.of("conversationinfo.added", "Bernd Wolf"));

        model.selectedProperty().set(model.members().get(1));
        model.removeSelected();
        assertThat(calls).contains("remove [ben@bmi.example]");
        assertThat(model.members()).extracting(GroupInfo.MemberInfo::userId).doesNotContain("ben@bmi.example");

        model.selectedProperty().set(model.members().getFirst());
        model.removeSelected();
        assertThat(calls).as("oneself is not removed: that is leaving").doesNotContain("remove [anna@bmi.example]");

        model.titleProperty().set(" ");
        model.rename();
        assertThat(model.errorProperty().get()).isEqualTo(UiText.of("conversationinfo.error.title"));
        model.titleProperty().set("Lagezentrum Nord");
        model.rename();
        assertThat(calls).contains("rename Lagezentrum Nord");
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void leavingAsksFirstThenLeavesAndGoesOn() {
        model.load();
        model.askLeave();
        assertThat(model.confirmingLeaveProperty().get()).isTrue();
        model.cancelLeave();
        assertThat(calls).doesNotContain("leave");
        model.askLeave();
        model.confirmLeave();
        assertThat(calls).contains("leave");
        assertThat(left).isTrue();
    }
}
