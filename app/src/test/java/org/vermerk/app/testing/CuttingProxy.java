package org.vermerk.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy for tests: forwards every connection to a target port byte for byte (TLS
 * passes through untouched) and drops all current connections on {@link #cut()}, as a network
 * change or a NAT timeout would.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;

    /** Guarded by this: open socket pairs. */
    private final List<Socket> open = new ArrayList<>();

    private volatile boolean closed;

    public CuttingProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("proxy-accept").daemon().start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public java.net.URI url() {
        return java.net.URI.create("https://127.0.0.1:" + port());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
                synchronized (this) {
                    open.add(client);
                    open.add(server);
                }
                Thread.ofPlatform().daemon().start(() -> pump(client, server));
                Thread.ofPlatform().daemon().start(() -> pump(server, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Drops every connection now open (both sides see a reset or EOF). */
    public void cut() {
        List<Socket> sockets;
        synchronized (this) {
            sockets = new ArrayList<>(open);
            open.clear();
        }
        sockets.forEach(CuttingProxy::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        cut();
    }
}
