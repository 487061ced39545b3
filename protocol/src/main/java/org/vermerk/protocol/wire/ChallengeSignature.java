package org.vermerk.protocol.wire;

import java.nio.charset.StandardCharsets;
import org.vermerk.protocol.codec.Bytes;

/**
 * The bytes a device signs to answer the server's {@code challenge}: the ASCII label {@code
 * "vermerk auth v1"}, one zero byte, then the challenge nonce. The label keeps these signatures
 * apart from every MLS signature made with the same key (MLS signs only labelled {@code
 * SignContent} beginning with {@code "MLS 1.0 "}, RFC 9420 §5.1.2).
 */
public final class ChallengeSignature {
    private static final byte[] LABEL = "vermerk auth v1".getBytes(StandardCharsets.US_ASCII);

    private ChallengeSignature() {}

    public static byte[] content(Bytes nonce) {
        byte[] value = nonce.toByteArray();
        byte[] content = new byte[LABEL.length + 1 + value.length];
        System.arraycopy(LABEL, 0, content, 0, LABEL.length);
        System.arraycopy(value, 0, content, LABEL.length + 1, value.length);
        return content;
    }
}
