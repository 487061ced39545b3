package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.Proposal;

/**
 * The content a message carries, selected by a {@link ContentType} that is written elsewhere
 * (in {@code FramedContent} just before it, in {@code PrivateMessage} for the encrypted content):
 *
 * <pre>
 *     select (content_type) {
 *         case application: opaque application_data&lt;V&gt;;
 *         case proposal:    Proposal proposal;
 *         case commit:      Commit commit;
 *     };                                  // RFC 9420 §6, §6.3.1
 * </pre>
 *
 * {@link #encode} writes the selected value only, without the content type.
 */
public sealed interface Content extends Encodable {
    ContentType contentType();

    record ApplicationData(Bytes data) implements Content {
        @Override
        public ContentType contentType() {
            return ContentType.APPLICATION;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.opaque(data);
        }
    }

    record ProposalContent(Proposal proposal) implements Content {
        @Override
        public ContentType contentType() {
            return ContentType.PROPOSAL;
        }

        @Override
        public void encode(TlsWriter writer) {
            Proposal.encode(writer, proposal);
        }
    }

    record CommitContent(Commit commit) implements Content {
        @Override
        public ContentType contentType() {
            return ContentType.COMMIT;
        }

        @Override
        public void encode(TlsWriter writer) {
            commit.encode(writer);
        }
    }

    static Content decode(ContentType type, TlsReader reader) throws DecodeException {
        return switch (type) {
            case APPLICATION -> new ApplicationData(reader.opaqueBytes());
            case PROPOSAL -> new ProposalContent(Proposal.decode(reader));
            case COMMIT -> new CommitContent(Commit.decode(reader));
        };
    }
}
