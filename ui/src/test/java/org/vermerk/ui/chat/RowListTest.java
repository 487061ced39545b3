package org.vermerk.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** {@link RowList}: a new window of rows arrives as one list change that keeps the rows both share. */
class RowListTest {
    @Test
    void aPageReadAtOneEndOfAFullWindowIsOneChangeThatKeepsTheRowsInBetween() {
        RowList<String> list = new RowList<>();
        list.update(List.of("a", "b", "c", "d"));
        List<Integer> changes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            changes.add(list.size());
            while (c.next()) {
                removed.addAll(c.getRemoved());
                added.addAll(c.getAddedSubList());
            }
        });

        list.update(List.of("x", "y", "a", "b")); // older page above, the newest dropped below

        assertThat(list).containsExactly("x", "y", "a", "b");
        assertThat(changes)
                .as("listeners saw one change, after it was complete")
                .containsExactly(4);
        assertThat(removed).containsExactlyInAnyOrder("c", "d");
        assertThat(added).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void aPageReadAtTheOtherEndKeepsTheRowsInBetweenToo() {
        RowList<String> list = new RowList<>();
        list.update(List.of("a", "b", "c", "d"));
        List<String> removed = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                removed.addAll(c.getRemoved());
            }
        });

        list.update(List.of("c", "d", "e", "f"));

        assertThat(list).containsExactly("c", "d", "e", "f");
        assertThat(removed).containsExactlyInAnyOrder("a", "b");
    }
}
