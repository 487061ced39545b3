package org.vermerk.app.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.Requests;
import org.vermerk.keystore.DeviceIdentity;
import org.vermerk.keystore.KeyPackageEntry;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.keypackage.KeyPackageFactory;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * Keeps this device's KeyPackages on the server (RFC 9420 §10, RFC 9750 §5.2): others claim one to
 * add the device to a group. A refill makes fresh KeyPackages with {@link KeyPackageFactory}, stores
 * each one's private keys in the keystore <em>before</em> uploading it (a KeyPackage the server hands
 * out must always be usable here), and uploads them in batches of at most {@value #BATCH}, with a
 * last-resort KeyPackage when the server has none. If an upload fails, the stored keys of the
 * batch stay unused; that costs space, not safety.
 *
 * <p>Blocking (key generation, keystore writes, network): never call it on a connection's event
 * thread. Not thread-safe; the account runs one refill at a time.
 */
public final class KeyPackageStock {
    private static final Logger LOG = LoggerFactory.getLogger(KeyPackageStock.class);

    /** KeyPackages per upload (the server takes up to 200). */
    static final int BATCH = 100;

    private final Keystore keystore;
    private final CipherSuite suite;
    private final DeviceIdentity identity;
    private final KeyPackageFactory factory;
    private final int target;
    private final int threshold;

    KeyPackageStock(
            Keystore keystore, CipherSuite suite, DeviceIdentity identity, int target, int threshold, Clock clock) {
        this.keystore = keystore;
        this.suite = suite;
        this.identity = identity;
        this.factory = new KeyPackageFactory(suite, clock);
        this.target = target;
        this.threshold = threshold;
    }

    /** Whether a server stock of {@code stock} one-time KeyPackages calls for a refill. */
    public boolean isLow(int stock) {
        return stock < threshold;
    }

    /**
     * Uploads {@code target - stock} new one-time KeyPackages, and a last-resort one unless the
     * server has one. Returns the server's last answer, or null when nothing was needed.
     */
    public ServerFrame.KeyPackagesStored refill(Requests server, int stock, boolean hasLastResort)
            throws KeystoreException, CryptoException, ConnectionException, InterruptedException {
        int missing = Math.max(0, target - stock);
        ServerFrame.KeyPackagesStored answer = null;
        boolean lastResortNeeded = !hasLastResort;
        while (missing > 0 || lastResortNeeded) {
            int count = Math.min(BATCH, missing);
            List<Bytes> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                batch.add(createAndStore(false));
            }
            Bytes lastResort = lastResortNeeded ? createAndStore(true) : null;
            answer = server.await(
                    id -> new ClientRequest.UploadKeyPackages(id, batch, lastResort),
                    ServerFrame.KeyPackagesStored.class);
            missing -= count;
            lastResortNeeded = false;
        }
        if (answer != null) {
            LOG.info("event=key_packages_uploaded stock={} lastResort={}", answer.stock(), answer.hasLastResort());
        }
        return answer;
    }

    /** Makes one KeyPackage, stores it and its private keys, and returns it as an MLSMessage. */
    private Bytes createAndStore(boolean lastResort) throws CryptoException, KeystoreException {
        NewKeyPackage created = factory.create(
                new BasicCredential(Bytes.of(identity.userId().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                new KeyPair(identity.signaturePrivateKey(), identity.signaturePublicKey()));
        try {
            keystore.identity()
                    .addKeyPackage(new KeyPackageEntry(
                            created.ref().value(),
                            Bytes.of(created.keyPackage().encoded()),
                            KeyPackageSecrets.encode(created.privateKeys()),
                            lastResort));
        } finally {
            created.privateKeys().destroy();
        }
        return Bytes.of(new MlsMessage.OfKeyPackage(created.keyPackage()).encoded());
    }

    CipherSuite suite() {
        return suite;
    }
}
