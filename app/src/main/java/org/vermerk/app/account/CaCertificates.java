package org.vermerk.app.account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** CA certificates as PEM text: read from the file given at enrolment, kept in the keystore's settings. */
public final class CaCertificates {
    private CaCertificates() {}

    /** The certificates in a PEM file (one or a bundle). */
    public static List<X509Certificate> read(Path file) throws AccountException {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new AccountException("cannot read the CA certificate file " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<X509Certificate> parse(String pem) throws AccountException {
        try {
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                result.add((X509Certificate) c);
            }
            if (result.isEmpty()) {
                throw new AccountException("no PEM certificate found (expected \"-----BEGIN CERTIFICATE-----\")");
            }
            return List.copyOf(result);
        } catch (CertificateException e) {
            throw new AccountException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate cannot be encoded", e);
            }
        }
        return out.toString();
    }
}
