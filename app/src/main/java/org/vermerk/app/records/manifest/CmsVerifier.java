package org.vermerk.app.records.manifest;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.vermerk.app.records.Sha256;

/** Checks a detached CMS signature made by {@link CmsSigner}. */
public final class CmsVerifier {
    private CmsVerifier() {}

    /** The outcome: the signer when the signature is valid, otherwise why not. */
    public sealed interface Result {
        record Valid(SignerIdentity signer) implements Result {}

        record Invalid(String reason, Optional<SignerIdentity> claimedSigner) implements Result {}
    }

    /**
     * Verifies that {@code signature} is a CMS SignedData with exactly one signer whose certificate
     * is included and whose signature covers {@code content}. A self-signed certificate (the device
     * certificates of today) must also carry a valid signature of its own, so that no byte of the
     * signature file can change unnoticed; a CA-issued certificate is reported, its chain is the
     * records officer's to check.
     */
    public static Result verifyDetached(byte[] content, byte[] signature) {
        try {
            return check(content, signature);
        } catch (RuntimeException e) {
            return new Result.Invalid("the signature file is malformed (" + e.getMessage() + ")", Optional.empty());
        }
    }

    private static Result check(byte[] content, byte[] signature) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        } catch (CMSException | RuntimeException e) {
            return new Result.Invalid("the signature file is not a CMS SignedData structure", Optional.empty());
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return new Result.Invalid(
                    "the signature has " + signers.size() + " signers; a Vermerk export has exactly one",
                    Optional.empty());
        }
        SignerInformation signer = signers.iterator().next();
        Optional<String> structure = structureProblem(signed, signer, signature);
        if (structure.isPresent()) {
            return new Result.Invalid(structure.get(), Optional.empty());
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.size() != 1) {
            return new Result.Invalid("the signer's certificate is not in the signature", Optional.empty());
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter()
                    .setProvider(CmsSigner.BC)
                    .getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            return new Result.Invalid("the signer's certificate cannot be read", Optional.empty());
        }
        SignerIdentity identity = identityOf(certificate, signingTime(signer));
        if (!certificateBound(signer, certificate)) {
            return new Result.Invalid(
                    "the included certificate is not the one the signature names (signing-certificate-v2)",
                    Optional.of(identity));
        }
        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            try {
                certificate.verify(certificate.getPublicKey(), CmsSigner.BC);
            } catch (GeneralSecurityException | RuntimeException e) {
                return new Result.Invalid(
                        "the signer's self-signed certificate is damaged: its own signature does not verify",
                        Optional.of(identity));
            }
        }
        try {
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(CmsSigner.BC)
                    .build(certificate));
            return valid
                    ? new Result.Valid(identity)
                    : new Result.Invalid("the signature does not match manifest.json", Optional.of(identity));
        } catch (CMSException e) {
            return new Result.Invalid(
                    "the signature does not match manifest.json (" + e.getMessage() + ")", Optional.of(identity));
        } catch (OperatorCreationException | RuntimeException e) {
            return new Result.Invalid("the signature cannot be checked: " + e.getMessage(), Optional.of(identity));
        }
    }

    /**
     * What {@link CmsSigner} never writes: a version other than 1, content other than id-data, a
     * digest algorithm list other than the signer's one, or an encoding that is not DER. Fields
     * that verification does not read must not change unnoticed either.
     */
    private static Optional<String> structureProblem(CMSSignedData signed, SignerInformation signer, byte[] encoded) {
        if (signed.getVersion() != 1 || signer.getVersion() != 1) {
            return Optional.of("the signature has an unexpected CMS version");
        }
        if (!CMSObjectIdentifiers.signedData.equals(signed.toASN1Structure().getContentType())) {
            return Optional.of("the signature file is not CMS SignedData");
        }
        if (!CMSObjectIdentifiers.data.getId().equals(signed.getSignedContentTypeOID())) {
            return Optional.of("the signature does not cover plain data");
        }
        if (signed.getDigestAlgorithmIDs().size() != 1
                || !signed.getDigestAlgorithmIDs().iterator().next().equals(signer.getDigestAlgorithmID())) {
            return Optional.of("the signature's digest algorithms disagree");
        }
        try {
            if (!Arrays.equals(signed.getEncoded("DER"), encoded)) {
                return Optional.of("the signature file is not in the DER encoding a Vermerk export uses");
            }
        } catch (IOException e) {
            return Optional.of("the signature file cannot be re-encoded");
        }
        return Optional.empty();
    }

    /** Subject, issuer and key fingerprint of a certificate. */
    public static SignerIdentity identityOf(X509Certificate certificate, Optional<Instant> signingTime) {
        return new SignerIdentity(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                Sha256.digest(certificate.getPublicKey().getEncoded()),
                certificate.getPublicKey().getAlgorithm(),
                signingTime);
    }

    /** The signed signing-certificate-v2 attribute names exactly this certificate by SHA-256. */
    private static boolean certificateBound(SignerInformation signer, X509Certificate certificate) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute =
                attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return false;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(
                        attribute.getAttrValues().getObjectAt(0))
                .getCerts();
        if (ids.length != 1 || !ids[0].getHashAlgorithm().getAlgorithm().equals(NISTObjectIdentifiers.id_sha256)) {
            return false;
        }
        try {
            return MessageDigest.isEqual(
                    ids[0].getCertHash(),
                    Sha256.digest(certificate.getEncoded()).toByteArray());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0))
                    .getDate()
                    .toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
