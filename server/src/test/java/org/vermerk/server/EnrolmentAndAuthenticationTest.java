package org.vermerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.DeviceKey;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/** Enrolment with one-time codes and authentication by challenge signature, over real TLS WebSockets. */
class EnrolmentAndAuthenticationTest {
    @TempDir
    Path data;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aCodeEnrolsADeviceOnceAndTheSecondUseIsRefusedAndClosed() throws Exception {
        String code = server.addUser("anna@bmi.example", "Anna Schmidt");
        try (TestClient first = server.connect();
                TestClient second = server.connect()) {
            ServerFrame.Enrolled enrolled = first.enrol("anna@bmi.example", code);
            assertThat(enrolled.deviceId()).isNotBlank();

            second.send(new ClientRequest.Enrol(
                    "e2",
                    "anna@bmi.example",
                    code,
                    "",
                    "ed25519",
                    second.key().publicKey(),
                    second.key().signChallenge(second.challenge())));

            assertThat(second.expect(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.ENROLMENT_FAILED);
            assertThat(second.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void anEnrolledDeviceAuthenticatesOnALaterConnectionBySigningTheFreshChallenge() throws Exception {
        TestClient enrolling = server.enrolledDevice("ben@bmi.example");
        enrolling.close();

        try (TestClient later = server.connect()) {
            assertThat(later.challenge()).isNotEqualTo(enrolling.challenge());
            ServerFrame.Authenticated authenticated = later.authenticate(enrolling.deviceId(), enrolling.key());

            assertThat(authenticated.userId()).isEqualTo("ben@bmi.example");
            assertThat(authenticated.ackedUpTo()).isZero();
        }
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedAndTheConnectionClosed() throws Exception {
        TestClient enrolling = server.enrolledDevice("ben@bmi.example");
        enrolling.close();

        try (TestClient impostor = server.connect()) {
            impostor.send(new ClientRequest.Authenticate(
                    "a1", enrolling.deviceId(), new DeviceKey().signChallenge(impostor.challenge())));

            ServerFrame.Error error = impostor.expect(ServerFrame.Error.class);
            assertThat(error.code()).isEqualTo(ErrorCode.AUTH_FAILED);
            assertThat(error.id()).isEqualTo("a1");
            assertThat(impostor.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aSignatureOverAnOldChallengeIsRefused() throws Exception {
        TestClient enrolling = server.enrolledDevice("ben@bmi.example");
        enrolling.close();

        try (TestClient replay = server.connect()) {
            replay.send(new ClientRequest.Authenticate(
                    "a1", enrolling.deviceId(), enrolling.key().signChallenge(enrolling.challenge())));

            assertThat(replay.expect(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.AUTH_FAILED);
            assertThat(replay.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aRequestBeforeAuthenticationIsRefusedAndTheConnectionClosed() throws Exception {
        try (TestClient anonymous = server.connect()) {
            anonymous.send(new ClientRequest.LookupUser("l1", "anna@bmi.example"));

            assertThat(anonymous.expect(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(anonymous.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void theDirectoryFindsUsersByIdAndNamePrefixAndListsTheirDevices() throws Exception {
        server.addUser("carla@bmi.example", "Carla Weber");
        server.addUser("carl@bmi.example", "Carl Meyer");
        try (TestClient anna = server.enrolledDevice("anna@bmi.example")) {
            ServerFrame.Users byId =
                    anna.request(new ClientRequest.LookupUser("l1", "carla@bmi.example"), ServerFrame.Users.class);
            ServerFrame.Users byPrefix =
                    anna.request(new ClientRequest.SearchUsers("s1", "carl", 10), ServerFrame.Users.class);
            ServerFrame.Devices devices =
                    anna.request(new ClientRequest.ListDevices("d1", "anna@bmi.example"), ServerFrame.Devices.class);

            assertThat(byId.users())
                    .extracting(ServerFrame.UserEntry::displayName)
                    .containsExactly("Carla Weber");
            assertThat(byPrefix.users())
                    .extracting(ServerFrame.UserEntry::userId)
                    .containsExactly("carl@bmi.example", "carla@bmi.example");
            assertThat(devices.devices()).singleElement().satisfies(device -> {
                assertThat(device.deviceId()).isEqualTo(anna.deviceId());
                assertThat(device.signatureKey()).isEqualTo(anna.key().publicKey());
            });
        }
    }
}
