package org.vermerk.ui.core;

import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.MapChangeListener;
import javafx.scene.Scene;

/**
 * The one stylesheet ({@code theme.css}) and what it depends on: the root font size, from which
 * every size in the sheet follows ({@code em}), and high contrast — taken from the system where it
 * tells (Windows' high-contrast setting, a GTK high-contrast theme) or forced with {@code
 * -Dvermerk.highContrast=true}. The user scales the font with Ctrl+Plus, Ctrl+Minus and Ctrl+0.
 */
public final class Theme {
    public static final int DEFAULT_FONT_SIZE = 14;
    public static final int MIN_FONT_SIZE = 10;
    public static final int MAX_FONT_SIZE = 28;
    public static final String HIGH_CONTRAST_CLASS = "high-contrast";
    private static final String WINDOWS_HIGH_CONTRAST = "Windows.SPI.HighContrast";
    private static final String GTK_THEME = "GTK.theme_name";

    private final IntegerProperty fontSize = new SimpleIntegerProperty(DEFAULT_FONT_SIZE);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(systemHighContrast());

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public void larger() {
        fontSize.set(Math.min(MAX_FONT_SIZE, fontSize.get() + 2));
    }

    public void smaller() {
        fontSize.set(Math.max(MIN_FONT_SIZE, fontSize.get() - 2));
    }

    public void resetFontSize() {
        fontSize.set(DEFAULT_FONT_SIZE);
    }

    /** Adds the sheet to {@code scene} and keeps its root's font size and contrast class current. */
    public void apply(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("theme.css").toExternalForm());
        Runnable update = () -> {
            if (scene.getRoot() == null) {
                return;
            }
            scene.getRoot().setStyle("-fx-font-size: " + fontSize.get() + "px;");
            if (highContrast.get()) {
                if (!scene.getRoot().getStyleClass().contains(HIGH_CONTRAST_CLASS)) {
                    scene.getRoot().getStyleClass().add(HIGH_CONTRAST_CLASS);
                }
            } else {
                scene.getRoot().getStyleClass().remove(HIGH_CONTRAST_CLASS);
            }
        };
        fontSize.addListener((o, a, b) -> update.run());
        highContrast.addListener((o, a, b) -> update.run());
        scene.rootProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    /**
     * Follows the system's setting while the client runs (the preferences map is updated when the
     * operating system reports a change); {@code -Dvermerk.highContrast=true} keeps it on.
     */
    public void followSystem() {
        try {
            Platform.Preferences preferences = Platform.getPreferences();
            preferences.addListener((MapChangeListener<String, Object>) change -> {
                if (change.getKey().equals(WINDOWS_HIGH_CONTRAST)
                        || change.getKey().equals(GTK_THEME)) {
                    highContrast.set(systemHighContrast());
                }
            });
        } catch (IllegalStateException notStarted) {
            // No toolkit (ViewModel tests): nothing to follow.
        }
    }

    private static boolean systemHighContrast() {
        if (Boolean.getBoolean("vermerk.highContrast")) {
            return true;
        }
        try {
            return highContrastIn(Platform.getPreferences());
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }

    /** Whether the platform preferences ask for high contrast: Windows' switch or a GTK high-contrast theme. */
    static boolean highContrastIn(Map<String, Object> preferences) {
        if (Boolean.TRUE.equals(preferences.get(WINDOWS_HIGH_CONTRAST))) {
            return true;
        }
        return preferences.get(GTK_THEME) instanceof String name
                && name.toLowerCase(Locale.ROOT).replace("-", "").contains("highcontrast");
    }
}
