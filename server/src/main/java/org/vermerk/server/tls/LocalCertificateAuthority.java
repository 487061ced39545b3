package org.vermerk.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * For trying the server out: a local certificate authority created in {@code DATA/tls/} on the
 * first start, and a server certificate it issues for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1}. Clients trust {@code ca.pem}. Both keys are ECDSA P-256 and written owner-only.
 * Production installations configure a certificate from the authority's own CA instead.
 */
public final class LocalCertificateAuthority {
    public static final String CA_CERTIFICATE = "ca.pem";
    static final String CA_KEY = "ca-key.pem";
    static final String SERVER_CERTIFICATE = "server.pem";
    static final String SERVER_KEY = "server-key.pem";

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private LocalCertificateAuthority() {}

    /** The directory's certificate and key files, created if absent. */
    public static TlsFiles ensure(Path tlsDirectory, SecureRandom random) throws IOException {
        Path serverCertificate = tlsDirectory.resolve(SERVER_CERTIFICATE);
        Path serverKey = tlsDirectory.resolve(SERVER_KEY);
        Path caCertificate = tlsDirectory.resolve(CA_CERTIFICATE);
        if (!Files.exists(serverCertificate) || !Files.exists(serverKey) || !Files.exists(caCertificate)) {
            Files.createDirectories(tlsDirectory);
            for (String name : List.of(CA_CERTIFICATE, CA_KEY, SERVER_CERTIFICATE, SERVER_KEY)) {
                Files.deleteIfExists(tlsDirectory.resolve(name));
            }
            create(tlsDirectory, random);
        }
        return new TlsFiles(serverCertificate, serverKey, caCertificate);
    }

    /** The files a TLS connector needs, and the CA certificate clients must trust (null if not ours). */
    public record TlsFiles(Path certificateChain, Path privateKey, Path caCertificate) {}

    private static void create(Path directory, SecureRandom random) throws IOException {
        try {
            Instant now = Instant.now();
            KeyPair caKeys = newKeyPair(random);
            X500Name caName = new X500Name("CN=Vermerk local CA, O=Vermerk test installation");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(
                            caName,
                            serial(random),
                            Date.from(now.minusSeconds(300)),
                            Date.from(now.plus(CA_VALIDITY)),
                            caName,
                            caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCertificate = sign(ca, caKeys);

            KeyPair serverKeys = newKeyPair(random);
            GeneralNames names = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(
                        GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress())
            });
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(
                            caCertificate,
                            serial(random),
                            Date.from(now.minusSeconds(300)),
                            Date.from(now.plus(SERVER_VALIDITY)),
                            new X500Name("CN=localhost"),
                            serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(caCertificate))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
            X509Certificate serverCertificate = sign(server, caKeys);

            Pem.writePrivateKey(directory.resolve(CA_KEY), caKeys.getPrivate());
            Pem.writePrivateKey(directory.resolve(SERVER_KEY), serverKeys.getPrivate());
            Pem.writeCertificates(directory.resolve(SERVER_CERTIFICATE), List.of(serverCertificate, caCertificate));
            Pem.writeCertificates(directory.resolve(CA_CERTIFICATE), List.of(caCertificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IOException("creating the local certificate authority failed", e);
        }
    }

    private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
