package org.vermerk.app.records.verify;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vermerk.app.records.manifest.SignerIdentity;

/**
 * The result of verifying one package.
 *
 * @param filesChecked how many files were hashed and matched against the manifest
 * @param signer who signed the manifest, when the signature is valid
 * @param problems everything wrong; empty exactly when the package is intact
 */
public record Verdict(int filesChecked, Optional<SignerIdentity> signer, List<Problem> problems) {
    public Verdict {
        requireNonNull(signer, "signer");
        problems = List.copyOf(problems);
    }

    /** True when every file matches the signed manifest and the signature is valid. */
    public boolean intact() {
        return problems.isEmpty() && signer.isPresent();
    }

    public boolean broke(VerifyRule rule) {
        return problems.stream().anyMatch(p -> p.rule() == rule);
    }

    /** A report for people, German headline first, one problem per line. */
    public String report() {
        StringBuilder out = new StringBuilder();
        if (intact()) {
            out.append("UNVERSEHRT / INTACT: ").append(filesChecked).append(" files match the signed manifest.\n");
        } else {
            out.append("NICHT UNVERSEHRT / NOT INTACT: ")
                    .append(problems.size())
                    .append(problems.size() == 1 ? " problem" : " problems")
                    .append('\n');
            for (Problem problem : problems) {
                out.append("  ").append(problem).append('\n');
            }
        }
        signer.ifPresent(s -> out.append("Signed by: ")
                .append(s.subject())
                .append("\n  issuer: ")
                .append(s.issuer())
                .append("\n  key: ")
                .append(s.keyAlgorithm())
                .append(", SHA-256 of the public key ")
                .append(s.publicKeyFingerprint().hex())
                .append(s.signingTime().map(t -> "\n  signing time: " + t).orElse(""))
                .append("\nWhether this key belongs to the exporting device is for the records officer to check.\n"));
        return out.toString();
    }
}
