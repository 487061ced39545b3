package org.vermerk.app.records;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.vermerk.app.records.manifest.DeviceSigner;

/** Device keys with self-signed certificates, as the app will issue them (suite 1 and suite 2). */
public final class TestSigners {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestSigners() {}

    public static DeviceSigner ed25519(String subject) {
        return create("Ed25519", null, "Ed25519", subject);
    }

    public static DeviceSigner p256(String subject) {
        return create("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA", subject);
    }

    private static DeviceSigner create(String algorithm, ECGenParameterSpec spec, String signature, String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            }
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(now),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name,
                    keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .setProvider(BC)
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature)
                            .setProvider(BC)
                            .build(keys.getPrivate())));
            return new DeviceSigner(keys.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
