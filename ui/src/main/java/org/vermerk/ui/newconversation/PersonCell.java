package org.vermerk.ui.newconversation;

import javafx.scene.control.ListCell;
import org.vermerk.app.account.DirectoryUser;

/** A directory entry in a list: display name and user ID, also read by screen readers. */
public final class PersonCell extends ListCell<DirectoryUser> {
    @Override
    protected void updateItem(DirectoryUser user, boolean empty) {
        super.updateItem(user, empty);
        String text = empty || user == null ? null : user.displayName() + "  ·  " + user.userId();
        setText(text);
        setAccessibleText(text);
    }
}
