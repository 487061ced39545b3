package org.vermerk.protocol.messages;

/**
 * {@code uint16 ProposalType} values of the "MLS Proposal Types" registry (RFC 9420 §17.4). Kept
 * as plain numbers: capabilities list proposal types the engine may not know (§7.2).
 */
public final class ProposalType {
    public static final int ADD = 0x0001;
    public static final int UPDATE = 0x0002;
    public static final int REMOVE = 0x0003;
    public static final int PSK = 0x0004;
    public static final int REINIT = 0x0005;
    public static final int EXTERNAL_INIT = 0x0006;
    public static final int GROUP_CONTEXT_EXTENSIONS = 0x0007;

    private ProposalType() {}
}
