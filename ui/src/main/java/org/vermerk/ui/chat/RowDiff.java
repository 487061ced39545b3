package org.vermerk.ui.chat;

import java.util.List;

/**
 * Replaces a shown list by a new one, touching only what differs: rows equal at the start and at
 * the end stay, and so does a run of rows kept in the middle. Appending a message is then one added
 * row, reading an older page one insertion at the top, a changed tick one replaced row, and reading
 * a page at one end of a full window (the other end dropped) one insertion plus one removal — so
 * the list view keeps its cells and its scroll position. {@link RowList#update} applies the same
 * edits as one list change.
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
        int oldEnd = shown.size() - suffix;
        List<T> middle = next.subList(prefix, next.size() - suffix);
        Kept kept = kept(shown.subList(prefix, oldEnd), middle);
        if (kept == null) {
            replace(shown, prefix, oldEnd, middle);
            return;
        }
        // Back to front, so the indexes of the part before stay valid.
        replace(
                shown,
                prefix + kept.oldFrom() + kept.length(),
                oldEnd,
                middle.subList(kept.newFrom() + kept.length(), middle.size()));
        replace(shown, prefix, prefix + kept.oldFrom(), middle.subList(0, kept.newFrom()));
    }

    /** A run of rows that is in both middles: at {@code oldFrom} in the old one, {@code newFrom} in the new. */
    private record Kept(int oldFrom, int newFrom, int length) {}

    /**
     * The run kept when one middle begins inside the other (a page read at one end, the other end
     * dropped); null when there is none.
     */
    private static <T> Kept kept(List<T> old, List<T> next) {
        if (old.size() < 2 || next.size() < 2) {
            return null;
        }
        Kept best = null;
        int inNew = next.indexOf(old.getFirst());
        if (inNew > 0) {
            best = new Kept(0, inNew, run(old, 0, next, inNew));
        }
        int inOld = old.indexOf(next.getFirst());
        if (inOld > 0) {
            Kept other = new Kept(inOld, 0, run(old, inOld, next, 0));
            best = best == null || other.length() > best.length() ? other : best;
        }
        return best;
    }

    private static <T> int run(List<T> a, int i, List<T> b, int j) {
        int n = 0;
        while (i + n < a.size() && j + n < b.size() && a.get(i + n).equals(b.get(j + n))) {
            n++;
        }
        return n;
    }

    /** Replaces {@code shown[from, to)} by {@code with}: a set for one by one, else a removal and an insertion. */
    private static <T> void replace(List<T> shown, int from, int to, List<T> with) {
        if (to - from == 1 && with.size() == 1) {
            shown.set(from, with.getFirst());
            return;
        }
        if (to > from) {
            shown.subList(from, to).clear();
        }
        if (!with.isEmpty()) {
            shown.addAll(from, List.copyOf(with));
        }
    }
}
