package org.vermerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/** Malformed and unknown frames, frame size, message rate, connections per device, auth timeout. */
class LimitsTest {
    @TempDir
    Path data;

    private TestServer server;

    private void start(ServerConfig.Limits limits) throws Exception {
        server = new TestServer(data, config -> config.withLimits(limits));
    }

    private static ServerConfig.Limits limits(
            int maxFrame, double perSecond, int burst, int connections, Duration auth) {
        return new ServerConfig.Limits(maxFrame, perSecond, burst, connections, auth, Duration.ofMinutes(1), 1024);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void malformedJsonAndAnUnknownTypeGetTypedErrorsAndTheConnectionStaysOpen() throws Exception {
        start(limits(64 * 1024, 100, 100, 4, Duration.ofSeconds(30)));
        try (TestClient anna = server.enrolledDevice("anna@bmi.example")) {
            anna.sendRaw("{this is not json");
            assertThat(anna.expect(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.MALFORMED);
            anna.sendRaw("{\"type\":\"selfDestruct\",\"id\":\"x9\"}");
            ServerFrame.Error unknown = anna.expect(ServerFrame.Error.class);
            assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
            assertThat(unknown.id()).isEqualTo("x9");

            assertThat(anna.request(new ClientRequest.Ping("p1"), ServerFrame.Pong.class)
                            .id())
                    .isEqualTo("p1");
            assertThat(anna.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameLargerThanTheLimitClosesTheConnection() throws Exception {
        start(limits(4 * 1024, 100, 100, 4, Duration.ofSeconds(30)));
        try (TestClient anna = server.enrolledDevice("anna@bmi.example")) {
            anna.sendRaw("{\"type\":\"ping\",\"id\":\"" + "x".repeat(8 * 1024) + "\"}");

            assertThat(anna.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void framesBeyondTheRateGetRateLimitedErrorsAndPersistentFloodingClosesTheConnection() throws Exception {
        start(limits(64 * 1024, 0.001, 3, 4, Duration.ofSeconds(30)));
        try (TestClient anna = server.connect()) {
            for (int i = 0; i < 3; i++) {
                anna.request(new ClientRequest.Ping("p" + i), ServerFrame.Pong.class);
            }
            anna.send(new ClientRequest.Ping("over"));
            ServerFrame.Error limited = anna.expect(ServerFrame.Error.class);
            assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(limited.retryAfterMs()).isPositive();

            // The server closes at the third strike; a flood frame after that may be refused by the closing socket.
            for (int i = 0; i < 3 && !anna.isClosed(); i++) {
                anna.offer(new ClientRequest.Ping("flood" + i));
            }
            assertThat(anna.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aDeviceBeyondItsConnectionLimitIsRefused() throws Exception {
        start(limits(64 * 1024, 100, 100, 1, Duration.ofSeconds(30)));
        try (TestClient first = server.enrolledDevice("anna@bmi.example");
                TestClient second = server.connect()) {
            second.send(new ClientRequest.Authenticate(
                    "a", first.deviceId(), first.key().signChallenge(second.challenge())));

            assertThat(second.expect(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
            assertThat(second.awaitClose()).isEqualTo(1008);
            assertThat(first.request(new ClientRequest.Ping("p"), ServerFrame.Pong.class))
                    .isNotNull();
        }
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosed() throws Exception {
        start(limits(64 * 1024, 100, 100, 4, Duration.ofMillis(300)));
        try (TestClient idle = server.connect()) {
            assertThat(idle.awaitClose()).isEqualTo(1008);
        }
    }
}
