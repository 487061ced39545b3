package org.vermerk.bench.client;

import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * What this machine needs for a JavaFX window at all (the floor under issue 6's start and memory
 * targets): a window with a title line, a 200-row list and a text field — no store, no network, no
 * crypto. Prints the time from the JVM's start to its second frame and, 8 s later, its resident
 * memory, then exits. {@link FloorDriver} starts it with the client's own JVM options.
 */
public final class FloorWindow extends Application {
    static final String PREFIX = "floor ";

    /** A plain main class: JavaFX refuses to launch an Application subclass from the class path. */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            Application.launch(FloorWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        ListView<String> list = new ListView<>();
        for (int i = 0; i < 200; i++) {
            list.getItems().add("Nachricht " + i + " — ein kurzer Text, wie ihn eine Unterhaltung zeigt");
        }
        stage.setScene(new Scene(new BorderPane(list, new Label("Vermerk"), null, new TextField(), null), 1200, 800));
        stage.show();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return;
                }
                stop();
                Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
                System.out.println(PREFIX + "first-frame-ms "
                        + Duration.between(started, Instant.now()).toMillis());
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        Thread.sleep(8_000);
                        System.out.println(PREFIX + "rss-kib "
                                + ClientRun.status(ProcessHandle.current().pid(), "VmRSS"));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Platform.exit();
                });
            }
        }.start();
    }
}
