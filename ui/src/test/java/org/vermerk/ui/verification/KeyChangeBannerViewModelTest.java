package org.vermerk.ui.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;

/** The key-change banner's ViewModel: shows while a change waits, goes once acknowledged. */
class KeyChangeBannerViewModelTest {
    private final Map<String, List<KeyChanges.Changed>> waiting = new LinkedHashMap<>();
    private final List<String> acknowledged = new ArrayList<>();

    private final KeyChanges keyChanges = new KeyChanges() {
        @Override
        public List<Changed> unacknowledged(String conversationId) {
            return waiting.getOrDefault(conversationId, List.of()).stream()
                    .filter(c -> !acknowledged.contains(c.userId()))
                    .toList();
        }

        @Override
        public void acknowledge(String userId) {
            acknowledged.add(userId);
        }
    };

    @Test
    void hiddenWithoutAChangeShownWithTheNameAndGoneAfterAcknowledging() {
        KeyChangeBannerViewModel model = new KeyChangeBannerViewModel(keyChanges, new SameThreadExecutor());
        model.show("c1");
        assertThat(model.visibleProperty().get()).isFalse();

        waiting.put("c1", List.of(new KeyChanges.Changed("ben@bmi.example", "Ben Krüger")));
        model.refresh();
        assertThat(model.visibleProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("keychange.one", "Ben Krüger"));

        model.acknowledge();
        assertThat(acknowledged).containsExactly("ben@bmi.example");
        assertThat(model.visibleProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isNull();
    }

    @Test
    void twoChangedMembersAreNamedTogetherAndAnotherConversationShowsNothing() {
        waiting.put(
                "c1",
                List.of(
                        new KeyChanges.Changed("ben@bmi.example", "Ben Krüger"),
                        new KeyChanges.Changed("clara@bmi.example", "Clara Weiß")));
        KeyChangeBannerViewModel model = new KeyChangeBannerViewModel(keyChanges, new SameThreadExecutor());
        model.show("c1");
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("keychange.many", "Ben Krüger, Clara Weiß"));
        model.show("c2");
        assertThat(model.visibleProperty().get()).isFalse();
        model.acknowledge();
        assertThat(acknowledged).as("nothing to acknowledge here").isEmpty();
    }
}
