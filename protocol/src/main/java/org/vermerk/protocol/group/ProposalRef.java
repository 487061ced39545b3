package org.vermerk.protocol.group;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.framing.AuthenticatedContent;

/**
 * {@code ProposalRef} (RFC 9420 §5.2): the name by which a commit lists a proposal sent earlier in
 * the epoch.
 *
 * <pre>
 * MakeProposalRef(value) = RefHash("MLS 1.0 Proposal Reference", value)   // value: the AuthenticatedContent
 * </pre>
 */
public record ProposalRef(Bytes value) {
    static final String LABEL = "MLS 1.0 Proposal Reference";

    public ProposalRef {
        Objects.requireNonNull(value);
    }

    /** The reference of a proposal message, hashed over its encoded AuthenticatedContent. */
    public static ProposalRef of(CipherSuite suite, AuthenticatedContent proposal) {
        return new ProposalRef(new LabeledCrypto(suite).refHash(LABEL, proposal.encoded()));
    }
}
