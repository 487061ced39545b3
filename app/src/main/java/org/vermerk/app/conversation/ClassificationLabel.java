package org.vermerk.app.conversation;

import java.util.Optional;

/**
 * Checks a conversation's classification marking ("VS – NUR FÜR DEN DIENSTGEBRAUCH"): free text
 * as the authority's rules name it, one line, at most {@value #MAX_LENGTH} characters.
 */
public final class ClassificationLabel {
    public static final int MAX_LENGTH = 80;

    private ClassificationLabel() {}

    /** The marking stripped; empty for null or blank (no marking). */
    public static Optional<String> check(String label) throws ConversationException {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String stripped = label.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new ConversationException("a classification has at most " + MAX_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new ConversationException("a classification is one line without control characters");
        }
        return Optional.of(stripped);
    }
}
