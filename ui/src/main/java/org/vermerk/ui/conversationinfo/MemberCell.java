package org.vermerk.ui.conversationinfo;

import javafx.scene.control.ListCell;
import org.vermerk.app.conversation.GroupInfo;
import org.vermerk.app.conversation.TrustState;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.verification.PeopleErrors;

/** A member: name, user ID and the trust in their keys (or "you"); the same text for screen readers. */
final class MemberCell extends ListCell<GroupInfo.MemberInfo> {
    private final Messages messages;

    MemberCell(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void updateItem(GroupInfo.MemberInfo member, boolean empty) {
        super.updateItem(member, empty);
        getStyleClass().removeAll("trust-verified", "trust-changed");
        if (empty || member == null) {
            setText(null);
            setAccessibleText(null);
            return;
        }
        String state = member.self()
                ? messages.get("conversationinfo.you")
                : messages.text(PeopleErrors.trust(member.trust()));
        String name =
                member.displayName() + (member.displayName().equals(member.userId()) ? "" : "  ·  " + member.userId());
        setText(name + "\n" + state);
        setAccessibleText(name + ", " + state);
        if (!member.self() && member.trust() == TrustState.VERIFIED) {
            getStyleClass().add("trust-verified");
        } else if (member.trust() == TrustState.KEY_CHANGED) {
            getStyleClass().add("trust-changed");
        }
    }
}
