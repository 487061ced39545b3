package org.vermerk.ui.records;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell whose text, when the column cuts it, is shown whole in a tooltip and read whole by the screen reader. */
final class FullTextCell<S> extends TableCell<S, String> {
    private final Tooltip tooltip = new Tooltip();

    FullTextCell() {
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(blank ? null : item);
        setAccessibleText(blank ? null : item);
        tooltip.setText(blank ? "" : item);
        setTooltip(blank ? null : tooltip);
    }
}
