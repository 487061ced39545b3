package org.vermerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.FakeMls;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/**
 * A canary string sent as (fake, opaque) MLS payload and KeyPackage bytes never appears in a log
 * line, in clear or as base64; and the enrolment code appears neither in the log nor anywhere in
 * the data directory (only its hash is stored). The server's storage holds the payload as the
 * client sent it, which in real use is ciphertext: this test does not claim more.
 *
 * <p>Surefire sends all logging of this module's tests to {@code target/server-tests.log} (see
 * server/pom.xml), with the server's packages at DEBUG.
 */
class LogCanaryTest {
    private static final String CANARY = "CANARY-7f3a9c-must-never-be-logged";
    private static final Bytes GROUP = Bytes.of("canary-group".getBytes());

    @TempDir
    Path data;

    @Test
    void payloadsAndEnrolmentCodesNeverReachTheLogAndCodesNeverReachTheDataDirectory() throws Exception {
        String code;
        try (TestServer server = new TestServer(data)) {
            code = server.addUser("anna@bmi.example", "Anna");
            try (TestClient anna = server.connect();
                    TestClient ben = server.enrolledDevice("ben@bmi.example")) {
                anna.enrol("anna@bmi.example", code);
                ben.request(
                        new ClientRequest.UploadKeyPackages("u", List.of(FakeMls.keyPackage(CANARY)), null),
                        ServerFrame.KeyPackagesStored.class);
                anna.request(
                        new ClientRequest.ClaimKeyPackages("c", "ben@bmi.example"),
                        ServerFrame.KeyPackagesClaimed.class);
                anna.request(new ClientRequest.CreateGroup("g", GROUP), ServerFrame.GroupCreated.class);
                anna.request(
                        new ClientRequest.SendCommit(
                                "s",
                                GROUP,
                                0,
                                "c1",
                                FakeMls.commit(GROUP, 0, CANARY),
                                FakeMls.welcome(CANARY),
                                List.of(ben.deviceId()),
                                List.of()),
                        ServerFrame.Accepted.class);
                anna.request(
                        new ClientRequest.SendMessage("m", GROUP, 1, "m1", FakeMls.application(GROUP, 1, CANARY)),
                        ServerFrame.Accepted.class);
                anna.sendRaw("{\"type\":\"sendMessage\",\"id\":\"bad\",\"epoch\":\"" + CANARY + "\"}");
                anna.expect(ServerFrame.Error.class);
                assertThat(ben.nextDelivery().message().toString()).isNotEmpty();
            }
        }

        String log = Files.readString(Path.of("target", "server-tests.log"), StandardCharsets.UTF_8);
        assertThat(log)
                .as("the server logged its exchange")
                .contains("event=appended")
                .contains("event=enrolled");
        for (String forbidden : List.of(
                CANARY,
                Base64.getEncoder().encodeToString(CANARY.getBytes()).substring(0, 20),
                code,
                code.replace("-", ""))) {
            assertThat(log).as("the log").doesNotContain(forbidden);
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
            }
        }
    }
}
