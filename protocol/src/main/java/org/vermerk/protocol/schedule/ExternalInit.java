package org.vermerk.protocol.schedule;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.HpkeExport;
import org.vermerk.protocol.crypto.Secret;

/**
 * External initialization (RFC 9420 §8.3): a joiner makes the new epoch's {@code init_secret} with
 * an HPKE export to the group's {@code external_pub}; members recover it from the {@code
 * kem_output} of the ExternalInit proposal.
 *
 * <pre>
 * kem_output, context = SetupBaseS(external_pub, "")
 * init_secret = context.export("MLS 1.0 external init secret", KDF.Nh)
 * </pre>
 */
public final class ExternalInit {
    private static final byte[] EXPORT_LABEL = "MLS 1.0 external init secret".getBytes(StandardCharsets.US_ASCII);

    private final CipherSuite suite;

    public ExternalInit(CipherSuite suite) {
        this.suite = suite;
    }

    /** What the joiner sends ({@code kemOutput}) and keeps ({@code initSecret}). */
    public record Joiner(Bytes kemOutput, InitSecret initSecret) {
        public Joiner {
            Objects.requireNonNull(kemOutput);
            Objects.requireNonNull(initSecret);
        }
    }

    /** The joiner's side; CRYPTO-3 when {@code externalPub} is malformed. */
    public Joiner join(Bytes externalPub) throws CryptoException {
        HpkeExport export = suite.hpkeExportSender(externalPub, new byte[0], EXPORT_LABEL, suite.hashLength());
        return new Joiner(export.kemOutput(), new InitSecret(export.exportedSecret()));
    }

    /** A member's side, with the group's {@code external_priv}; CRYPTO-2 when decapsulation fails. */
    public InitSecret receive(Secret externalPriv, Bytes kemOutput) throws CryptoException {
        return new InitSecret(Secret.wrap(suite.hpkeExportReceiver(
                externalPriv, kemOutput.toByteArray(), new byte[0], EXPORT_LABEL, suite.hashLength())));
    }
}
