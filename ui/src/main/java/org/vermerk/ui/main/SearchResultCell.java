package org.vermerk.ui.main;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.vermerk.ui.core.Messages;

/** One reused cell of the search results: conversation and date, then the snippet around the match. */
final class SearchResultCell extends ListCell<MainViewModel.SearchResult> {
    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter format;
    private final Label where = new Label();
    private final Label snippet = new Label();
    private final VBox box = new VBox(2, where, snippet);

    SearchResultCell(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale());
        getStyleClass().add("conversation-cell");
        setPrefWidth(0);
        where.getStyleClass().add("conversation-time");
        where.setWrapText(true);
        snippet.setWrapText(true);
    }

    @Override
    protected void updateItem(MainViewModel.SearchResult item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        String title = item.title().isBlank() ? messages.get("main.conversation.untitled") : item.title();
        where.setText(title + " · " + format.format(item.hit().sentAt().atZone(zone)));
        snippet.setText(item.hit().snippet());
        setGraphic(box);
        setAccessibleText(
                messages.get("main.search.result.accessible", title, item.hit().snippet()));
    }
}
