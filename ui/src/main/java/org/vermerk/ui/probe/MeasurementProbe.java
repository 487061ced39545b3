package org.vermerk.ui.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.vermerk.ui.chat.ChatRow;
import org.vermerk.ui.main.ConversationItem;

/**
 * The desktop client's measurement hook for {@code bench}'s {@code ClientStartDriver}
 * (docs/benchmarks.md, "Desktop client: start, memory and frame pacing"). Off unless the system
 * property {@value #CONVERSATION} is set; then it acts as a user at the keyboard would, through the
 * scene graph only: types the passphrase read from standard input into the unlock screen, waits for
 * the conversation list, opens the named conversation, and scrolls it from the newest message to
 * the oldest one viewport per frame. It reports on standard output, one line per event, each
 * beginning with {@value #PREFIX}: the wall-clock time of the first pulse after the unlock screen,
 * the conversation list and the chat were shown, and every frame interval while scrolling. After
 * the report it waits for the line {@code exit} on standard input and closes the window, so the
 * driver can read the process's memory first.
 *
 * <p>The passphrase travels only through the pipe to standard input; nothing it reads is printed.
 * FX thread only, except the reader thread, which hands each line to the FX thread.
 */
public final class MeasurementProbe {
    /** The conversation to open and scroll; setting it turns the probe on. */
    public static final String CONVERSATION = "vermerk.measure.conversation";

    /** The ID of that conversation's oldest message: scrolling ends when its row is at the top. */
    public static final String OLDEST = "vermerk.measure.oldest";

    /** Every line of the report begins with this. */
    public static final String PREFIX = "vermerk-measure";

    private enum Phase {
        UNLOCK,
        UNLOCKING,
        LIST,
        CHAT,
        SCROLL,
        DONE
    }

    private final Stage stage;
    private final String conversationId;
    private final String oldestId;
    private final PrintStream out;

    /** Where the flow stands; FX thread only. */
    private Phase phase = Phase.UNLOCK;

    /** The passphrase once read, until it is typed; FX thread only. */
    private String passphrase;

    /** Frame intervals in microseconds while scrolling, and the bookkeeping for them; FX thread only. */
    private final StringBuilder intervals = new StringBuilder();

    private long lastPulse;
    private long scrollStart;
    private int frames;
    private int waitingFrames;

    /**
     * The oldest message that has been the first one on screen so far, and its time. Progress is
     * measured by it, not by the list's pixel position: when the window is full, a page coming in
     * above drops one below and the position can stay the same although the chat moved on.
     */
    private String topId;

    private java.time.Instant topSentAt;

    /** When an older message last came to the top (pulse time, ns); after {@link #STALL_NANOS} without one the scroll ends. */
    private long lastMove;

    /** A page read takes milliseconds, seconds on a loaded machine; thirty seconds without an older message means none is coming. */
    private static final long STALL_NANOS = 30_000_000_000L;

    private MeasurementProbe(Stage stage, String conversationId, String oldestId, PrintStream out) {
        this.stage = stage;
        this.conversationId = conversationId;
        this.oldestId = oldestId;
        this.out = out;
    }

    /** Installs the probe on the client's window when {@value #CONVERSATION} is set. FX thread. */
    public static void installIfRequested(Stage stage) {
        String conversation = System.getProperty(CONVERSATION);
        if (conversation == null || conversation.isBlank()) {
            return;
        }
        String oldest = Objects.requireNonNull(System.getProperty(OLDEST), OLDEST + " must name the oldest message");
        new MeasurementProbe(stage, conversation, oldest, System.out).install();
    }

    private void install() {
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(this::pulse);
        Thread reader = new Thread(() -> readInput(line -> Platform.runLater(() -> input(line))), "measure-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private static void readInput(Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // The driver went away; the window stays until closed by hand.
        }
    }

    /** The first line is the passphrase; {@code exit} after the report closes the window. */
    private void input(String line) {
        if (passphrase == null && phase.compareTo(Phase.UNLOCKING) <= 0 && !"exit".equals(line)) {
            passphrase = line;
            typePassphrase();
        } else if ("exit".equals(line)) {
            stage.close();
        }
    }

    /** After layout in every pulse: move on when what the current phase waits for is on screen. */
    private void pulse() {
        Scene scene = stage.getScene();
        switch (phase) {
            case UNLOCK -> {
                if (scene.lookup("#passphrase") instanceof PasswordField) {
                    report("unlock-shown");
                    phase = Phase.UNLOCKING;
                    typePassphrase();
                }
            }
            case LIST -> {
                if (scene.lookup("#conversations") instanceof ListView<?> list) {
                    for (Object item : list.getItems()) {
                        if (item instanceof ConversationItem c && c.id().equals(conversationId)) {
                            report(
                                    "list-shown",
                                    "conversations=" + list.getItems().size(),
                                    "unread=" + c.unread());
                            phase = Phase.CHAT;
                            select(list, item);
                            return;
                        }
                    }
                }
            }
            case CHAT -> {
                VirtualFlow<?> flow = chatFlow(scene);
                if (flow != null && flow.getLastVisibleCell() != null) {
                    report("chat-shown");
                    phase = Phase.SCROLL;
                    startScrolling();
                }
            }
            default -> {
                // UNLOCKING waits for the passphrase, SCROLL runs on its timer, DONE waits for exit.
            }
        }
    }

    private void typePassphrase() {
        if (phase != Phase.UNLOCKING || passphrase == null) {
            return;
        }
        Scene scene = stage.getScene();
        if (scene.lookup("#passphrase") instanceof PasswordField field && scene.lookup("#unlock") instanceof Button b) {
            field.setText(passphrase);
            passphrase = null;
            report("unlock-submitted");
            phase = Phase.LIST;
            b.fire();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void select(ListView<T> list, Object item) {
        list.getSelectionModel().select((T) item);
    }

    /** One viewport up per frame, as holding Page Up would, until the oldest message is at the top. */
    private void startScrolling() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastPulse == 0) {
                    scrollStart = now;
                } else {
                    intervals.append(intervals.isEmpty() ? "" : ",").append((now - lastPulse) / 1_000);
                    frames++;
                }
                lastPulse = now;
                VirtualFlow<?> flow = chatFlow(stage.getScene());
                if (flow == null) {
                    return;
                }
                ChatRow.MessageRow top = topMessage(flow);
                if (top != null && top.id().equals(oldestId)) {
                    topId = top.id();
                    topSentAt = top.sentAt();
                    stop();
                    finish(now, false);
                    return;
                }
                if (top != null && (topSentAt == null || top.sentAt().isBefore(topSentAt))) {
                    topId = top.id();
                    topSentAt = top.sentAt();
                    lastMove = now;
                } else {
                    waitingFrames++; // no older message came to the top: waiting for a page
                    if (lastMove != 0 && now - lastMove > STALL_NANOS) {
                        stop();
                        finish(now, true);
                        return;
                    }
                }
                flow.scrollPixels(-flow.getHeight());
            }
        }.start();
    }

    /** The first message on screen (the row under a day separator when that is first); null when none. */
    private static ChatRow.MessageRow topMessage(VirtualFlow<?> flow) {
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return null;
        }
        for (int i = first.getIndex(); i <= last.getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.getItem() instanceof ChatRow.MessageRow row) {
                return row;
            }
        }
        return null;
    }

    /** @param stalled the oldest message was not reached: the list stopped at the top of its window */
    private void finish(long now, boolean stalled) {
        phase = Phase.DONE;
        String top = topSentAt == null ? "?" : topSentAt.toString();
        report(
                "scrolled",
                "frames=" + frames,
                "waiting=" + waitingFrames,
                "ms=" + (now - scrollStart) / 1_000_000,
                "stalled=" + stalled,
                "top-sent-at=" + top,
                "top-oldest=" + oldestId.equals(topId));
        out.println(PREFIX + " intervals-us " + intervals);
        out.flush();
    }

    private static VirtualFlow<?> chatFlow(Scene scene) {
        if (scene.lookup("#messageList") instanceof ListView<?> list
                && !list.getItems().isEmpty()) {
            Node flow = list.lookup(".virtual-flow");
            return flow instanceof VirtualFlow<?> f ? f : null;
        }
        return null;
    }

    private void report(String event, String... details) {
        StringBuilder line = new StringBuilder(PREFIX)
                .append(' ')
                .append(event)
                .append(" epoch-us=")
                .append(epochMicros());
        for (String d : details) {
            line.append(' ').append(d);
        }
        out.println(line);
        out.flush();
    }

    private static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
