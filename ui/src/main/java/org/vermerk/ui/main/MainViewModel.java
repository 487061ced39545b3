package org.vermerk.ui.main;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.vermerk.app.connection.Connection;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * The main window after unlock: who is signed in and the state of the lasting connection to the
 * server, as the engine reports it. The conversation list and the chat view join here when the
 * conversation engine exists; until then the window shows the true empty state.
 *
 * <p>Threading: the connection reports on its event thread; every change is moved to the UI
 * thread through the executor before a property changes. FX thread only otherwise.
 */
public final class MainViewModel {
    /** The connection's state as the window shows it; the key names the text, the class the dot. */
    public enum Status {
        CONNECTING("connecting"),
        ONLINE("online"),
        RECONNECTING("reconnecting"),
        OFFLINE("offline");

        private final String styleClass;

        Status(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String userId;
    private final Function<ConnectionListener, Connection> connect;
    private final TaskExecutor executor;
    private final ZoneId zone;

    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.CONNECTING);
    private final ObjectProperty<UiText> statusText = new SimpleObjectProperty<>(UiText.of("connection.connecting"));

    /** The connection once started; null before {@link #start()} and after {@link #stop()}. */
    private Connection connection;

    /**
     * @param connect opens the account's lasting connection ({@code Account::connect})
     */
    public MainViewModel(
            String userId, Function<ConnectionListener, Connection> connect, TaskExecutor executor, ZoneId zone) {
        this.userId = userId;
        this.connect = connect;
        this.executor = executor;
        this.zone = zone;
    }

    public String userId() {
        return userId;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<UiText> statusTextProperty() {
        return statusText;
    }

    /** Opens the connection; its states appear in {@link #statusProperty()}. */
    public void start() {
        if (connection != null) {
            return;
        }
        connection = connect.apply(new ConnectionListener() {
            @Override
            public void onStateChanged(ConnectionState state) {
                executor.runOnUiThread(() -> show(state));
            }
        });
    }

    /** Closes the connection (waits briefly for the engine's worker); idempotent. */
    public void stop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    void show(ConnectionState state) {
        switch (state) {
            case ConnectionState.Connecting c -> {
                status.set(Status.CONNECTING);
                statusText.set(UiText.of("connection.connecting"));
            }
            case ConnectionState.Online o -> {
                status.set(Status.ONLINE);
                statusText.set(UiText.of("connection.online"));
            }
            case ConnectionState.Reconnecting r -> {
                status.set(Status.RECONNECTING);
                statusText.set(UiText.of(
                        "connection.reconnecting",
                        r.attempt(),
                        TIME.format(r.nextRetry().atZone(zone))));
            }
            case ConnectionState.Offline o -> {
                status.set(Status.OFFLINE);
                statusText.set(
                        o.cause().isPresent() ? UiText.of("connection.refused") : UiText.of("connection.offline"));
            }
        }
    }
}
