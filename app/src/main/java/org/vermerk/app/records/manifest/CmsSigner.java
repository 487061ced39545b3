package org.vermerk.app.records.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.vermerk.app.records.Sha256;

/**
 * Makes {@code manifest.json.p7s}: a detached CMS SignedData (RFC 5652) over the manifest's bytes,
 * signed by the device key, with the signer's certificate included, the time of export as the
 * signing-time attribute and the certificate's SHA-256 as signing-certificate-v2 attribute (RFC
 * 5035). Ed25519 follows RFC 8419.
 */
public final class CmsSigner {
    /** One BouncyCastle provider for CMS, used directly and never registered process-wide. */
    static final Provider BC = new BouncyCastleProvider();

    private CmsSigner() {}

    /** The DER encoding of the detached signature over {@code content}. */
    public static byte[] signDetached(byte[] content, DeviceSigner signer, Instant signingTime) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(SignatureAlgorithms.forKey(signer.privateKey()))
                    .setProvider(BC)
                    .build(signer.privateKey());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            // RFC 5035 signing-certificate-v2: binds the included certificate (SHA-256 of its DER)
            // to the signature, so that no byte of the certificate can change unnoticed.
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(
                            Sha256.digest(signer.certificate().getEncoded()).toByteArray())))));
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(BC)
                            .build())
                    .setSignedAttributeGenerator(
                            new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(contentSigner, signer.certificate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return signed.getEncoded("DER");
        } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
            throw new IllegalStateException("cannot sign the manifest with the device key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
