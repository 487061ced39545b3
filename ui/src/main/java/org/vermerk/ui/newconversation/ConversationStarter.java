package org.vermerk.ui.newconversation;

import java.util.List;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.conversation.ConversationEngine;

/** What the new-conversation screen needs of the engine. Blocking; called through the task executor. */
public interface ConversationStarter {
    String ownUserId();

    List<DirectoryUser> search(String prefix) throws Exception;

    /** The 1:1 conversation with the user (found or created); its ID. */
    String direct(String userId) throws Exception;

    /** A new group; its ID. {@code classification} null: none. */
    String createGroup(String title, String classification, List<String> userIds) throws Exception;

    static ConversationStarter of(ConversationEngine engine) {
        return new ConversationStarter() {
            @Override
            public String ownUserId() {
                return engine.userId();
            }

            @Override
            public List<DirectoryUser> search(String prefix) throws Exception {
                return engine.directory().search(prefix, 20);
            }

            @Override
            public String direct(String userId) throws Exception {
                return engine.direct(userId);
            }

            @Override
            public String createGroup(String title, String classification, List<String> userIds) throws Exception {
                return engine.createGroup(title, classification, userIds);
            }
        };
    }
}
