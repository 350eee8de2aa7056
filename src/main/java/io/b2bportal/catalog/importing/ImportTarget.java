package io.b2bportal.catalog.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the rows of one import go, inside one transaction: each row is checked on its own in Java, the valid ones
 * are loaded in batches into a temporary table, and everything that needs the catalog (does the SKU exist, is it
 * changed) is one set-based statement over that table, never a query per row.
 */
abstract class ImportTarget {

    static final int BATCH = 1000;
    static final int SAMPLES = 20;

    /** One classified row kept as a sample of its outcome. */
    record Sample(int row, String sku, String outcome) {
    }

    record Classification(int created, int updated, int unchanged, List<Sample> samples) {
    }

    protected final JdbcClient jdbc;
    protected final JdbcTemplate template;
    protected final RowIssues issues;
    protected final Cells cells;
    protected Map<String, Integer> columns;
    private final List<Object[]> batch = new ArrayList<>(BATCH);

    ImportTarget(JdbcClient jdbc, JdbcTemplate template, RowIssues issues, boolean decimalComma) {
        this.jdbc = jdbc;
        this.template = template;
        this.issues = issues;
        this.cells = new Cells(decimalComma, issues);
    }

    /** Checks the header (unknown, missing or repeated columns refuse the whole file) and creates the temp table. */
    void begin(List<String> header) {
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
        List<String> missing = required().stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw TableFile.fileProblem("missing-columns", String.join(", ", missing));
        }
        this.columns = found;
        jdbc.sql(createTempTable()).update();
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    String cell(List<String> row, String column) {
        Integer index = columns.get(column);
        return index == null || index >= row.size() ? null : row.get(index);
    }

    void row(int rowNo, List<String> row) {
        int width = maxIndex() + 1;
        if (row.size() > width && row.subList(width, row.size()).stream().anyMatch(c -> c != null && !c.isBlank())) {
            cells.startRow(rowNo, Cells.text(cell(row, "sku")));
            cells.fail("extra-cells", row.size(), width);
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

    private int maxIndex() {
        return columns.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    void finish() {
        flush();
        checkAgainstCatalog();
    }

    private void flush() {
        if (!batch.isEmpty()) {
            template.batchUpdate(insertIntoTempTable(), batch);
            batch.clear();
        }
    }

    /**
     * Counts the outcomes and keeps the first rows of each: {@code classified} selects row_no, sku and outcome
     * (CREATED, UPDATED, UNCHANGED) for every row of the temp table.
     */
    protected Classification classify(String classified) {
        int[] counts = new int[3];
        List<Sample> samples = new ArrayList<>();
        jdbc.sql("""
                        select row_no, sku, outcome, n from (
                          select c.*, row_number() over (partition by outcome order by row_no) as rn,
                                 count(*) over (partition by outcome) as n
                            from (%s) c) x
                         where rn <= %d order by row_no""".formatted(classified, SAMPLES))
                .query(rs -> {
                    String outcome = rs.getString("outcome");
                    counts[switch (outcome) { case "CREATED" -> 0; case "UPDATED" -> 1; default -> 2; }] = rs.getInt("n");
                    samples.add(new Sample(rs.getInt("row_no"), rs.getString("sku"), outcome));
                });
        return new Classification(counts[0], counts[1], counts[2], samples);
    }

    abstract Set<String> required();

    abstract List<String> allowed();

    abstract boolean known(String column);

    abstract String createTempTable();

    abstract String insertIntoTempTable();

    /** The row's values for the temp table, or null when the row has errors (already reported). */
    abstract Object[] parse(int rowNo, List<String> row);

    /** Set-based checks against the catalog; rows that fail are reported and removed from the temp table. */
    abstract void checkAgainstCatalog();

    abstract Classification classify();

    abstract void apply();
}
