package org.vermerk.ui.conversationinfo;

import java.util.List;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.GroupInfo;
import org.vermerk.ui.verification.DisplayNames;

/** What the conversation-info screen needs of the engine. Blocking; called through the task executor. */
public interface GroupInfoSource {
    GroupInfo info(String conversationId) throws Exception;

    List<DirectoryUser> search(String prefix) throws Exception;

    void add(String conversationId, List<String> userIds) throws Exception;

    void remove(String conversationId, List<String> userIds) throws Exception;

    void rename(String conversationId, String title) throws Exception;

    void leave(String conversationId) throws Exception;

    static GroupInfoSource of(ConversationEngine engine) {
        return new GroupInfoSource() {
            @Override
            public GroupInfo info(String conversationId) throws Exception {
                return DisplayNames.complete(engine, engine.groupInfo(conversationId));
            }

            @Override
            public List<DirectoryUser> search(String prefix) throws Exception {
                List<DirectoryUser> found = engine.directory().search(prefix, 20);
                found.forEach(u -> engine.rememberDisplayName(u.userId(), u.displayName()));
                return found;
            }

            @Override
            public void add(String conversationId, List<String> userIds) throws Exception {
                engine.addMembers(conversationId, userIds);
            }

            @Override
            public void remove(String conversationId, List<String> userIds) throws Exception {
                engine.removeMembers(conversationId, userIds);
            }

            @Override
            public void rename(String conversationId, String title) throws Exception {
                engine.rename(conversationId, title);
            }

            @Override
            public void leave(String conversationId) throws Exception {
                engine.leave(conversationId);
            }
        };
    }
}
