package org.vermerk.ui.chat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The rows a list view shows, updated to a new list as <em>one</em> change. A page read at one
 * end of a full chat window inserts rows there and drops rows at the other end; told as two
 * changes, a listener sees a half-updated list in between (the list view's cells already show the
 * wrong rows, and the row the user looked at is gone), and the chat lost its place (found by bench's
 * client driver; {@code ChatScrollingTest}).
 *
 * <p>FX thread only, as any list a control shows.
 */
public final class RowList<T> extends ModifiableObservableListBase<T> {
    /** The rows; touched only through the list's methods. */
    private final List<T> rows = new ArrayList<>();

    /** Makes this list equal to {@code next}, changing only what differs ({@link RowDiff}), as one change. */
    public void update(List<T> next) {
        beginChange();
        try {
            RowDiff.apply(this, next);
        } finally {
            endChange();
        }
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, T element) {
        rows.add(index, element);
    }

    @Override
    protected T doSet(int index, T element) {
        return rows.set(index, element);
    }

    @Override
    protected T doRemove(int index) {
        return rows.remove(index);
    }
}
