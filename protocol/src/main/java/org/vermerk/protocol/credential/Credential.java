package org.vermerk.protocol.credential;

import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;

/**
 * <pre>
 * struct {
 *     CredentialType credential_type;   // uint16
 *     select (Credential.credential_type) {
 *         case basic: opaque identity&lt;V&gt;;
 *         case x509:  Certificate certificates&lt;V&gt;;
 *     };
 * } Credential;                         // RFC 9420 §5.3
 * </pre>
 *
 * The body of a credential has no length of its own, so a credential of an unknown type cannot be
 * skipped: decoding it fails (CODEC-8). A decoded credential is not yet validated with the
 * Authentication Service (§5.3.1).
 */
public sealed interface Credential extends Encodable permits BasicCredential, X509Credential {
    /** The {@link CredentialType} value. */
    int credentialType();

    static Credential decode(TlsReader reader) throws DecodeException {
        int type = reader.u16();
        return switch (type) {
            case CredentialType.BASIC -> BasicCredential.decodeBody(reader);
            case CredentialType.X509 -> X509Credential.decodeBody(reader);
            default -> throw new DecodeException(CodecRule.UNKNOWN_CREDENTIAL_TYPE, "credential type " + type);
        };
    }
}
