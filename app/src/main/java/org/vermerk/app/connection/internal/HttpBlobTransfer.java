package org.vermerk.app.connection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.vermerk.app.connection.BlobStatusException;
import org.vermerk.app.connection.BlobTransfer;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.app.connection.TlsFailureException;

/**
 * {@link BlobTransfer} over the {@link Transport}'s OkHttp client (its TLS trust, proxy and
 * connection pool), with read and write timeouts of its own: the WebSocket's client reads without
 * one. Streams in 64 KiB pieces.
 */
public final class HttpBlobTransfer implements BlobTransfer {
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final int PIECE = 64 * 1024;
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    private final OkHttpClient client;
    private final HttpUrl base;

    public HttpBlobTransfer(Transport transport) {
        this.client = transport
                .client()
                .newBuilder()
                .readTimeout(IO_TIMEOUT)
                .writeTimeout(IO_TIMEOUT)
                .build();
        this.base = HttpUrl.get(transport.endpoint().serverUrl().toString())
                .newBuilder()
                .encodedPath("/v1/attachments")
                .build();
    }

    @Override
    public String upload(String token, Path blob, Progress progress) throws ConnectionException, InterruptedException {
        long total;
        try {
            total = Files.size(blob);
        } catch (IOException e) {
            throw new ConnectionException("the encrypted attachment cannot be read", e);
        }
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTETS;
            }

            @Override
            public long contentLength() {
                return total;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] piece = new byte[PIECE];
                long done = 0;
                try (InputStream in = Files.newInputStream(blob)) {
                    int read;
                    while ((read = in.read(piece)) != -1) {
                        sink.write(piece, 0, read);
                        done += read;
                        progress.transferred(done, total);
                    }
                }
            }
        };
        Request request = new Request.Builder()
                .url(base)
                .header("Authorization", "Bearer " + token)
                .post(body)
                .build();
        try (Response response = execute(request)) {
            if (response.code() != 201) {
                throw new BlobStatusException(response.code());
            }
            String json = response.body().string();
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            if (node == null || !node.path("attachmentId").isTextual()) {
                throw new ConnectionException("the server's upload answer names no attachment");
            }
            return node.get("attachmentId").asText();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void download(String token, String blobId, Path target, long maxBytes, Progress progress)
            throws ConnectionException, InterruptedException {
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment(blobId).build())
                .header("Authorization", "Bearer " + token)
                .get()
                .build();
        try (Response response = execute(request)) {
            if (response.code() != 200) {
                throw new BlobStatusException(response.code());
            }
            ResponseBody body = response.body();
            long total = body.contentLength();
            if (total > maxBytes) {
                throw new BlobStatusException(BlobStatusException.TOO_LARGE);
            }
            long expected = total < 0 ? maxBytes : total;
            try (InputStream in = body.byteStream();
                    OutputStream out = Files.newOutputStream(target)) {
                byte[] piece = new byte[PIECE];
                long done = 0;
                int read;
                while ((read = in.read(piece)) != -1) {
                    done += read;
                    if (done > maxBytes) {
                        throw new BlobStatusException(BlobStatusException.TOO_LARGE);
                    }
                    out.write(piece, 0, read);
                    progress.transferred(done, expected);
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private Response execute(Request request) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return client.newCall(request).execute();
    }

    private static ConnectionException failure(IOException e) throws InterruptedException {
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        if (e instanceof SSLException) {
            return new TlsFailureException("the server's certificate is not trusted", e);
        }
        return new ServerUnreachableException("the attachment transfer broke off", e);
    }
}
