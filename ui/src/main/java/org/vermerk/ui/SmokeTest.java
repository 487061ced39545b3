package org.vermerk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.vermerk.ui.core.FxTaskExecutor;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.shell.ClientFlow;

/**
 * {@code vermerk --smoke-test}: IT's rollout check. Starts the toolkit, opens the client's first
 * window exactly as an official would see it, waits until it has been laid out and rendered once,
 * optionally keeps that rendering as a PNG, closes everything and reports. It needs no server: the
 * first window is first start or unlock, and neither connects before the user acts.
 */
public final class SmokeTest {
    /** What happened; {@code failure} is empty when the first window was shown and rendered. */
    public record Outcome(Optional<String> failure, int width, int height, String title) {
        public boolean passed() {
            return failure.isEmpty();
        }

        static Outcome failed(String reason) {
            return new Outcome(Optional.of(reason), 0, 0, "");
        }
    }

    private SmokeTest() {}

    /**
     * Runs the check; never throws for a failure of the window (that is the outcome), only for
     * interruption. The toolkit is started here and exited before returning.
     */
    public static Outcome run(VermerkClient.Options options, Optional<Path> screenshot, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(options);
        Objects.requireNonNull(screenshot);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        TaskExecutor executor = new FxTaskExecutor();
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> openAndRender(options, screenshot, executor, outcome));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // No display, no native libraries: JavaFX says why in its message.
            return Outcome.failed("JavaFX could not start: " + describe(e));
        }
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Outcome.failed("the first window was not rendered within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Outcome.failed("the first window failed: " + describe(e.getCause()));
        } finally {
            executor.shutdown();
            Platform.exit();
        }
    }

    /** FX thread: open the window, then render it once on the next pulse and close it. */
    private static void openAndRender(
            VermerkClient.Options options,
            Optional<Path> screenshot,
            TaskExecutor executor,
            CompletableFuture<Outcome> outcome) {
        Stage stage = new Stage();
        ClientFlow flow;
        try {
            flow = VermerkClient.open(stage, options, executor);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            return;
        }
        // After show() the scene is laid out on the next pulse; a snapshot then renders it in full.
        Platform.runLater(() -> {
            try {
                outcome.complete(render(stage, screenshot));
            } catch (RuntimeException | IOException e) {
                outcome.completeExceptionally(e);
            } finally {
                flow.close();
                stage.close();
            }
        });
    }

    private static Outcome render(Stage stage, Optional<Path> screenshot) throws IOException {
        Scene scene = stage.getScene();
        if (!stage.isShowing() || scene == null || scene.getRoot() == null) {
            return Outcome.failed("the first window did not open");
        }
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (width == 0 || height == 0) {
            return Outcome.failed("the first window rendered empty");
        }
        if (screenshot.isPresent()) {
            writePng(image, screenshot.get());
        }
        return new Outcome(Optional.empty(), width, height, stage.getTitle());
    }

    private static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer in this runtime");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
