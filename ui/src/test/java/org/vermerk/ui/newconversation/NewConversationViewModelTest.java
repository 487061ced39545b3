package org.vermerk.ui.newconversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.conversation.ConversationException;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;

/** New conversation without the toolkit: search as you type, 1:1, group with title and marking. */
class NewConversationViewModelTest {
    private static final DirectoryUser ANNA = new DirectoryUser("anna@bmi.example", "Anna Schmidt");
    private static final DirectoryUser ANNETTE = new DirectoryUser("annette@bmi.example", "Annette Berger");
    private static final DirectoryUser BEN = new DirectoryUser("ben@bmi.example", "Ben Krüger");

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<String> opened = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private Exception failure;

    private final ConversationStarter starter = new ConversationStarter() {
        @Override
        public String ownUserId() {
            return ANNA.userId();
        }

        @Override
        public List<DirectoryUser> search(String prefix) {
            calls.add("search " + prefix);
            return List.of(ANNA, ANNETTE, BEN).stream()
                    .filter(u -> u.displayName().toLowerCase().startsWith(prefix.toLowerCase()))
                    .toList();
        }

        @Override
        public String direct(String userId) throws Exception {
            if (failure != null) {
                throw failure;
            }
            calls.add("direct " + userId);
            return "d1";
        }

        @Override
        public String createGroup(String title, String classification, List<String> userIds) {
            calls.add("group " + title + " | " + classification + " | " + userIds);
            return "g1";
        }
    };

    private final NewConversationViewModel model = new NewConversationViewModel(starter, executor, opened::add);

    @Test
    void typingAsksTheDirectoryAfterAPauseOnceAndLeavesOneselfOut() {
        model.search().queryProperty().set("A");
        model.search().queryProperty().set("An");
        assertThat(executor.scheduled()).hasSize(1);
        assertThat(executor.scheduled().getFirst().delay()).isEqualTo(DirectorySearch.PAUSE);
        assertThat(calls).as("not while typing").isEmpty();
        executor.runScheduled();
        assertThat(calls).containsExactly("search An");
        assertThat(model.search().results()).containsExactly(ANNETTE);

        model.search().queryProperty().set("Zz");
        executor.runScheduled();
        assertThat(model.search().results()).isEmpty();
        assertThat(model.search().statusProperty().get()).isEqualTo(UiText.of("people.search.none", "Zz"));
        model.search().queryProperty().set("");
        assertThat(model.search().statusProperty().get()).isNull();
        assertThat(executor.scheduled()).isEmpty();
    }

    @Test
    void choosingAPersonInOneToOneOpensTheConversation() {
        model.search().queryProperty().set("Ben");
        model.search().searchNow();
        model.choose(model.search().results().getFirst());
        assertThat(calls).contains("direct ben@bmi.example");
        assertThat(opened).containsExactly("d1");
    }

    @Test
    void aGroupNeedsATitleAndAMemberAndCarriesTheChosenMarking() {
        model.kindProperty().set(NewConversationViewModel.Kind.GROUP);
        model.create();
        assertThat(model.titleErrorProperty().get()).isEqualTo(UiText.of("newconversation.error.title"));
        assertThat(model.formErrorProperty().get()).isEqualTo(UiText.of("newconversation.error.members"));

        model.titleProperty().set("  Lagezentrum ");
        assertThat(model.titleErrorProperty().get()).isNull();
        model.search().queryProperty().set("B");
        model.search().searchNow();
        model.choose(BEN);
        assertThat(model.members()).containsExactly(BEN);
        assertThat(model.search().results())
                .as("a chosen person leaves the results")
                .isEmpty();
        model.choose(BEN);
        assertThat(model.members()).hasSize(1);
        model.classificationProperty().set(NewConversationViewModel.CLASSIFICATIONS.get(1));
        model.create();
        assertThat(calls).contains("group Lagezentrum | VS – NUR FÜR DEN DIENSTGEBRAUCH | [ben@bmi.example]");
        assertThat(opened).containsExactly("g1");
    }

    @Test
    void noMarkingIsNullAndAFailureStaysOnTheScreen() {
        model.kindProperty().set(NewConversationViewModel.Kind.GROUP);
        model.titleProperty().set("Kantine");
        model.choose(BEN);
        model.create();
        assertThat(calls).contains("group Kantine | null | [ben@bmi.example]");

        NewConversationViewModel direct = new NewConversationViewModel(starter, executor, opened::add);
        failure = new ConversationException("a 1:1 conversation needs another user");
        direct.choose(BEN);
        assertThat(direct.formErrorProperty().get())
                .isEqualTo(UiText.of("people.error.conversation", "a 1:1 conversation needs another user"));
        assertThat(direct.busyProperty().get()).isFalse();
        direct.create();
        assertThat(direct.formErrorProperty().get()).isEqualTo(UiText.of("newconversation.error.pickPerson"));
    }
}
