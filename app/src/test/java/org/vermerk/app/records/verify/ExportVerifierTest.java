package org.vermerk.app.records.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.ExportedPackage;
import org.vermerk.app.records.RecordFixtures;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.TestSigners;
import org.vermerk.app.records.manifest.CmsSigner;
import org.vermerk.app.records.manifest.DeviceSigner;
import org.vermerk.app.records.manifest.Manifest;
import org.vermerk.app.records.manifest.ManifestEntry;

/**
 * {@code records verify}: an intact export passes and names its signer; any single changed byte
 * in any file, an added file, a removed file, a changed manifest and a signature by another key
 * are each rejected with the rule they break.
 */
class ExportVerifierTest {
    private static final DeviceSigner DEVICE = TestSigners.ed25519("CN=Vermerk device anna.schmidt@bmi.example/desk-1");

    @TempDir
    Path dir;

    private Path zip;
    private ExportedPackage original;

    @BeforeEach
    void export() throws Exception {
        zip = RecordFixtures.exporter(DEVICE).export(RecordFixtures.request(Classification.VS_NFD, true), dir);
        original = ExportedPackage.read(zip);
    }

    @Test
    void intactExportPassesAndNamesItsSigner() {
        Verdict verdict = new ExportVerifier().verify(zip);

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.filesChecked()).isEqualTo(original.entries().size() - 2);
        assertThat(verdict.signer().orElseThrow().subject())
                .isEqualTo("CN=Vermerk device anna.schmidt@bmi.example/desk-1");
        assertThat(verdict.signer().orElseThrow().publicKeyFingerprint())
                .isEqualTo(Sha256.digest(DEVICE.certificate().getPublicKey().getEncoded()));
        assertThat(verdict.signer().orElseThrow().signingTime()).contains(RecordFixtures.EXPORTED_AT);
        assertThat(verdict.report()).startsWith("UNVERSEHRT / INTACT");
    }

    @Test
    void intactP256ExportPasses() throws Exception {
        Path other = Files.createDirectory(dir.resolve("p256"));
        Path p256 = RecordFixtures.exporter(TestSigners.p256("CN=Vermerk device suite 2"))
                .export(RecordFixtures.request(Classification.OPEN, true), other);

        Verdict verdict = new ExportVerifier().verify(p256);

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.signer().orElseThrow().keyAlgorithm()).isEqualTo("EC");
    }

    @Test
    void oneChangedByteInAnyFileIsRejected() throws Exception {
        for (String name : original.entries().keySet()) {
            byte[] content = original.entries().get(name);
            for (int position : new int[] {0, content.length / 2, content.length - 1}) {
                byte[] changed = content.clone();
                changed[position] ^= 0x01;
                Path tampered = dir.resolve("changed.zip");
                original.with(name, changed).write(tampered);

                Verdict verdict = new ExportVerifier().verify(tampered);

                assertThat(verdict.intact())
                        .as("%s byte %d changed", name, position)
                        .isFalse();
                VerifyRule expected = name.equals(Manifest.FILE_NAME)
                        ? VerifyRule.SIGNATURE_VALID
                        : name.equals(Manifest.SIGNATURE_FILE_NAME)
                                ? VerifyRule.SIGNATURE_VALID
                                : VerifyRule.HASH_MATCHES;
                if (!name.equals(Manifest.FILE_NAME)) {
                    assertThat(verdict.broke(expected))
                            .as("%s byte %d changed: %s", name, position, verdict.problems())
                            .isTrue();
                } else {
                    assertThat(verdict.broke(VerifyRule.SIGNATURE_VALID)
                                    || verdict.broke(VerifyRule.MANIFEST_WELL_FORMED))
                            .as("manifest byte %d changed: %s", position, verdict.problems())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void everySingleChangedByteOfTheSignatureIsRejected() throws Exception {
        byte[] signature = original.entries().get(Manifest.SIGNATURE_FILE_NAME);
        java.util.List<Integer> accepted = new java.util.ArrayList<>();
        for (int position = 0; position < signature.length; position++) {
            byte[] changed = signature.clone();
            changed[position] ^= 0x01;
            Path tampered = dir.resolve("signature.zip");
            original.with(Manifest.SIGNATURE_FILE_NAME, changed).write(tampered);
            if (new ExportVerifier().verify(tampered).intact()) {
                accepted.add(position);
            }
        }
        assertThat(accepted).as("positions whose change went unnoticed").isEmpty();
    }

    @Test
    void anAddedFileIsRejected() throws Exception {
        Path tampered = dir.resolve("added.zip");
        original.with("nachtrag.txt", "später eingefügt".getBytes(StandardCharsets.UTF_8))
                .write(tampered);

        Verdict verdict = new ExportVerifier().verify(tampered);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(VerifyRule.NO_FILE_ADDED);
            assertThat(p.file()).isEqualTo("nachtrag.txt");
        });
    }

    @Test
    void eachRemovedFileIsRejected() throws Exception {
        for (String name : original.entries().keySet()) {
            Path tampered = dir.resolve("removed.zip");
            original.with(name, null).write(tampered);

            Verdict verdict = new ExportVerifier().verify(tampered);

            assertThat(verdict.intact()).as("%s removed", name).isFalse();
            VerifyRule expected =
                    name.startsWith("manifest.json") ? VerifyRule.MANIFEST_PRESENT : VerifyRule.NO_FILE_MISSING;
            assertThat(verdict.broke(expected))
                    .as("%s removed: %s", name, verdict.problems())
                    .isTrue();
        }
    }

    @Test
    void aManifestChangedToMatchAnAlteredFileFailsTheSignature() throws Exception {
        String transcript = original.nameEndingWith("_messages.json");
        byte[] forged = new String(original.entries().get(transcript), StandardCharsets.UTF_8)
                .replace("Wir zeichnen die Stellungnahme mit", "Wir lehnen die Stellungnahme ab")
                .getBytes(StandardCharsets.UTF_8);
        Manifest manifest = Manifest.parse(original.entries().get(Manifest.FILE_NAME));
        Manifest rewritten = new Manifest(
                manifest.packageName(),
                manifest.createdAt(),
                manifest.entries().stream()
                        .map(e -> e.name().equals(transcript)
                                ? new ManifestEntry(e.name(), forged.length, Sha256.digest(forged))
                                : e)
                        .toList());
        Path tampered = dir.resolve("manifest.zip");
        original.with(transcript, forged)
                .with(Manifest.FILE_NAME, rewritten.toJson())
                .write(tampered);

        Verdict verdict = new ExportVerifier().verify(tampered);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo(VerifyRule.SIGNATURE_VALID));
    }

    @Test
    void aSignatureByAnotherKeyUnderTheDeviceCertificateIsRejected() throws Exception {
        DeviceSigner other = TestSigners.ed25519("CN=Someone else");
        DeviceSigner forger = new DeviceSignerWithForeignCertificate(other, DEVICE).signer();
        byte[] signature =
                CmsSigner.signDetached(original.entries().get(Manifest.FILE_NAME), forger, RecordFixtures.EXPORTED_AT);
        Path tampered = dir.resolve("foreign.zip");
        original.with(Manifest.SIGNATURE_FILE_NAME, signature).write(tampered);

        Verdict verdict = new ExportVerifier().verify(tampered);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.broke(VerifyRule.SIGNATURE_VALID)).isTrue();
    }

    @Test
    void aPackageResignedByAnotherDeviceFailsWhenTheExpectedKeyIsGiven() throws Exception {
        DeviceSigner other = TestSigners.ed25519("CN=Vermerk device anna.schmidt@bmi.example/desk-1");
        byte[] signature =
                CmsSigner.signDetached(original.entries().get(Manifest.FILE_NAME), other, RecordFixtures.EXPORTED_AT);
        Path resigned = dir.resolve("resigned.zip");
        original.with(Manifest.SIGNATURE_FILE_NAME, signature).write(resigned);
        Sha256 deviceKey = Sha256.digest(DEVICE.certificate().getPublicKey().getEncoded());

        Verdict unexpected = ExportVerifier.expectingSigner(deviceKey).verify(resigned);
        Verdict genuine = ExportVerifier.expectingSigner(deviceKey).verify(zip);

        assertThat(unexpected.intact()).isFalse();
        assertThat(unexpected.broke(VerifyRule.SIGNER_EXPECTED)).isTrue();
        assertThat(genuine.intact()).isTrue();
    }

    @Test
    void aFileThatIsNoZipIsReportedAsUnreadable() throws Exception {
        Path garbage = dir.resolve("garbage.zip");
        Files.writeString(garbage, "kein ZIP");

        Verdict verdict = new ExportVerifier().verify(garbage);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.broke(VerifyRule.ZIP_READABLE)).isTrue();
        assertThat(verdict.report()).startsWith("NICHT UNVERSEHRT / NOT INTACT");
    }

    /** The other key's private half with the device's certificate: a forger's signer. */
    private record DeviceSignerWithForeignCertificate(DeviceSigner key, DeviceSigner certificateOf) {
        DeviceSigner signer() throws Exception {
            var field = DeviceSigner.class.getDeclaredField("privateKey");
            field.setAccessible(true);
            return new DeviceSigner((java.security.PrivateKey) field.get(key), certificateOf.certificate());
        }
    }
}
