package io.b2bportal.platform.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern VALUES = Pattern.compile("(?is)^(.*\\))\\s*values\\s*(\\(.*\\))\\s*$");

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

    /**
     * The insert of one row into the temp table, {@code insert into t (a, b) values (?, cast(? as numeric))}, with a
     * {@code ?} for each value {@link #parse} returns; rows are sent many to a statement.
     */
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
        // the temp table has no statistics yet: without them the checks below may pick a plan for an empty table
        jdbc.sql("analyze " + tempTable()).update();
        checkAgainstData();
    }

    /** The temp table's name, from {@link #insertIntoTempTable()}. */
    private String tempTable() {
        String[] words = insertIntoTempTable().strip().split("\\s+");
        return words[2].contains("(") ? words[2].substring(0, words[2].indexOf('(')) : words[2];
    }

    /**
     * One statement per batch: the single-row insert of {@link #insertIntoTempTable()} with its {@code values (...)}
     * tuple repeated for every row of the batch. A JDBC batch of single-row inserts would still be executed row by
     * row by the server, several times slower.
     */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        String insert = insertIntoTempTable();
        Matcher values = VALUES.matcher(insert);
        if (!values.find()) {
            throw new IllegalStateException("not an insert ... values (...): " + insert);
        }
        String head = values.group(1) + " values ";
        String tuple = values.group(2).strip();
        int width = batch.getFirst().length;
        // PostgreSQL takes at most 65,535 parameters in one statement
        int rowsPerStatement = Math.max(1, Math.min(batch.size(), 65_535 / width));
        for (int from = 0; from < batch.size(); from += rowsPerStatement) {
            List<Object[]> rows = batch.subList(from, Math.min(batch.size(), from + rowsPerStatement));
            StringBuilder sql = new StringBuilder(head.length() + rows.size() * (tuple.length() + 1)).append(head);
            Object[] args = new Object[rows.size() * width];
            for (int r = 0; r < rows.size(); r++) {
                sql.append(r == 0 ? "" : ",").append(tuple);
                System.arraycopy(rows.get(r), 0, args, r * width, width);
            }
            template.update(sql.toString(), args);
        }
        batch.clear();
    }

    /**
     * Counts the outcomes and keeps up to {@code samplesPerOutcome} rows of each. {@code classified} selects, for
     * every row of the temp table (and every stored row it would remove): {@code row_no} (null for a removed row),
     * {@code outcome} (CREATED, UPDATED, UNCHANGED, REMOVED), {@code scope}, {@code subject}, {@code detail},
     * {@code old_value}, {@code new_value} (text or null) and {@code weight} (numeric or null): the rows of an
     * outcome with the largest weight are the ones kept (the biggest price changes), then the first rows.
     */
    protected Classification classify(String classified, int samplesPerOutcome) {
        // counted by a hash aggregate and sampled by a top-N per outcome over one materialized pass: no sort of
        // all rows, which for a million rows would be the slowest step of the run
        String columns = "row_no, outcome, scope, subject, detail, old_value, new_value, weight";
        StringBuilder sql = new StringBuilder("with c as materialized (").append(classified).append(")\n");
        for (String outcome : OUTCOMES) {
            sql.append("(select ").append(columns).append(", null::bigint as n from c where outcome = '").append(outcome)
                    .append("' order by weight desc nulls last, row_no limit ").append(samplesPerOutcome).append(")\n")
                    .append("union all\n");
        }
        sql.append("select null, outcome, null, null, null, null, null, null, count(*) from c group by outcome");
        int[] counts = new int[OUTCOMES.size()];
        List<Sample> samples = new ArrayList<>();
        jdbc.sql(sql.toString()).query(rs -> {
            String outcome = rs.getString("outcome");
            int index = OUTCOMES.indexOf(outcome);
            if (index < 0) {
                throw new IllegalStateException("unknown outcome " + outcome);
            }
            long n = rs.getLong("n");
            if (!rs.wasNull()) {
                counts[index] = (int) n;
                return;
            }
            int number = rs.getInt("row_no");
            Integer row = rs.wasNull() ? null : number;
            samples.add(new Sample(rs.getBigDecimal("weight"), new ImportRowResult(row, outcome,
                    rs.getString("scope"), rs.getString("subject"), rs.getString("detail"), rs.getString("old_value"),
                    rs.getString("new_value"), null, List.of())));
        });
        samples.sort(Sample.ORDER);
        return new Classification(counts[0], counts[1], counts[2], counts[3],
                samples.stream().map(Sample::row).toList());
    }

    private static final List<String> OUTCOMES = List.of(ImportRowResult.CREATED, ImportRowResult.UPDATED,
            ImportRowResult.UNCHANGED, ImportRowResult.REMOVED);

    /** The report's order: the heaviest first (the largest changes), then by row, the removed (no row) last. */
    private record Sample(java.math.BigDecimal weight, ImportRowResult row) {

        static final java.util.Comparator<Sample> ORDER = java.util.Comparator
                .comparing(Sample::weight, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                .thenComparing(s -> s.row().row(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(s -> s.row().subject(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(s -> s.row().detail(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    }
}
