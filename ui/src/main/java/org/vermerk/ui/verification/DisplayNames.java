package org.vermerk.ui.verification;

import java.util.ArrayList;
import java.util.List;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.GroupInfo;

/**
 * Fills in display names the engine does not know yet (a contact met in a group is known by ID
 * only) from the directory, and lets the engine remember them. Blocking; background only.
 */
public final class DisplayNames {
    private DisplayNames() {}

    public static GroupInfo complete(ConversationEngine engine, GroupInfo info) throws Exception {
        List<GroupInfo.MemberInfo> members = new ArrayList<>();
        for (GroupInfo.MemberInfo m : info.members()) {
            if (!m.displayName().equals(m.userId())) {
                members.add(m);
                continue;
            }
            String name = engine.directory()
                    .user(m.userId())
                    .map(u -> u.displayName())
                    .orElse(m.userId());
            if (!m.self()) {
                engine.rememberDisplayName(m.userId(), name);
            }
            members.add(new GroupInfo.MemberInfo(m.userId(), name, m.trust(), m.self()));
        }
        return new GroupInfo(info.conversationId(), info.group(), info.title(), info.classification(), members);
    }
}
