package org.vermerk.app.records.manifest;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The {@link DeviceSigner} of an enrolled device: its MLS signature key (raw, as RFC 9420 encodes
 * it) as a JCA key, with a self-signed certificate for it, until the authority's CA issues device
 * certificates. The certificate is made anew for each export; the key, which a records officer can
 * compare ({@code records verify --expect-key}), stays the device's.
 */
public final class DeviceSigners {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private DeviceSigners() {}

    /**
     * @param cipherSuite the device's MLS cipher suite: 1 (Ed25519) or 2 (ECDSA P-256)
     * @param rawPrivateKey the signature private key as MLS stores it; not kept
     * @param userId the user, named in the certificate
     * @param deviceId the device, named in the certificate
     * @param now the start of the certificate's validity
     */
    public static DeviceSigner selfSigned(
            int cipherSuite, byte[] rawPrivateKey, String userId, String deviceId, Instant now) {
        try {
            AsymmetricKeyParameter privateParameters;
            AsymmetricKeyParameter publicParameters;
            String algorithm;
            switch (cipherSuite) {
                case 1 -> {
                    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(rawPrivateKey);
                    privateParameters = key;
                    publicParameters = key.generatePublicKey();
                    algorithm = "Ed25519";
                }
                case 2 -> {
                    X9ECParameters curve = ECNamedCurveTable.getByName("secp256r1");
                    ECNamedDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve);
                    BigInteger d = new BigInteger(1, rawPrivateKey);
                    privateParameters = new ECPrivateKeyParameters(d, domain);
                    // d is secret: BouncyCastle's fixed-point comb, not ECPoint.multiply (wNAF,
                    // whose running time follows the scalar); ADR 0026.
                    publicParameters = new ECPublicKeyParameters(
                            new FixedPointCombMultiplier()
                                    .multiply(domain.getG(), d)
                                    .normalize(),
                            domain);
                    algorithm = "EC";
                }
                default -> throw new IllegalArgumentException("no device signer for cipher suite " + cipherSuite);
            }
            KeyFactory keys = KeyFactory.getInstance(algorithm);
            PrivateKey privateKey = keys.generatePrivate(
                    new PKCS8EncodedKeySpec(PrivateKeyInfoFactory.createPrivateKeyInfo(privateParameters)
                            .getEncoded()));
            PublicKey publicKey = keys.generatePublic(
                    new X509EncodedKeySpec(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters)
                            .getEncoded()));
            var name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "Vermerk device " + userId + "/" + deviceId)
                    .build();
            Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(from),
                    Date.from(from.plus(3651, ChronoUnit.DAYS)),
                    name,
                    publicKey);
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .setProvider(BC)
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SignatureAlgorithms.forKey(privateKey))
                            .setProvider(BC)
                            .build(privateKey)));
            return new DeviceSigner(privateKey, certificate);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the device's signing key cannot be used for records exports", e);
        }
    }
}
