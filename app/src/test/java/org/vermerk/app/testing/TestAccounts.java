package org.vermerk.app.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.account.ServerSettings;
import org.vermerk.app.connection.ConnectionOptions;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.UserSettingsSource;
import org.vermerk.keystore.Argon2Params;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.keystore.Passphrase;

/** Accounts for tests: cheap key derivation, short timeouts and backoff, few KeyPackages. */
public final class TestAccounts {
    public static final String PASSPHRASE = "correct horse battery staple";

    private TestAccounts() {}

    public static EffectiveSettings noPolicy() {
        return EffectiveSettings.resolve(
                AdminPolicy.none(Path.of("/nonexistent/policy.json")), UserSettingsSource.NONE);
    }

    public static AccountOptions options() {
        return AccountOptions.defaults()
                .withKeystore(KeystoreOptions.defaults().withKdf(new Argon2Params(512, 1, 1)))
                .withConnection(ConnectionOptions.defaults()
                        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .withKeyPackages(6, 4);
    }

    public static Passphrase passphrase() {
        return Passphrase.of(PASSPHRASE.toCharArray());
    }

    public static Account enrol(LoopbackServer server, Path home, String userId, String code) throws Exception {
        return enrolVia(server, server.url(), home, userId, code);
    }

    /** Enrols at {@code url} (a proxy in front of {@code server}), trusting the server's CA. */
    public static Account enrolVia(LoopbackServer server, java.net.URI url, Path home, String userId, String code)
            throws Exception {
        return Account.enrol(
                new ClientHome(home),
                passphrase(),
                new Account.Enrolment(
                        ServerSettings.forEnrolment(noPolicy(), Optional.of(url), server.ca()),
                        userId,
                        code,
                        "test device"),
                noPolicy(),
                options());
    }
}
