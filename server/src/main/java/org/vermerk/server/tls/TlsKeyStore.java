package org.vermerk.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server's certificate chain and key as an in-memory key store for the TLS connector; nothing
 * is written to disk. The password only satisfies the KeyStore API.
 */
public record TlsKeyStore(KeyStore keyStore, String password) {
    public static final String ALIAS = "server";

    public static TlsKeyStore load(Path certificateChain, Path privateKey, String password) throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(certificateChain);
        PrivateKey key = Pem.readPrivateKey(privateKey);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(X509Certificate[]::new));
            return new TlsKeyStore(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS key and certificate cannot be combined", e);
        }
    }
}
