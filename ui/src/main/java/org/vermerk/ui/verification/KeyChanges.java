package org.vermerk.ui.verification;

import java.util.ArrayList;
import java.util.List;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.GroupInfo;

/** What the key-change banner needs of the engine. Blocking; called through the task executor. */
public interface KeyChanges {
    /** A member whose key change waits for an acknowledgement. */
    record Changed(String userId, String displayName) {}

    List<Changed> unacknowledged(String conversationId) throws Exception;

    void acknowledge(String userId) throws Exception;

    static KeyChanges of(ConversationEngine engine) {
        return new KeyChanges() {
            @Override
            public List<Changed> unacknowledged(String conversationId) throws Exception {
                List<String> waiting = engine.unacknowledgedKeyChanges(conversationId);
                List<Changed> changed = new ArrayList<>();
                for (GroupInfo.MemberInfo m : DisplayNames.complete(engine, engine.groupInfo(conversationId))
                        .members()) {
                    if (waiting.contains(m.userId())) {
                        changed.add(new Changed(m.userId(), m.displayName()));
                    }
                }
                return changed;
            }

            @Override
            public void acknowledge(String userId) throws Exception {
                engine.acknowledgeKeyChange(userId);
            }
        };
    }
}
