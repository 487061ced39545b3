package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * What a PublicMessage's membership tag covers (encoding only):
 *
 * <pre>
 * struct {
 *   FramedContentTBS content_tbs;
 *   FramedContentAuthData auth;
 * } AuthenticatedContentTBM;              // RFC 9420 §6.2
 * </pre>
 */
public record AuthenticatedContentTbm(FramedContentTbs contentTbs, FramedContentAuthData auth) implements Encodable {
    public AuthenticatedContentTbm {
        auth.requireFits(contentTbs.content().contentType());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.write(contentTbs).write(auth);
    }
}
