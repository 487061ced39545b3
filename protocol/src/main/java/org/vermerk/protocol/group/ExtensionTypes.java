package org.vermerk.protocol.group;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.extension.Extension;

/** Extension types of the "MLS Extension Types" registry that the group logic reads (RFC 9420 §17.3). */
final class ExtensionTypes {
    /** {@code application_id}, in leaf nodes. */
    static final int APPLICATION_ID = 0x0001;
    /** {@code ratchet_tree}, in GroupInfo (§12.4.3.3). */
    static final int RATCHET_TREE = 0x0002;
    /** {@code required_capabilities}, in the GroupContext (§11.1). */
    static final int REQUIRED_CAPABILITIES = 0x0003;
    /** {@code external_pub}, in GroupInfo (§12.4.3.2). */
    static final int EXTERNAL_PUB = 0x0004;
    /** {@code external_senders}, in the GroupContext (§12.1.8.1). */
    static final int EXTERNAL_SENDERS = 0x0005;

    private ExtensionTypes() {}

    /** Whether a type is one of the defaults (§7.2) that capabilities never list. */
    static boolean isDefault(int type) {
        return type >= APPLICATION_ID && type <= EXTERNAL_SENDERS;
    }

    static Optional<Extension> find(List<Extension> extensions, int type) {
        return extensions.stream().filter(e -> e.type() == type).findFirst();
    }
}
