package org.vermerk.app.connection.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Trust for the server's TLS certificate: exactly the given CA certificates (PKIX path validation
 * to one of them, host name checked by OkHttp), or the platform's trust store when none are given.
 */
final class TlsTrust {
    private TlsTrust() {}

    static void apply(OkHttpClient.Builder builder, List<X509Certificate> trustedCas) {
        if (trustedCas.isEmpty()) {
            return;
        }
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            for (int i = 0; i < trustedCas.size(); i++) {
                anchors.setCertificateEntry("ca" + i, trustedCas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            X509TrustManager trustManager = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    trustManager = x509;
                }
            }
            if (trustManager == null) {
                throw new IllegalStateException("the JDK offers no X.509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
            builder.sslSocketFactory(context.getSocketFactory(), trustManager);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS trust for the given CA certificates", e);
        }
    }
}
