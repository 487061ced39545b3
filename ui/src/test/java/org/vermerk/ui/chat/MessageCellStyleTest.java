package org.vermerk.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vermerk.ui.core.FxTaskExecutor;

/**
 * The bubble's looks per row come from pseudo-classes in theme.css ({@code .message-bubble:own}),
 * set as cells are refilled (ADR 0031): an own message gets the own background, a received one
 * the surface's, also after the same cells have shown the other kind while scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class MessageCellStyleTest {
    private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private ChatView view;

    @Start
    void start(Stage stage) {
        view = LongChat.of(60, 2, 60).show(stage, executor, 500, 400, true);
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void ownAndReceivedBubblesLookDifferentAlsoAfterTheCellsWereReused() throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> view.list().getItems().size() > 50);
        WaitForAsyncUtils.waitForFxEvents();
        assertOwnBubblesDiffer();
        // Scrolling refills the same cells with rows of the other kind.
        WaitForAsyncUtils.asyncFx(() -> view.list().scrollTo(0)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertOwnBubblesDiffer();
    }

    private void assertOwnBubblesDiffer() throws Exception {
        List<String> wrong = WaitForAsyncUtils.asyncFx(() -> {
                    List<String> problems = new java.util.ArrayList<>();
                    int own = 0;
                    int received = 0;
                    for (Node node : view.list().lookupAll(".message-bubble")) {
                        if (!shown(node) || !(node instanceof Region bubble)) {
                            continue;
                        }
                        String text = bubble.lookup(".message-text") instanceof Label l ? l.getText() : "";
                        if (text.isEmpty() || bubble.getBackground() == null) {
                            continue;
                        }
                        boolean fromAnna = Integer.parseInt(text.substring("Nachricht ".length())) % 2 == 0;
                        Color fill = (Color)
                                bubble.getBackground().getFills().getFirst().getFill();
                        boolean ownLook = fill.equals(Color.web("#dbe7f3"));
                        if (fromAnna) {
                            own++;
                        } else {
                            received++;
                        }
                        if (bubble.getPseudoClassStates().contains(OWN) != fromAnna || ownLook != fromAnna) {
                            problems.add(text + " own=" + fromAnna + " fill=" + fill);
                        }
                    }
                    if (own == 0 || received == 0) {
                        problems.add("shown: " + own + " own, " + received + " received");
                    }
                    return problems;
                })
                .get(10, TimeUnit.SECONDS);
        assertThat(wrong).as("bubbles whose look does not say who sent them").isEmpty();
    }

    /** Whether the node and all its parents are visible (the list keeps unused cells hidden). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
