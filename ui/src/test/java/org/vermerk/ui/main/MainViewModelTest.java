package org.vermerk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vermerk.app.connection.Connection;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;

/** The connection indicator follows the engine's states. */
class MainViewModelTest {
    private ConnectionListener listener;
    private boolean closed;

    private final Connection connection = new Connection() {
        @Override
        public ConnectionState state() {
            return new ConnectionState.Connecting(0);
        }

        @Override
        public void acknowledge(long seq) {}

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public <T extends ServerFrame> CompletableFuture<T> call(
                Function<String, ClientRequest> request, Class<T> answer) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }
    };

    private final MainViewModel model = new MainViewModel(
            "anna@bmi.example",
            l -> {
                listener = l;
                return connection;
            },
            new SameThreadExecutor(),
            ZoneOffset.UTC);

    @Test
    void statesAppearAsTheEngineReportsThemAndStopClosesTheConnection() {
        assertThat(model.statusProperty().get()).isEqualTo(MainViewModel.Status.CONNECTING);
        model.start();
        listener.onStateChanged(new ConnectionState.Online("anna@bmi.example", "d1", 6));
        assertThat(model.statusProperty().get()).isEqualTo(MainViewModel.Status.ONLINE);
        assertThat(model.statusTextProperty().get()).isEqualTo(UiText.of("connection.online"));

        listener.onStateChanged(new ConnectionState.Reconnecting(
                2, Instant.parse("2026-11-27T08:15:30Z"), new ServerUnreachableException("gone", null)));
        assertThat(model.statusProperty().get()).isEqualTo(MainViewModel.Status.RECONNECTING);
        assertThat(model.statusTextProperty().get()).isEqualTo(UiText.of("connection.reconnecting", 2, "08:15:30"));

        listener.onStateChanged(new ConnectionState.Offline(Optional.of(new ServerUnreachableException("x", null))));
        assertThat(model.statusTextProperty().get()).isEqualTo(UiText.of("connection.refused"));

        model.stop();
        assertThat(closed).isTrue();
        model.stop();
    }
}
