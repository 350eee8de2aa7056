package io.b2bportal.platform.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the rows of one run go, inside one transaction. The platform calls, in this order: the header is checked
 * (unknown, missing or repeated columns refuse the whole file) and {@link #createTempTable()} runs; each row is
 * {@link #parse parsed} on its own in Java and the valid ones are loaded in batches of {@value #BATCH} into the
 * temporary table; {@link #checkAgainstData()} then does, set-based, everything that needs the database (does
 * the SKU exist, is it a duplicate), {@link #classify()} counts what would change and, only when asked to apply
 * and not one row is wrong, {@link #apply()} writes. Never a statement per row; nothing a target keeps grows with
 * the number of rows.
 *
 * <p>Before {@link #apply()} a target writes nothing but its temporary table ({@code on commit drop}): a dry run
 * is rolled back as a whole anyway.
 */
public abstract class ImportTarget {

    public static final int BATCH = 1000;

    /** The outcome counts of a run and a sample of its rows (see {@link #classify(String, int)}). */
    public record Classification(int created, int updated, int unchanged, int removed, List<ImportRowResult> samples) {
    }

    protected final JdbcClient jdbc;
    protected final JdbcTemplate template;
    protected final RowIssues issues;
    protected final Cells cells;
    /** The file's columns (lower case) and their positions, once the header is read. */
    protected Map<String, Integer> columns;
    private final List<Object[]> batch = new ArrayList<>(BATCH);
    private int width;

    protected ImportTarget(JdbcClient jdbc, JdbcTemplate template, ImportRun run, Cells cells) {
        this.jdbc = jdbc;
        this.template = template;
        this.issues = run.issues();
        this.cells = cells;
    }

    /** The columns a row must have. */
    protected abstract Set<String> required();

    /** The columns a file may have, as the "unknown column" message lists them. */
    protected abstract List<String> allowed();

    /** Whether a (lower-case) column name is one this import reads. */
    protected abstract boolean known(String column);

    /** {@code create temp table ... on commit drop}. */
    protected abstract String createTempTable();

    /** The batch insert into the temp table, with a {@code ?} for each value {@link #parse} returns. */
    protected abstract String insertIntoTempTable();

    /** The row's values for the temp table, or null when the row has errors (reported through {@link #cells}). */
    protected abstract Object[] parse(int rowNo, List<String> row);

    /** Set-based checks once every row is loaded; rows that fail are reported and deleted from the temp table. */
    protected abstract void checkAgainstData();

    /** What applying would do; usually {@link #classify(String, int)} over a query. */
    protected abstract Classification classify();

    /** Writes, set-based from the temp table. Runs only when not one row has an error. */
    protected abstract void apply();

    /** Called once the header has been checked, before the temp table is created. */
    protected void columnsKnown() {
    }

    protected boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The cell of {@code column} in {@code row}, or null when the file has no such column or the row is short. */
    protected String cell(List<String> row, String column) {
        Integer index = columns.get(column);
        return index == null || index >= row.size() ? null : row.get(index);
    }

    final void begin(List<String> header) {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Cells.text(header.get(i));
            if (name == null) {
                continue;
            }
            name = name.toLowerCase(Locale.ROOT);
            if (found.putIfAbsent(name, i) != null) {
                throw TableFile.fileProblem("duplicate-column", name);
            }
            if (!known(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw TableFile.fileProblem("unknown-columns", String.join(", ", unknown), String.join(", ", allowed()));
        }
        List<String> missing = required().stream().filter(c -> !found.containsKey(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw TableFile.fileProblem("missing-columns", String.join(", ", missing));
        }
        this.columns = found;
        this.width = found.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        columnsKnown();
        jdbc.sql(createTempTable()).update();
    }

    final void row(int rowNo, List<String> row) {
        if (row.size() > width && row.subList(width, row.size()).stream().anyMatch(c -> c != null && !c.isBlank())) {
            cells.startRow(rowNo, null);
            cells.fail(Cells.ERROR + "extra-cells", row.size(), width);
            return;
        }
        Object[] values = parse(rowNo, row);
        if (values != null) {
            batch.add(values);
            if (batch.size() >= BATCH) {
                flush();
            }
        }
    }

    final void finish() {
        flush();
        checkAgainstData();
    }

    private void flush() {
        if (!batch.isEmpty()) {
            template.batchUpdate(insertIntoTempTable(), batch);
            batch.clear();
        }
    }

    /**
     * Counts the outcomes and keeps up to {@code samplesPerOutcome} rows of each. {@code classified} selects, for
     * every row of the temp table (and every stored row it would remove): {@code row_no} (null for a removed row),
     * {@code outcome} (CREATED, UPDATED, UNCHANGED, REMOVED), {@code scope}, {@code subject}, {@code detail},
     * {@code old_value}, {@code new_value} (text or null) and {@code weight} (numeric or null): the rows of an
     * outcome with the largest weight are the ones kept (the biggest price changes), then the first rows.
     */
    protected Classification classify(String classified, int samplesPerOutcome) {
        int[] counts = new int[4];
        List<ImportRowResult> samples = new ArrayList<>();
        jdbc.sql("""
                        select row_no, outcome, scope, subject, detail, old_value, new_value, n from (
                          select c.*, row_number() over (partition by outcome order by weight desc nulls last, row_no) as rn,
                                 count(*) over (partition by outcome) as n
                            from (%s) c) x
                         where rn <= %d order by weight desc nulls last, row_no nulls last, subject, detail"""
                        .formatted(classified, samplesPerOutcome))
                .query(rs -> {
                    String outcome = rs.getString("outcome");
                    counts[switch (outcome) {
                        case ImportRowResult.CREATED -> 0;
                        case ImportRowResult.UPDATED -> 1;
                        case ImportRowResult.UNCHANGED -> 2;
                        case ImportRowResult.REMOVED -> 3;
                        default -> throw new IllegalStateException("unknown outcome " + outcome);
                    }] = rs.getInt("n");
                    int row = rs.getInt("row_no");
                    samples.add(new ImportRowResult(rs.wasNull() ? null : row, outcome, rs.getString("scope"),
                            rs.getString("subject"), rs.getString("detail"), rs.getString("old_value"),
                            rs.getString("new_value"), null, List.of()));
                });
        return new Classification(counts[0], counts[1], counts[2], counts[3], samples);
    }
}
