package org.vermerk.ui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene as PNG into {@code target/screenshots/} (FX thread). */
public final class Screenshots {
    public static final Path DIRECTORY = Path.of("target", "screenshots");

    /** The README's screenshots: the repository's docs/screenshots (tests run in the module's directory). */
    public static final Path DOCS = Path.of("..", "docs", "screenshots");

    /**
     * Only when asked ({@code -Dvermerk.screenshots.docs=true}): every run would otherwise leave
     * changed PNGs in the working tree (the chat shows the time of day).
     */
    private static final boolean UPDATE_DOCS = Boolean.getBoolean("vermerk.screenshots.docs");

    private Screenshots() {}

    public static Path save(Scene scene, String name) {
        return save(scene, name, DIRECTORY);
    }

    /** Writes into {@link #DOCS} too, for the README, when {@code vermerk.screenshots.docs} is set. */
    public static Path saveForDocs(Scene scene, String name) {
        if (UPDATE_DOCS && Files.isDirectory(DOCS)) {
            save(scene, name, DOCS);
        }
        return save(scene, name, DIRECTORY);
    }

    private static Path save(Scene scene, String name, Path directory) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
