package io.b2bportal.platform.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors of one import: all are counted, the first {@value #KEPT} are kept with their reasons, so a file where
 * every one of a million rows is wrong still takes little memory.
 */
public final class RowIssues {

    public static final int KEPT = 1000;

    private final List<RowIssue> kept = new ArrayList<>();
    private int count;

    /** Reports row {@code row}; the message gets the row number as argument 0, then {@code args}. */
    public void add(int row, String subject, String messageKey, Object... args) {
        count++;
        if (kept.size() < KEPT) {
            List<String> texts = new ArrayList<>(args.length + 1);
            texts.add(String.valueOf(row));
            for (Object arg : args) {
                texts.add(String.valueOf(arg));
            }
            kept.add(new RowIssue(row, subject, messageKey, List.copyOf(texts)));
        }
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The kept issues in row order. */
    public List<RowIssue> kept() {
        return kept.stream().sorted(Comparator.comparingInt(RowIssue::row)).toList();
    }
}
