package org.vermerk.app.account;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.Connector;
import org.vermerk.app.connection.ServerEndpoint;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.app.connection.Session;
import org.vermerk.app.outbox.OutboxPump;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.Settings;
import org.vermerk.app.policy.SettingsStoreException;
import org.vermerk.keystore.DeviceIdentity;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Passphrase;
import org.vermerk.keystore.StoreNotFoundException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;
import org.vermerk.protocol.group.SigningIdentity;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * This device's account: its unlocked keystore, its identity (user ID, device ID, MLS signature
 * key) and its server. Made by {@link #enrol} (new device) or {@link #unlock} (existing one).
 *
 * <p>Stored at enrolment: the {@link DeviceIdentity} (user, device, cipher suite, Basic credential,
 * signature key pair) and, in the keystore's settings, {@value #SERVER_URL_KEY} and — when the user
 * gave one — {@value #CA_CERTIFICATES_KEY} (PEM).
 *
 * <p>Thread-safe (the keystore serialises its work). {@link #close()} closes the keystore and the
 * connector; close connections made with {@link #connect} first.
 */
public final class Account implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Account.class);

    public static final String SERVER_URL_KEY = "account.serverUrl";
    public static final String CA_CERTIFICATES_KEY = "account.caCertificates";

    private final ClientHome home;
    private final Keystore keystore;
    private final DeviceIdentity identity;
    private final CipherSuite suite;
    private final Connector connector;
    private final AccountOptions options;
    private final KeyPackageStock keyPackages;

    private Account(
            ClientHome home,
            Keystore keystore,
            DeviceIdentity identity,
            CipherSuite suite,
            ServerEndpoint endpoint,
            AccountOptions options) {
        this.home = home;
        this.keystore = keystore;
        this.identity = identity;
        this.suite = suite;
        this.options = options;
        this.connector = new Connector(endpoint, options.connection());
        this.keyPackages = new KeyPackageStock(
                keystore, suite, identity, options.keyPackageTarget(), options.keyPackageThreshold(), options.clock());
    }

    /** What enrolment needs besides the passphrase. */
    /** {@code userId} null: the user the code was made for. */
    public record Enrolment(ServerEndpoint endpoint, String userId, String code, String deviceName) {}

    /**
     * Enrols this machine as a new device: creates the keystore in {@code home} with the
     * passphrase, makes a signature key pair for the policy's cipher suite, connects, answers the
     * challenge with {@code enrol}, stores the identity and server, and uploads KeyPackages. When
     * enrolment fails the new keystore is removed again, so the command can be repeated (with a new
     * code if the server took the old one).
     *
     * @throws EnrolmentRefusedException the server refused the code or the key
     * @throws org.vermerk.keystore.StoreAlreadyExistsException {@code home} has an account already
     */
    public static Account enrol(
            ClientHome home,
            Passphrase passphrase,
            Enrolment enrolment,
            EffectiveSettings settings,
            AccountOptions options)
            throws KeystoreException, ConnectionException, AccountException, InterruptedException {
        int suiteId = settings.value(Settings.CIPHER_SUITE).id();
        CipherSuite suite;
        try {
            suite = CipherSuites.byId(suiteId, options.keystore().random());
        } catch (UnsupportedCipherSuiteException e) {
            throw new AccountException("cipher suite " + suiteId + " is not available", e);
        }
        Keystore keystore = Keystore.create(home.store(), passphrase, options.keystore());
        boolean done = false;
        try {
            KeyPair signature = suite.generateSignatureKeyPair();
            ServerFrame.Enrolled enrolled;
            Account account;
            try (Connector connector = new Connector(enrolment.endpoint(), options.connection());
                    Session session = connector.open(DeviceHandshakes.enrol(
                            enrolment.userId(),
                            enrolment.code(),
                            enrolment.deviceName(),
                            suite,
                            signature.privateKey(),
                            signature.publicKey()))) {
                enrolled = (ServerFrame.Enrolled) session.handshakeAnswer();
                DeviceIdentity identity = new DeviceIdentity(
                        enrolled.userId(),
                        enrolled.deviceId(),
                        suite.id(),
                        Bytes.of(new BasicCredential(Bytes.of(enrolled.userId().getBytes(StandardCharsets.UTF_8)))
                                .encoded()),
                        signature.publicKey(),
                        signature.privateKey(),
                        options.clock().instant());
                keystore.identity().saveDeviceIdentity(identity);
                keystore.settings()
                        .put(SERVER_URL_KEY, enrolment.endpoint().serverUrl().toString());
                List<X509Certificate> pinned = settings.value(Settings.PINNED_CA_CERTIFICATES);
                if (pinned.isEmpty() && !enrolment.endpoint().trustedCas().isEmpty()) {
                    keystore.settings()
                            .put(
                                    CA_CERTIFICATES_KEY,
                                    CaCertificates.toPem(enrolment.endpoint().trustedCas()));
                }
                account = new Account(home, keystore, identity, suite, enrolment.endpoint(), options);
                done = true;
                LOG.info("event=enrolled user={} device={}", enrolled.userId(), enrolled.deviceId());
                try {
                    account.keyPackages.refill(session, 0, false);
                } catch (ConnectionException | CryptoException e) {
                    LOG.warn("event=key_package_upload_failed error={}", e.toString());
                }
            } catch (ServerErrorException e) {
                if (e.code() == ErrorCode.ENROLMENT_FAILED) {
                    throw new EnrolmentRefusedException(
                            "enrolment refused: the code is unknown, used, expired or for another user", e);
                }
                throw e;
            }
            return account;
        } finally {
            if (!done) {
                keystore.close();
                deleteStore(home.store());
            }
        }
    }

    /**
     * Opens the account in {@code home} with its passphrase.
     *
     * @throws NotEnrolledException no account there, or its enrolment never finished
     * @throws org.vermerk.keystore.WrongPassphraseException the passphrase does not open it
     */
    public static Account unlock(
            ClientHome home, Passphrase passphrase, EffectiveSettings settings, AccountOptions options)
            throws KeystoreException, AccountException {
        Keystore keystore;
        try {
            keystore = Keystore.open(home.store(), passphrase, options.keystore());
        } catch (StoreNotFoundException e) {
            throw new NotEnrolledException("no account in " + home + ": enrol this device first");
        }
        try {
            DeviceIdentity identity = keystore.identity()
                    .deviceIdentity()
                    .orElseThrow(() -> new NotEnrolledException(
                            "the account in " + home + " has no device identity (enrolment did not finish);"
                                    + " remove " + home.store() + " and enrol again"));
            URI url = URI.create(keystore.settings()
                    .get(SERVER_URL_KEY)
                    .orElseThrow(() -> new NotEnrolledException("the account in " + home + " has no server address")));
            Optional<String> pem = keystore.settings().get(CA_CERTIFICATES_KEY);
            List<X509Certificate> cas = pem.isPresent() ? CaCertificates.parse(pem.get()) : List.of();
            ServerEndpoint endpoint = ServerSettings.forEnrolled(settings, url, cas);
            CipherSuite suite =
                    CipherSuites.byId(identity.cipherSuite(), options.keystore().random());
            return new Account(home, keystore, identity, suite, endpoint, options);
        } catch (AccountException | KeystoreException | RuntimeException e) {
            keystore.close();
            throw e;
        } catch (UnsupportedCipherSuiteException e) {
            keystore.close();
            throw new AccountException("the device's cipher suite is not available", e);
        }
    }

    public ClientHome home() {
        return home;
    }

    public String userId() {
        return identity.userId();
    }

    public String deviceId() {
        return identity.deviceId();
    }

    public int cipherSuite() {
        return identity.cipherSuite();
    }

    public ServerEndpoint endpoint() {
        return connector.endpoint();
    }

    public Keystore keystore() {
        return keystore;
    }

    /**
     * The user's own settings and the client's preferences kept in this account's store (read
     * from it on each call: keep the result while the account is open).
     *
     * @param preferences the names of the client preferences to read ({@code fontSize}, ...)
     */
    public StoredUserSettings userSettings(java.util.Collection<String> preferences) throws SettingsStoreException {
        try {
            return StoredUserSettings.load(keystore.settings(), preferences);
        } catch (KeystoreException e) {
            throw new SettingsStoreException("the user's settings could not be read from the store", e);
        }
    }

    public KeyPackageStock keyPackages() {
        return keyPackages;
    }

    /** The fingerprint of this device's signature key, as {@link Device#fingerprint()} shows it. */
    public String fingerprint() {
        return new Device(deviceId(), "", DeviceHandshakes.signatureScheme(suite), identity.signaturePublicKey(), true)
                .fingerprint();
    }

    /** One authenticated socket, for short jobs; see {@link Session}. */
    public Session openSession() throws ConnectionException, InterruptedException {
        return connector.open(DeviceHandshakes.authenticate(deviceId(), suite, identity.signaturePrivateKey()));
    }

    /** This user's enrolled devices, this one marked. */
    public List<Device> devices() throws ConnectionException, InterruptedException {
        try (Session session = openSession()) {
            ServerFrame.Devices answer =
                    session.await(id -> new ClientRequest.ListDevices(id, userId()), ServerFrame.Devices.class);
            return answer.devices().stream()
                    .map(d -> new Device(
                            d.deviceId(),
                            d.deviceName(),
                            d.signatureScheme(),
                            d.signatureKey(),
                            d.deviceId().equals(deviceId())))
                    .toList();
        }
    }

    /**
     * The lasting connection of this device: it authenticates on every connect, keeps the
     * KeyPackage stock filled and sends the outbox. See {@link AccountConnection}.
     */
    public AccountConnection connect(ConnectionListener listener) {
        return AccountConnection.start(this, listener, OutboxPump.Rejections.LOG_ONLY);
    }

    /** {@link #connect(ConnectionListener)}, with the outbox's refusals told to {@code rejections}. */
    public AccountConnection connect(ConnectionListener listener, OutboxPump.Rejections rejections) {
        return AccountConnection.start(this, listener, rejections);
    }

    /** This device's MLS identity: its basic credential and signature key pair. */
    public SigningIdentity signingIdentity() {
        return new SigningIdentity(
                new BasicCredential(Bytes.of(identity.userId().getBytes(StandardCharsets.UTF_8))),
                new KeyPair(identity.signaturePrivateKey(), identity.signaturePublicKey()));
    }

    /** The MLS cipher suite of this device. */
    public CipherSuite mlsCipherSuite() {
        return suite;
    }

    /** The clock the account runs with. */
    public java.time.Clock clock() {
        return options.clock();
    }

    /** The server's attachment routes (HTTPS, same trust and proxy as the connection). */
    public org.vermerk.app.connection.BlobTransfer blobTransfer() {
        return connector.blobTransfer();
    }

    Connector connector() {
        return connector;
    }

    CipherSuite suite() {
        return suite;
    }

    DeviceIdentity identity() {
        return identity;
    }

    AccountOptions options() {
        return options;
    }

    @Override
    public void close() {
        connector.close();
        keystore.close();
    }

    private static void deleteStore(Path store) {
        if (!Files.exists(store)) {
            return;
        }
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("event=store_cleanup_failed error={}", e.getClass().getSimpleName());
        }
    }
}
