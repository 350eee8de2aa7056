package io.b2bportal.catalog.importing;

import java.util.ArrayList;
import java.util.List;

/** The errors of one import: all are counted, the first {@value #KEPT} are kept with their reasons. */
final class RowIssues {

    static final int KEPT = 1000;

    private final List<RowIssue> kept = new ArrayList<>();
    private int count;

    void add(int row, String sku, String key, Object... args) {
        count++;
        if (kept.size() < KEPT) {
            List<String> texts = new ArrayList<>(args.length + 1);
            texts.add(String.valueOf(row));
            for (Object arg : args) {
                texts.add(String.valueOf(arg));
            }
            kept.add(new RowIssue(row, sku, "catalog.import.error." + key, List.copyOf(texts)));
        }
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<RowIssue> kept() {
        return kept.stream().sorted(java.util.Comparator.comparingInt(RowIssue::row)).toList();
    }
}
