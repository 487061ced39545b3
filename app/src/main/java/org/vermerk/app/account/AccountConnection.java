package org.vermerk.app.account;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.Connection;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.outbox.OutboxPump;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * An account's lasting {@link Connection} with the account's own duties wired in: after each
 * authentication and on {@code keyPackagesLow} it refills the KeyPackage stock when it is below the
 * threshold (one refill at a time, on a worker thread), and after each authentication it wakes the
 * {@link OutboxPump}. The caller's listener sees every event as well, on the same event thread.
 *
 * <p>Why refills cannot double up: the stock is tracked from the events in arrival order; a notice
 * that arrives while a refill runs is ignored, and the refill's answer (which comes after every
 * notice the server sent before it) sets the stock.
 */
public final class AccountConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(AccountConnection.class);

    private final Account account;
    private final ConnectionListener listener;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("vermerk-account-worker").daemon().factory());
    private final OutboxPump outbox;

    private final Object lock = new Object();

    /** Guarded by lock: the server's one-time KeyPackage count as last heard. */
    private int knownStock = Integer.MAX_VALUE;

    /** Guarded by lock. */
    private boolean lastResortOnServer;

    /** Guarded by lock. */
    private boolean refilling;

    private AccountConnection(Account account, ConnectionListener listener, OutboxPump.Rejections rejections) {
        this.account = account;
        this.listener = listener;
        this.outbox = new OutboxPump(account.keystore(), this, account.options().clock(), rejections);
    }

    static AccountConnection start(Account account, ConnectionListener listener, OutboxPump.Rejections rejections) {
        AccountConnection wired = new AccountConnection(account, listener, rejections);
        wired.connection.complete(account.connector()
                .connect(
                        DeviceHandshakes.authenticate(
                                account.deviceId(),
                                account.suite(),
                                account.identity().signaturePrivateKey()),
                        new InboxCursor(account.keystore()),
                        wired.new Events()));
        return wired;
    }

    private final class Events implements ConnectionListener {
        @Override
        public void onStateChanged(ConnectionState state) {
            if (state instanceof ConnectionState.Online online) {
                synchronized (lock) {
                    knownStock = online.keyPackageStock();
                }
                maybeRefill();
                outbox.wake();
            }
            listener.onStateChanged(state);
        }

        @Override
        public void onDelivery(ServerFrame.Deliver delivery) {
            listener.onDelivery(delivery);
        }

        @Override
        public void onKeyPackagesLow(ServerFrame.KeyPackagesLow notice) {
            synchronized (lock) {
                knownStock = notice.stock();
                lastResortOnServer = notice.hasLastResort();
            }
            maybeRefill();
            listener.onKeyPackagesLow(notice);
        }
    }

    private void maybeRefill() {
        int stock;
        boolean lastResort;
        synchronized (lock) {
            if (refilling || !account.keyPackages().isLow(knownStock)) {
                return;
            }
            refilling = true;
            stock = knownStock;
            lastResort = lastResortOnServer;
        }
        worker.execute(() -> {
            ServerFrame.KeyPackagesStored stored = null;
            try {
                stored = account.keyPackages().refill(this, stock, lastResort);
            } catch (ConnectionException | KeystoreException | CryptoException e) {
                LOG.warn(
                        "event=key_package_refill_failed error={}", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (lock) {
                    refilling = false;
                    if (stored != null) {
                        knownStock = stored.stock();
                        lastResortOnServer = stored.hasLastResort();
                    }
                }
            }
        });
    }

    /** The pump that sends the outbox; wake it after enqueueing. */
    public OutboxPump outbox() {
        return outbox;
    }

    @Override
    public ConnectionState state() {
        return connection.join().state();
    }

    @Override
    public <T extends ServerFrame> CompletableFuture<T> call(Function<String, ClientRequest> request, Class<T> answer) {
        return connection.join().call(request, answer);
    }

    @Override
    public void acknowledge(long seq) {
        connection.join().acknowledge(seq);
    }

    /** Closes the connection and waits (up to 5 s) for a running refill to stop; then the account may close. */
    @Override
    public void close() {
        outbox.close();
        connection.join().close();
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
