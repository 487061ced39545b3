package org.vermerk.ui.chat;

import java.util.List;

/**
 * Replaces a shown list by a new one, touching only the middle part that differs: rows equal at
 * the start and at the end stay. Appending a message is then one added row, reading an older page
 * one insertion at the top, a changed tick one replaced row — so the list view keeps its cells and
 * its scroll position.
 */
public final class RowDiff {
    private RowDiff() {}

    public static <T> void apply(List<T> shown, List<T> next) {
        int prefix = 0;
        int max = Math.min(shown.size(), next.size());
        while (prefix < max && shown.get(prefix).equals(next.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && shown.get(shown.size() - 1 - suffix).equals(next.get(next.size() - 1 - suffix))) {
            suffix++;
        }
        List<T> middle = next.subList(prefix, next.size() - suffix);
        int oldEnd = shown.size() - suffix;
        if (oldEnd - prefix == 1 && middle.size() == 1) {
            shown.set(prefix, middle.getFirst());
            return;
        }
        if (oldEnd > prefix) {
            shown.subList(prefix, oldEnd).clear();
        }
        if (!middle.isEmpty()) {
            shown.addAll(prefix, List.copyOf(middle));
        }
    }
}
