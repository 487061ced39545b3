package org.vermerk.app.account;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.vermerk.app.connection.ServerEndpoint;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.EffectiveValue;
import org.vermerk.app.policy.SettingSource;
import org.vermerk.app.policy.Settings;

/**
 * Which server and which CA a device uses, from what the user gave at enrolment and the admin
 * policy (ADR 0006): a locked {@code serverUrl} must not be contradicted; {@code
 * pinnedCaCertificates} from the policy, when set, replace any CA the user gives; without either
 * the operating system's trust store is used.
 */
public final class ServerSettings {
    private ServerSettings() {}

    /** The endpoint to enrol with. */
    public static ServerEndpoint forEnrolment(
            EffectiveSettings settings, Optional<URI> givenUrl, List<X509Certificate> givenCas)
            throws AccountException {
        EffectiveValue<URI> policyUrl = settings.get(Settings.SERVER_URL);
        URI url;
        if (givenUrl.isPresent()) {
            url = ServerEndpoint.fromTyped(givenUrl.get());
            if (policyUrl.source() == SettingSource.POLICY_LOCKED
                    && policyUrl.value().isPresent()
                    && !sameServer(policyUrl.value().get(), url)) {
                throw new AccountException("the admin policy locks the server to "
                        + policyUrl.value().get() + "; leave out --server or give that address");
            }
        } else {
            url = policyUrl.value().orElseThrow(() -> new AccountException("no server address: give --server URL"));
        }
        List<X509Certificate> pinned = settings.value(Settings.PINNED_CA_CERTIFICATES);
        if (!pinned.isEmpty() && !givenCas.isEmpty()) {
            throw new AccountException("the admin policy pins the server's CA certificates; leave out --ca");
        }
        return endpoint(url, pinned.isEmpty() ? givenCas : pinned, settings);
    }

    /** The endpoint of an enrolled device: the address and CA stored at enrolment, the policy's pins first. */
    static ServerEndpoint forEnrolled(EffectiveSettings settings, URI storedUrl, List<X509Certificate> storedCas)
            throws AccountException {
        EffectiveValue<URI> policyUrl = settings.get(Settings.SERVER_URL);
        if (policyUrl.source() == SettingSource.POLICY_LOCKED
                && policyUrl.value().isPresent()
                && !sameServer(policyUrl.value().get(), storedUrl)) {
            throw new AccountException("this device is enrolled with " + storedUrl + " but the admin policy locks the"
                    + " server to " + policyUrl.value().get() + "; enrol again with that server");
        }
        List<X509Certificate> pinned = settings.value(Settings.PINNED_CA_CERTIFICATES);
        return endpoint(storedUrl, pinned.isEmpty() ? storedCas : pinned, settings);
    }

    private static ServerEndpoint endpoint(URI url, List<X509Certificate> cas, EffectiveSettings settings)
            throws AccountException {
        try {
            return new ServerEndpoint(url, cas, settings.value(Settings.PROXY));
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage(), e);
        }
    }

    private static boolean sameServer(URI a, URI b) {
        return a.normalize()
                .toString()
                .replaceAll("/+$", "")
                .equalsIgnoreCase(b.normalize().toString().replaceAll("/+$", ""));
    }
}
