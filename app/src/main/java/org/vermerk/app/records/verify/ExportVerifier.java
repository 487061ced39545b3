package org.vermerk.app.records.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.manifest.CmsVerifier;
import org.vermerk.app.records.manifest.Manifest;
import org.vermerk.app.records.manifest.ManifestEntry;
import org.vermerk.app.records.manifest.ManifestFormatException;
import org.vermerk.app.records.manifest.SignerIdentity;

/**
 * Checks an export package made by {@link org.vermerk.app.records.export.RecordExporter}: the
 * signature over manifest.json is valid, every file the manifest lists is present with its size
 * and SHA-256, and the package holds nothing else. It reports who signed (certificate subject and
 * key fingerprint); whether that key is trusted is the records officer's decision.
 *
 * <p>Every file is read once, streaming, whatever its size. Stateless and thread-safe.
 */
public final class ExportVerifier {
    private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

    /** The fingerprint the signer's key must have, when the records officer knows it. */
    private final Optional<Sha256> expectedSignerKey;

    /** A verifier that accepts any valid signature and reports who made it. */
    public ExportVerifier() {
        this(Optional.empty());
    }

    private ExportVerifier(Optional<Sha256> expectedSignerKey) {
        this.expectedSignerKey = expectedSignerKey;
    }

    /**
     * A verifier that also requires the signature to be made by the key with this fingerprint
     * (SHA-256 over its SubjectPublicKeyInfo, as {@link Verdict#report()} prints it).
     */
    public static ExportVerifier expectingSigner(Sha256 publicKeyFingerprint) {
        return new ExportVerifier(Optional.of(publicKeyFingerprint));
    }

    public Verdict verify(Path zipPath) {
        List<Problem> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            return verify(zip, problems);
        } catch (ZipException e) {
            problems.add(new Problem(VerifyRule.ZIP_READABLE, "", "not a ZIP archive: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(VerifyRule.ZIP_READABLE, "", "cannot read " + zipPath + ": " + e.getMessage()));
        }
        return new Verdict(0, Optional.empty(), problems);
    }

    private Verdict verify(ZipFile zip, List<Problem> problems) throws IOException {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entries.putIfAbsent(entry.getName(), entry) != null) {
                problems.add(new Problem(VerifyRule.NAMES_UNIQUE, entry.getName(), "occurs more than once in the ZIP"));
            }
        }
        ZipEntry manifestEntry = entries.get(Manifest.FILE_NAME);
        ZipEntry signatureEntry = entries.get(Manifest.SIGNATURE_FILE_NAME);
        if (manifestEntry == null || signatureEntry == null) {
            String missing = manifestEntry == null ? Manifest.FILE_NAME : Manifest.SIGNATURE_FILE_NAME;
            problems.add(new Problem(VerifyRule.MANIFEST_PRESENT, missing, "missing: the package cannot be checked"));
            return new Verdict(0, Optional.empty(), problems);
        }
        byte[] manifestBytes = readSmall(zip, manifestEntry);
        byte[] signature = readSmall(zip, signatureEntry);

        Optional<SignerIdentity> signer = Optional.empty();
        switch (CmsVerifier.verifyDetached(manifestBytes, signature)) {
            case CmsVerifier.Result.Valid valid -> {
                signer = Optional.of(valid.signer());
                if (expectedSignerKey.isPresent()
                        && !expectedSignerKey.get().matches(valid.signer().publicKeyFingerprint())) {
                    problems.add(new Problem(
                            VerifyRule.SIGNER_EXPECTED,
                            Manifest.SIGNATURE_FILE_NAME,
                            "signed by key "
                                    + valid.signer().publicKeyFingerprint().hex() + ", expected "
                                    + expectedSignerKey.get().hex()));
                }
            }
            case CmsVerifier.Result.Invalid invalid ->
                problems.add(new Problem(VerifyRule.SIGNATURE_VALID, Manifest.SIGNATURE_FILE_NAME, invalid.reason()));
        }

        Manifest manifest;
        try {
            manifest = Manifest.parse(manifestBytes);
        } catch (ManifestFormatException e) {
            problems.add(new Problem(VerifyRule.MANIFEST_WELL_FORMED, Manifest.FILE_NAME, e.getMessage()));
            return new Verdict(0, signer, problems);
        }

        Map<String, ManifestEntry> listed = new HashMap<>();
        for (ManifestEntry line : manifest.entries()) {
            if (listed.putIfAbsent(line.name(), line) != null) {
                problems.add(
                        new Problem(VerifyRule.NAMES_UNIQUE, line.name(), "listed more than once in the manifest"));
            }
            if (line.name().equals(Manifest.FILE_NAME) || line.name().equals(Manifest.SIGNATURE_FILE_NAME)) {
                problems.add(
                        new Problem(VerifyRule.MANIFEST_WELL_FORMED, line.name(), "the manifest must not list itself"));
            }
        }
        int checked = 0;
        for (ManifestEntry line : listed.values()) {
            ZipEntry entry = entries.get(line.name());
            if (entry == null) {
                problems.add(new Problem(
                        VerifyRule.NO_FILE_MISSING, line.name(), "listed in the manifest, not in the package"));
                continue;
            }
            Hashed hashed = hash(zip, entry);
            checked++;
            if (hashed.size() != line.size()) {
                problems.add(new Problem(
                        VerifyRule.HASH_MATCHES,
                        line.name(),
                        "size " + hashed.size() + " bytes, the manifest says " + line.size()));
            } else if (!hashed.sha256().matches(line.sha256())) {
                problems.add(new Problem(
                        VerifyRule.HASH_MATCHES,
                        line.name(),
                        "SHA-256 " + hashed.sha256().hex() + ", the manifest says "
                                + line.sha256().hex()));
            }
        }
        for (String name : entries.keySet()) {
            if (!listed.containsKey(name)
                    && !name.equals(Manifest.FILE_NAME)
                    && !name.equals(Manifest.SIGNATURE_FILE_NAME)) {
                problems.add(new Problem(VerifyRule.NO_FILE_ADDED, name, "in the package, not listed in the manifest"));
            }
        }
        return new Verdict(checked, signer, problems);
    }

    private record Hashed(long size, Sha256 sha256) {}

    private static Hashed hash(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (ZipException e) {
            // a damaged compressed stream: the content cannot match whatever the manifest says
            return new Hashed(-1, Sha256.finish(digest));
        }
        return new Hashed(size, Sha256.finish(digest));
    }

    private static byte[] readSmall(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new IOException(entry.getName() + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
