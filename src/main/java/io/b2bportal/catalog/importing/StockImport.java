package io.b2bportal.catalog.importing;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.Cells;
import io.b2bportal.platform.imports.ImportHandler;
import io.b2bportal.platform.imports.ImportRun;
import io.b2bportal.platform.imports.ImportTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stock by SKU and warehouse. on_hand is required; reserved and incoming, when their column is present, replace
 * the stored values (an empty cell is 0); when absent they are kept, and an existing reservation larger than the
 * new on_hand is an error of that row.
 */
final class StockImport extends ImportTarget {

    static final List<String> COLUMNS = List.of("sku", "warehouse", "on_hand", "reserved", "incoming", "incoming_date");

    private final Map<String, Long> warehouses = new HashMap<>();
    private final Map<String, Integer> firstRow = new HashMap<>();

    /** The catalog.stock kind of import. */
    @Component
    static class Handler implements ImportHandler {

        private final JdbcClient jdbc;
        private final JdbcTemplate template;

        Handler(JdbcClient jdbc, JdbcTemplate template) {
            this.jdbc = jdbc;
            this.template = template;
        }

        @Override
        public String code() {
            return ImportKind.STOCK.code();
        }

        @Override
        public boolean permits(PortalUser user) {
            return CatalogImports.isCatalogManager(user);
        }

        @Override
        public ImportTarget open(ImportRun run) {
            return new StockImport(jdbc, template, run);
        }
    }

    StockImport(JdbcClient jdbc, JdbcTemplate template, ImportRun run) {
        super(jdbc, template, run, run.cells());
        jdbc.sql("select code, id from catalog.warehouse").query(rs -> {
            warehouses.put(rs.getString(1), rs.getLong(2));
        });
    }

    @Override
    protected Set<String> required() {
        return Set.of("sku", "warehouse", "on_hand");
    }

    @Override
    protected List<String> allowed() {
        return COLUMNS;
    }

    @Override
    protected boolean known(String column) {
        return COLUMNS.contains(column);
    }

    @Override
    protected String createTempTable() {
        return """
                create temp table import_stock (
                    row_no int not null, sku text not null, warehouse_id bigint not null, product_id bigint,
                    on_hand numeric not null, reserved numeric, incoming numeric, incoming_date date
                ) on commit drop""";
    }

    @Override
    protected String insertIntoTempTable() {
        return """
                insert into import_stock (row_no, sku, warehouse_id, on_hand, reserved, incoming, incoming_date)
                values (?, ?, ?, cast(? as numeric), cast(? as numeric), cast(? as numeric), cast(? as date))""";
    }

    @Override
    protected Object[] parse(int rowNo, List<String> row) {
        String sku = Cells.text(cell(row, "sku"));
        cells.startRow(rowNo, sku);
        if (sku == null) {
            cells.fail("imports.error.required", "sku");
            return null;
        }
        String warehouse = cells.required("warehouse", cell(row, "warehouse"), 32);
        Long warehouseId = warehouse == null ? null : warehouses.get(warehouse);
        if (warehouse != null && warehouseId == null) {
            cells.fail(ProductImport.ERROR + "warehouse.unknown", warehouse);
        }
        if (warehouseId != null) {
            Integer first = firstRow.putIfAbsent(sku + '\u0000' + warehouse, rowNo);
            if (first != null) {
                cells.fail(ProductImport.ERROR + "stock.duplicate", sku, warehouse, first);
            }
        }
        BigDecimal onHand = Cells.text(cell(row, "on_hand")) == null ? required("on_hand")
                : cells.decimal("on_hand", cell(row, "on_hand"), 3, false);
        BigDecimal reserved = has("reserved") ? zeroIfNull(cells.decimal("reserved", cell(row, "reserved"), 3, false)) : null;
        BigDecimal incoming = has("incoming") ? zeroIfNull(cells.decimal("incoming", cell(row, "incoming"), 3, false)) : null;
        LocalDate incomingDate = cells.date("incoming_date", cell(row, "incoming_date"));
        if (onHand != null && reserved != null && reserved.compareTo(onHand) > 0) {
            cells.fail(ProductImport.ERROR + "stock.reserved", reserved.toPlainString(), onHand.toPlainString());
        }
        if (cells.failed()) {
            return null;
        }
        return new Object[] { rowNo, sku, warehouseId, onHand, reserved, incoming, incomingDate };
    }

    private BigDecimal required(String column) {
        cells.fail("imports.error.required", column);
        return null;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    @Override
    protected void checkAgainstData() {
        jdbc.sql("update import_stock t set product_id = p.id from catalog.product p where p.sku = t.sku").update();
        jdbc.sql("delete from import_stock where product_id is null returning row_no, sku")
                .query(rs -> {
                    issues.add(rs.getInt(1), rs.getString(2), ProductImport.ERROR + "sku.unknown", rs.getString(2));
                });
        if (!has("reserved")) {
            jdbc.sql("""
                            delete from import_stock t
                             using catalog.stock s
                             where s.product_id = t.product_id and s.warehouse_id = t.warehouse_id
                               and s.reserved > t.on_hand
                            returning t.row_no, t.sku, s.reserved, t.on_hand""")
                    .query(rs -> {
                        issues.add(rs.getInt(1), rs.getString(2), ProductImport.ERROR + "stock.reserved",
                                rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                                rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
                    });
        }
    }

    private String unchanged() {
        StringBuilder same = new StringBuilder("s.on_hand = t.on_hand");
        for (String column : List.of("reserved", "incoming", "incoming_date")) {
            if (has(column)) {
                same.append(" and s.").append(stockColumn(column)).append(" is not distinct from t.").append(column);
            }
        }
        return same.toString();
    }

    @Override
    protected Classification classify() {
        return classify("""
                select t.row_no, t.sku as subject, null::text as scope, null::text as detail, null::text as old_value,
                       null::text as new_value, null::numeric as weight,
                       case when s.product_id is null then 'CREATED' when %s then 'UNCHANGED' else 'UPDATED' end as outcome
                  from import_stock t
                  left join catalog.stock s on s.product_id = t.product_id and s.warehouse_id = t.warehouse_id"""
                .formatted(unchanged()), ProductImport.SAMPLES);
    }

    @Override
    protected void apply() {
        StringBuilder assignments = new StringBuilder("on_hand = excluded.on_hand");
        for (String column : List.of("reserved", "incoming", "incoming_date")) {
            if (has(column)) {
                assignments.append(", ").append(stockColumn(column)).append(" = excluded.").append(stockColumn(column));
            }
        }
        jdbc.sql("""
                insert into catalog.stock (product_id, warehouse_id, on_hand, held, incoming, incoming_date)
                select t.product_id, t.warehouse_id, t.on_hand, coalesce(t.reserved, 0), coalesce(t.incoming, 0),
                       t.incoming_date
                  from import_stock t
                 where not exists (select 1 from catalog.stock s
                                    where s.product_id = t.product_id and s.warehouse_id = t.warehouse_id and %s)
                on conflict (product_id, warehouse_id) do update set %s, updated_at = now()"""
                .formatted(unchanged(), assignments)).update();
    }

    /**
     * The stock column a file's column writes: a file's "reserved" is what the ERP holds, kept as {@code held}; the
     * portal's own order reservations ({@code reserved}) are never written by an import.
     */
    private static String stockColumn(String fileColumn) {
        return "reserved".equals(fileColumn) ? "held" : fileColumn;
    }
}
