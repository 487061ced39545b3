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

    /** Guarded by this: open socket pairs (client side, then server side). */
    private final List<Socket> open = new ArrayList<>();

    private volatile boolean closed;

    /** Set by {@link #swallowNextAnswer()}: counted down when the next server bytes were dropped. */
    private volatile java.util.concurrent.CountDownLatch swallow;

    /** While true, new connections are closed at once (the network is still down). */
    private volatile boolean refusing;

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
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
                synchronized (this) {
                    open.add(client);
                    open.add(server);
                }
                Thread.ofPlatform().daemon().start(() -> pump(client, server, false));
                Thread.ofPlatform().daemon().start(() -> pump(server, client, true));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                java.util.concurrent.CountDownLatch armed = fromServer ? swallow : null;
                if (armed != null) {
                    // the server's next bytes (an answer) never reach the client: the network fails now
                    swallow = null;
                    cut();
                    armed.countDown();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            forget(from, to);
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

    /**
     * Drops the next bytes any server side sends, cuts every connection there and then, and refuses
     * new connections until {@link #acceptAgain()}: an answer the server sent is lost with the
     * network. The latch is counted down once that happened.
     */
    public java.util.concurrent.CountDownLatch swallowNextAnswer() {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        refusing = true;
        swallow = latch;
        return latch;
    }

    /** Takes new connections again after {@link #swallowNextAnswer()}. */
    public void acceptAgain() {
        refusing = false;
    }

    /** Removes a closed pair (both sockets at once, so the list stays in pairs). */
    private synchronized void forget(Socket a, Socket b) {
        int i = open.indexOf(a);
        if (i >= 0 && (i ^ 1) < open.size() && open.get(i ^ 1) == b) {
            int first = i & ~1;
            open.subList(first, first + 2).clear();
        }
    }

    /** How many proxied connections are open now. */
    public synchronized int openConnections() {
        return open.size() / 2;
    }

    /**
     * Drops one open connection chosen by {@code random} (both of its sockets); returns false when
     * none was open.
     */
    public boolean cutOne(java.util.Random random) {
        List<Socket> pair;
        synchronized (this) {
            if (open.isEmpty()) {
                return false;
            }
            int first = 2 * random.nextInt(open.size() / 2);
            pair = new ArrayList<>(open.subList(first, first + 2));
            open.subList(first, first + 2).clear();
        }
        pair.forEach(CuttingProxy::closeQuietly);
        return true;
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
