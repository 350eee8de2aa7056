package io.b2bportal.catalog.importing;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.Cells;
import io.b2bportal.platform.imports.ImportHandler;
import io.b2bportal.platform.imports.ImportRun;
import io.b2bportal.platform.imports.ImportTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products by SKU. Columns absent from the file keep their values on existing products and take the defaults on
 * new ones; a present but empty cell clears a nullable value (an empty {@code attr:} cell removes that attribute)
 * and resets a value with a default (unit 796/шт, multiple and minimum 1, VAT 22, ACTIVE, no backorder).
 */
final class ProductImport extends ImportTarget {

    static final List<String> COLUMNS = List.of("sku", "name", "name_en", "brand", "mpn", "barcodes", "unit_code",
            "unit_name", "pack_multiple", "min_order_qty", "weight_kg", "volume_m3", "vat_rate", "purchase_cost",
            "category", "status", "successor_sku", "backorder_allowed", "lead_time_days", "description");
    static final String ATTRIBUTE_PREFIX = "attr:";
    static final String ERROR = "catalog.import.error.";
    static final Set<String> VAT_RATES = Set.of("22", "10", "0", "EXEMPT");
    static final Set<String> STATUSES = Set.of("ACTIVE", "DISCONTINUED");
    static final Pattern SKU = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");
    private static final Pattern UNIT_CODE = Pattern.compile("^\\d{3,4}$");
    private static final Pattern BARCODE = Pattern.compile("^[0-9A-Za-z-]{1,64}$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The SQL column (in the temp table and catalog.product) of each file column but category and attributes. */
    private static final Map<String, String> PLAIN = COLUMNS.stream().filter(c -> !c.equals("category"))
            .collect(Collectors.toMap(c -> c, c -> c, (a, b) -> a, LinkedHashMap::new));

    static final int SAMPLES = 20;

    private final Map<String, Long> categories = new HashMap<>();
    private final Map<String, String> attributeTypes = new HashMap<>();
    private final Map<String, Integer> firstRowOfSku = new HashMap<>();
    private List<String> attributeColumns = List.of();

    /** The catalog.products kind of import. */
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
            return ImportKind.PRODUCTS.code();
        }

        @Override
        public boolean permits(PortalUser user) {
            return CatalogImports.isCatalogManager(user);
        }

        @Override
        public ImportTarget open(ImportRun run) {
            return new ProductImport(jdbc, template, run);
        }
    }

    ProductImport(JdbcClient jdbc, JdbcTemplate template, ImportRun run) {
        super(jdbc, template, run, run.cells());
        jdbc.sql("select code, id from catalog.category").query(rs -> {
            categories.put(rs.getString(1), rs.getLong(2));
        });
        jdbc.sql("select code, type from catalog.attribute").query(rs -> {
            attributeTypes.put(rs.getString(1), rs.getString(2));
        });
    }

    @Override
    protected Set<String> required() {
        return Set.of("sku", "name", "category");
    }

    @Override
    protected List<String> allowed() {
        List<String> all = new ArrayList<>(COLUMNS);
        all.add(ATTRIBUTE_PREFIX + "<code>");
        return all;
    }

    @Override
    protected boolean known(String column) {
        return COLUMNS.contains(column) || column.startsWith(ATTRIBUTE_PREFIX)
                && attributeTypes.containsKey(column.substring(ATTRIBUTE_PREFIX.length()));
    }

    @Override
    protected void columnsKnown() {
        attributeColumns = columns.keySet().stream().filter(c -> c.startsWith(ATTRIBUTE_PREFIX)).toList();
    }

    @Override
    protected String createTempTable() {
        return """
                create temp table import_product (
                    row_no int not null, sku text not null, name text, name_en text, brand text, mpn text,
                    barcodes text[], unit_code text, unit_name text, pack_multiple numeric, min_order_qty numeric,
                    weight_kg numeric, volume_m3 numeric, vat_rate text, purchase_cost numeric, category_id bigint,
                    status text, successor_sku text, backorder_allowed boolean, lead_time_days int, description text,
                    attributes jsonb not null, attr_clear text[] not null
                ) on commit drop""";
    }

    @Override
    protected String insertIntoTempTable() {
        return """
                insert into import_product (row_no, sku, name, name_en, brand, mpn, barcodes, unit_code, unit_name,
                    pack_multiple, min_order_qty, weight_kg, volume_m3, vat_rate, purchase_cost, category_id, status,
                    successor_sku, backorder_allowed, lead_time_days, description, attributes, attr_clear)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, '|'), ?, ?, cast(? as numeric), cast(? as numeric),
                    cast(? as numeric), cast(? as numeric), ?, cast(? as numeric), cast(? as bigint), ?, ?,
                    cast(? as boolean), cast(? as int), ?, cast(? as jsonb), string_to_array(?, '|'))""";
    }

    @Override
    protected Object[] parse(int rowNo, List<String> row) {
        String sku = Cells.text(cell(row, "sku"));
        cells.startRow(rowNo, sku);
        if (sku == null) {
            cells.fail("imports.error.required", "sku");
            return null;
        }
        if (!SKU.matcher(sku).matches()) {
            cells.fail(ERROR + "sku.format", sku);
        } else {
            Integer first = firstRowOfSku.putIfAbsent(sku, rowNo);
            if (first != null) {
                cells.fail(ERROR + "sku.duplicate", sku, first);
            }
        }
        String name = cells.required("name", cell(row, "name"), 500);
        String nameEn = cells.text("name_en", cell(row, "name_en"), 500);
        String brand = cells.text("brand", cell(row, "brand"), 100);
        String mpn = cells.text("mpn", cell(row, "mpn"), 100);
        String barcodes = barcodes(cell(row, "barcodes"));
        String unitCode = orDefault(Cells.text(cell(row, "unit_code")), "796");
        if (!UNIT_CODE.matcher(unitCode).matches()) {
            cells.fail(ERROR + "unit_code", unitCode);
        }
        String unitName = orDefault(cells.text("unit_name", cell(row, "unit_name"), 20), "шт");
        BigDecimal packMultiple = orDefault(cells.decimal("pack_multiple", cell(row, "pack_multiple"), 3, true), BigDecimal.ONE);
        BigDecimal minOrder = orDefault(cells.decimal("min_order_qty", cell(row, "min_order_qty"), 3, true), BigDecimal.ONE);
        BigDecimal weight = cells.decimal("weight_kg", cell(row, "weight_kg"), 3, false);
        BigDecimal volume = cells.decimal("volume_m3", cell(row, "volume_m3"), 6, false);
        String vat = cells.oneOf("vat_rate", cell(row, "vat_rate"), VAT_RATES, "22", ERROR + "vat_rate");
        BigDecimal cost = cells.decimal("purchase_cost", cell(row, "purchase_cost"), 4, false);
        Long categoryId = category(cells.required("category", cell(row, "category"), 64));
        String status = cells.oneOf("status", cell(row, "status"), STATUSES, "ACTIVE", ERROR + "status");
        String successor = Cells.text(cell(row, "successor_sku"));
        if (successor != null && !SKU.matcher(successor).matches()) {
            cells.fail(ERROR + "sku.format", successor);
        }
        Boolean backorder = orDefault(cells.bool("backorder_allowed", cell(row, "backorder_allowed")), false);
        Integer leadTime = cells.integer("lead_time_days", cell(row, "lead_time_days"), 0, 365);
        String description = cells.text("description", cell(row, "description"), 20_000);
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> cleared = new ArrayList<>();
        for (String column : attributeColumns) {
            String code = column.substring(ATTRIBUTE_PREFIX.length());
            Object value = attribute(column, attributeTypes.get(code), cell(row, column));
            if (value == null) {
                cleared.add(code);
            } else {
                attributes.put(code, value);
            }
        }
        if (cells.failed()) {
            return null;
        }
        return new Object[] { rowNo, sku, name, nameEn, brand, mpn, barcodes, unitCode, unitName, packMultiple,
                minOrder, weight, volume, vat, cost, categoryId, status, successor, backorder, leadTime, description,
                JSON.writeValueAsString(attributes), String.join("|", cleared) };
    }

    private String barcodes(String cell) {
        String value = Cells.text(cell);
        if (value == null) {
            return "";
        }
        List<String> codes = new ArrayList<>();
        for (String code : value.split("\\|")) {
            String stripped = code.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (!BARCODE.matcher(stripped).matches()) {
                cells.fail(ERROR + "barcode", stripped);
            }
            codes.add(stripped);
        }
        return String.join("|", codes);
    }

    private Long category(String code) {
        if (code == null) {
            return null;
        }
        Long id = categories.get(code);
        if (id == null) {
            cells.fail(ERROR + "category.unknown", code);
        }
        return id;
    }

    private Object attribute(String column, String type, String cell) {
        return switch (type) {
            case "NUMBER" -> cells.signedDecimal(column, cell, 6);
            case "BOOLEAN" -> cells.bool(column, cell);
            default -> cells.text(column, cell, 500);
        };
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    @Override
    protected void checkAgainstData() {
        // categories and attributes were resolved from maps loaded once; nothing else needs the catalog
    }

    /** "p is the same as t" over the columns this file has. */
    private String unchanged() {
        List<String> same = new ArrayList<>();
        for (String column : columns.keySet()) {
            if (column.equals("category")) {
                same.add("p.category_id = t.category_id");
            } else if (PLAIN.containsKey(column) && !column.equals("sku")) {
                same.add("p." + column + " is not distinct from t." + column);
            }
        }
        if (!attributeColumns.isEmpty()) {
            same.add("(p.attributes - t.attr_clear) || t.attributes = p.attributes");
        }
        return String.join(" and ", same);
    }

    @Override
    protected Classification classify() {
        return classify("""
                select t.row_no, t.sku as subject, null::text as scope, null::text as detail, null::text as old_value,
                       null::text as new_value, null::numeric as weight,
                       case when p.id is null then 'CREATED' when %s then 'UNCHANGED' else 'UPDATED' end as outcome
                  from import_product t left join catalog.product p on p.sku = t.sku""".formatted(unchanged()), SAMPLES);
    }

    @Override
    protected void apply() {
        List<String> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (String column : columns.keySet()) {
            String sqlColumn = column.equals("category") ? "category_id" : PLAIN.get(column);
            if (sqlColumn == null || sqlColumn.equals("sku")) {
                continue;
            }
            targets.add(sqlColumn);
            sources.add("t." + sqlColumn);
            assignments.add(sqlColumn + " = t." + sqlColumn);
        }
        if (!attributeColumns.isEmpty()) {
            assignments.add("attributes = (p.attributes - t.attr_clear) || t.attributes");
        }
        assignments.add("updated_at = now()");
        jdbc.sql("""
                update catalog.product p set %s
                  from import_product t
                 where p.sku = t.sku and not (%s)""".formatted(String.join(", ", assignments), unchanged())).update();
        jdbc.sql("""
                insert into catalog.product (sku, %s, attributes)
                select t.sku, %s, t.attributes from import_product t
                 where not exists (select 1 from catalog.product p where p.sku = t.sku)
                 order by t.row_no""".formatted(String.join(", ", targets), String.join(", ", sources))).update();
    }
}
