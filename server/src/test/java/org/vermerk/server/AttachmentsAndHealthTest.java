package org.vermerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.testing.TestClient;
import org.vermerk.server.testing.TestServer;

/** Attachment blobs over HTTPS with a ticket from the WebSocket, the size limit, and the health endpoint. */
class AttachmentsAndHealthTest {
    private static final MediaType BLOB = MediaType.get("application/octet-stream");

    @TempDir
    Path data;

    private TestServer server;
    private TestClient anna;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(
                data,
                config -> config.withLimits(new ServerConfig.Limits(
                        64 * 1024, 100, 100, 4, Duration.ofSeconds(30), Duration.ofMinutes(1), 1000)));
        anna = server.enrolledDevice("anna@bmi.example");
    }

    @AfterEach
    void stop() throws Exception {
        anna.close();
        server.close();
    }

    private String ticket() throws InterruptedException {
        return anna.request(new ClientRequest.AttachmentTicket("t"), ServerFrame.AttachmentTicketIssued.class)
                .token();
    }

    private Response post(String token, byte[] body) throws Exception {
        Request.Builder request = new Request.Builder()
                .url(server.server().baseUri() + "/v1/attachments")
                .post(RequestBody.create(body, BLOB));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.http().newCall(request.build()).execute();
    }

    private Response get(String token, String id) throws Exception {
        Request.Builder request = new Request.Builder().url(server.server().baseUri() + "/v1/attachments/" + id);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.http().newCall(request.build()).execute();
    }

    @Test
    void anUploadedBlobDownloadsUnchangedWithAValidTicket() throws Exception {
        String token = ticket();
        byte[] blob = "encrypted bytes".getBytes();
        String id;
        try (Response upload = post(token, blob)) {
            assertThat(upload.code()).isEqualTo(201);
            id = upload.body().string().replaceAll(".*\"attachmentId\":\"([0-9a-f]+)\".*", "$1");
        }

        try (Response download = get(token, id)) {
            assertThat(download.code()).isEqualTo(200);
            assertThat(download.body().bytes()).isEqualTo(blob);
        }
    }

    @Test
    void withoutATicketUploadAndDownloadAreUnauthorized() throws Exception {
        try (Response upload = post(null, new byte[] {1});
                Response wrong = post("not-a-ticket", new byte[] {1});
                Response download = get(null, "0".repeat(32))) {
            assertThat(upload.code()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo(401);
            assertThat(download.code()).isEqualTo(401);
        }
    }

    @Test
    void aBlobOverTheSizeLimitIsRefused() throws Exception {
        try (Response upload = post(ticket(), new byte[1001])) {
            assertThat(upload.code()).isEqualTo(413);
        }
    }

    @Test
    void anUnknownAttachmentIsNotFound() throws Exception {
        try (Response download = get(ticket(), "0".repeat(32))) {
            assertThat(download.code()).isEqualTo(404);
        }
    }

    @Test
    void theHealthEndpointReportsOk() throws Exception {
        try (Response health = server.http()
                .newCall(new Request.Builder()
                        .url(server.server().baseUri() + "/health")
                        .build())
                .execute()) {
            assertThat(health.code()).isEqualTo(200);
            assertThat(health.body().string()).contains("\"status\":\"ok\"");
        }
    }
}
