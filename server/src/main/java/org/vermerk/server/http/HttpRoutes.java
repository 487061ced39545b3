package org.vermerk.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.server.delivery.AttachmentTickets;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.ws.RequestGate;

/**
 * The plain HTTPS routes beside the WebSocket: {@code GET /health}, {@code POST /v1/attachments}
 * and {@code GET /v1/attachments/{id}}. Attachment routes need {@code Authorization: Bearer
 * <ticket>} from an {@code attachmentTicket} request. Blocking I/O on Jetty's pool threads.
 */
public final class HttpRoutes extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);
    private static final String ATTACHMENTS = "/v1/attachments";

    private final DeliveryStore store;
    private final AttachmentFiles files;
    private final AttachmentTickets tickets;
    private final RequestGate gate;
    private final long maxBytes;
    private final InstantSource clock;

    public HttpRoutes(
            DeliveryStore store,
            AttachmentFiles files,
            AttachmentTickets tickets,
            RequestGate gate,
            long maxBytes,
            InstantSource clock) {
        this.store = store;
        this.files = files;
        this.tickets = tickets;
        this.gate = gate;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals("/health") && method.equals("GET")) {
            health(response, callback);
        } else if (!gate.enter()) {
            json(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "{\"error\":\"shutting_down\"}");
        } else {
            try {
                if (path.equals(ATTACHMENTS) && method.equals("POST")) {
                    upload(request, response, callback);
                } else if (path.startsWith(ATTACHMENTS + "/") && method.equals("GET")) {
                    download(request, response, callback, path.substring(ATTACHMENTS.length() + 1));
                } else {
                    json(response, callback, HttpStatus.NOT_FOUND_404, "{\"error\":\"not_found\"}");
                }
            } finally {
                gate.exit();
            }
        }
        return true;
    }

    private void health(Response response, Callback callback) {
        boolean healthy = !gate.isClosed() && store.isHealthy();
        json(
                response,
                callback,
                healthy ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                "{\"status\":\"" + (healthy ? "ok" : "unavailable") + "\",\"time\":" + clock.millis() + "}");
    }

    private Optional<AttachmentTickets.Ticket> ticket(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return tickets.valid(header.substring("Bearer ".length()).trim());
    }

    private void upload(Request request, Response response, Callback callback) throws IOException {
        Optional<AttachmentTickets.Ticket> ticket = ticket(request);
        if (ticket.isEmpty()) {
            json(response, callback, HttpStatus.UNAUTHORIZED_401, "{\"error\":\"unauthorized\"}");
            return;
        }
        if (request.getLength() > maxBytes) {
            LOG.info(
                    "event=attachment_refused reason=too_large device={}",
                    ticket.get().deviceId());
            json(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "{\"error\":\"too_large\"}");
            return;
        }
        AttachmentFiles.Stored stored;
        try (InputStream in = Request.asInputStream(request)) {
            stored = files.store(in, maxBytes);
        } catch (AttachmentFiles.TooLarge e) {
            LOG.info(
                    "event=attachment_refused reason=too_large device={}",
                    ticket.get().deviceId());
            json(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "{\"error\":\"too_large\"}");
            return;
        }
        store.addAttachment(stored.id(), ticket.get().deviceId(), stored.size(), clock.instant());
        LOG.info("event=attachment_stored device={} size={}", ticket.get().deviceId(), stored.size());
        json(
                response,
                callback,
                HttpStatus.CREATED_201,
                "{\"attachmentId\":\"" + stored.id() + "\",\"size\":" + stored.size() + "}");
    }

    private void download(Request request, Response response, Callback callback, String id) throws IOException {
        if (ticket(request).isEmpty()) {
            json(response, callback, HttpStatus.UNAUTHORIZED_401, "{\"error\":\"unauthorized\"}");
            return;
        }
        Path file = files.file(id);
        if (file == null || !store.attachmentExists(id)) {
            json(response, callback, HttpStatus.NOT_FOUND_404, "{\"error\":\"not_found\"}");
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            Files.copy(file, out);
        }
        callback.succeeded();
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body, callback);
    }
}
