package org.vermerk.ui.verification;

import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.TrustState;

/** What the verification view needs of the engine. Blocking; called through the task executor. */
public interface ContactVerifier {
    /** The contact's name, the safety number of us and them, and the trust in their keys now. */
    record SafetyInfo(String userId, String displayName, String safetyNumber, TrustState trust) {}

    SafetyInfo load(String userId) throws Exception;

    /** The user compared the number and it matched. */
    TrustState markVerified(String userId) throws Exception;

    static ContactVerifier of(ConversationEngine engine) {
        return new ContactVerifier() {
            @Override
            public SafetyInfo load(String userId) throws Exception {
                String name = engine.directory()
                        .user(userId)
                        .map(u -> u.displayName())
                        .orElse(userId);
                return new SafetyInfo(userId, name, engine.safetyNumber(userId), engine.trust(userId));
            }

            @Override
            public TrustState markVerified(String userId) throws Exception {
                return engine.verify(userId);
            }
        };
    }
}
