package io.b2bportal.pricing.importing;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.Cells;
import io.b2bportal.platform.imports.ImportHandler;
import io.b2bportal.platform.imports.ImportRun;
import io.b2bportal.platform.imports.ImportTarget;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A price list file: {@code sku} and {@code price} per row, {@code min_qty} for a quantity tier (default 1; several
 * rows of one SKU are its tiers), {@code price_list} when one file fills several lists (a blank cell means the list
 * chosen on upload); {@code name} may be there for people and is ignored. The file replaces the rows of each SKU it lists in that list: tiers it does not repeat are
 * removed; with the option "remove SKUs not in the file", so are the SKUs of the list it does not list at all.
 *
 * <p>Numbers use a decimal point unless the uploader declared a decimal comma: "1,5" in an undeclared file is an
 * error, not a guess (is "1,500" one and a half or fifteen hundred?). Per row, in Java: the cells. Set-based, in the
 * temp table: unknown SKUs, a (list, SKU, min_qty) given twice, a tier that costs more per unit than the tier
 * below it. Nothing kept in memory grows with the rows.
 */
final class PriceImport extends ImportTarget {

    static final String KIND = "pricing.prices";
    static final String ERROR = "pricing.import.error.";
    /** {@code name} is for people editing the file (the export writes it) and is not read. */
    static final List<String> COLUMNS = List.of("sku", "name", "min_qty", "price", "price_list");
    static final int SAMPLES = 200;

    /** The pricing.prices kind of import. */
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
            return KIND;
        }

        @Override
        public boolean permits(PortalUser user) {
            return PriceImports.mayImport(user);
        }

        @Override
        public ImportTarget open(ImportRun run) {
            return new PriceImport(jdbc, template, run);
        }
    }

    private final Map<String, Long> lists = new HashMap<>();
    private final Long chosenList;
    private final boolean removeMissing;
    private final long userId;
    private int rows;

    PriceImport(JdbcClient jdbc, JdbcTemplate template, ImportRun run) {
        super(jdbc, template, run, new Cells(run.flag(PriceImports.DECIMAL_COMMA), ERROR + "decimal-comma", run.issues()));
        jdbc.sql("select code, id from pricing.price_list").query(rs -> {
            lists.put(rs.getString(1), rs.getLong(2));
        });
        String chosen = run.option(PriceImports.PRICE_LIST);
        this.chosenList = chosen == null ? null : lists.get(chosen);
        if (chosen != null && chosenList == null) {
            throw DomainException.invalid("import-file", "pricing.import.list.unknown", chosen);
        }
        this.removeMissing = run.flag(PriceImports.REMOVE_MISSING);
        this.userId = run.userId();
    }

    @Override
    protected Set<String> required() {
        return Set.of("sku", "price");
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
    protected void columnsKnown() {
        if (chosenList == null && !has("price_list")) {
            throw DomainException.invalid("import-file", "pricing.import.file.no-list");
        }
    }

    /** The rows as read; {@link #checkAgainstData()} makes {@code import_price} of the ones with a known SKU. */
    @Override
    protected String createTempTable() {
        return """
                create temp table import_price_rows (
                    row_no int not null, list_id bigint not null, sku text not null, min_qty numeric not null,
                    amount numeric not null
                ) on commit drop""";
    }

    @Override
    protected String insertIntoTempTable() {
        return """
                insert into import_price_rows (row_no, list_id, sku, min_qty, amount)
                values (?, ?, ?, cast(? as numeric), cast(? as numeric))""";
    }

    @Override
    protected Object[] parse(int rowNo, List<String> row) {
        rows++;
        String sku = Cells.text(cell(row, "sku"));
        cells.startRow(rowNo, sku);
        if (sku == null) {
            cells.fail("imports.error.required", "sku");
        } else if (sku.length() > 64) {
            cells.fail("imports.error.too-long", "sku", 64);
        }
        BigDecimal price = Cells.text(cell(row, "price")) == null ? required("price")
                : cells.decimal("price", cell(row, "price"), 4, false);
        BigDecimal minQty = Cells.text(cell(row, "min_qty")) == null ? BigDecimal.ONE
                : cells.decimal("min_qty", cell(row, "min_qty"), 3, true);
        Long list = chosenList;
        String code = Cells.text(cell(row, "price_list"));
        if (code != null) {
            list = lists.get(code);
            if (list == null) {
                cells.fail(ERROR + "list.unknown", code);
            }
        } else if (list == null) {
            cells.fail(ERROR + "list.required");
        }
        if (cells.failed()) {
            return null;
        }
        return new Object[] { rowNo, list, sku, minQty, price };
    }

    private BigDecimal required(String column) {
        cells.fail("imports.error.required", column);
        return null;
    }

    @Override
    protected void checkAgainstData() {
        if (rows == 0) {
            // with "remove SKUs not in the file" an empty file would empty the list: never by accident
            throw DomainException.invalid("import-file", "pricing.import.file.no-rows");
        }
        jdbc.sql("""
                        select t.row_no, t.sku from import_price_rows t
                         where not exists (select 1 from catalog.product p where p.sku = t.sku)""")
                .query(rs -> {
                    issues.add(rs.getInt(1), rs.getString(2), ERROR + "sku.unknown", rs.getString(2));
                });
        // a new table rather than an update of every row: an update would leave a dead copy of each row behind
        jdbc.sql("""
                create temp table import_price on commit drop as
                select t.row_no, t.list_id, t.sku, p.id as product_id, t.min_qty, t.amount
                  from import_price_rows t join catalog.product p on p.sku = t.sku""").update();
        // one pass, in tier order: the same (list, SKU, min_qty) twice; a tier that costs more per unit than the
        // tier below it (a larger quantity never costs more per unit)
        jdbc.sql("""
                        delete from import_price t
                         using (select row_no, min_qty, amount, lag(row_no) over w as lower_row,
                                       lag(min_qty) over w as lower_qty, lag(amount) over w as lower_amount
                                  from import_price
                                window w as (partition by list_id, product_id order by min_qty, row_no)) d
                         where d.row_no = t.row_no
                           and (d.lower_qty = d.min_qty or d.lower_qty < d.min_qty and d.amount > d.lower_amount)
                        returning t.row_no, t.sku, t.min_qty, t.amount, d.lower_row, d.lower_qty, d.lower_amount""")
                .query(rs -> {
                    BigDecimal qty = rs.getBigDecimal(3);
                    BigDecimal lowerQty = rs.getBigDecimal(6);
                    if (qty.compareTo(lowerQty) == 0) {
                        issues.add(rs.getInt(1), rs.getString(2), ERROR + "duplicate", rs.getString(2), plain(qty),
                                rs.getInt(5));
                    } else {
                        issues.add(rs.getInt(1), rs.getString(2), ERROR + "tier.higher", rs.getString(2),
                                plain(rs.getBigDecimal(4)), plain(qty), plain(rs.getBigDecimal(7)), plain(lowerQty),
                                rs.getInt(5));
                    }
                });
        jdbc.sql("analyze import_price").update();
    }

    /** Stored prices, as text: at least two decimal places, at most the four stored. */
    private static String amount(String column) {
        return "case when scale(trim_scale(%1$s)) < 2 then round(%1$s, 2)::text else trim_scale(%1$s)::text end"
                .formatted(column);
    }

    /** The stored rows the file speaks about: its SKUs in its lists, and with removeMissing every row of its lists. */
    private String stored() {
        String ofItsSkus = """
                select p.price_list_id as list_id, p.product_id, p.min_qty, p.amount
                  from pricing.price p
                  join (select distinct list_id, product_id from import_price) s
                    on s.list_id = p.price_list_id and s.product_id = p.product_id""";
        if (!removeMissing) {
            return ofItsSkus;
        }
        return ofItsSkus + """

                union all
                select p.price_list_id, p.product_id, p.min_qty, p.amount
                  from pricing.price p
                 where p.price_list_id in (select distinct list_id from import_price)
                   and not exists (select 1 from import_price t
                                    where t.list_id = p.price_list_id and t.product_id = p.product_id)""";
    }

    @Override
    protected Classification classify() {
        return classify("""
                select t.row_no, l.code as scope, coalesce(t.sku, removed.sku) as subject,
                       trim_scale(coalesce(t.min_qty, s.min_qty))::text as detail,
                       %s as old_value, %s as new_value,
                       case when t.amount <> s.amount then abs(t.amount - s.amount) / greatest(s.amount, 0.0001) end
                           as weight,
                       case when s.list_id is null then 'CREATED' when t.row_no is null then 'REMOVED'
                            when s.amount = t.amount then 'UNCHANGED' else 'UPDATED' end as outcome
                  from import_price t
                  full join (%s) s on s.list_id = t.list_id and s.product_id = t.product_id and s.min_qty = t.min_qty
                  join pricing.price_list l on l.id = coalesce(t.list_id, s.list_id)
                  left join catalog.product removed on t.row_no is null and removed.id = s.product_id"""
                .formatted(amount("s.amount"), amount("t.amount"), stored()), SAMPLES);
    }

    @Override
    protected void apply() {
        // the tiers the file does not repeat, of the SKUs it lists
        jdbc.sql("""
                delete from pricing.price p
                 using (select distinct list_id, product_id from import_price) s
                 where p.price_list_id = s.list_id and p.product_id = s.product_id
                   and not exists (select 1 from import_price t where t.list_id = p.price_list_id
                                      and t.product_id = p.product_id and t.min_qty = p.min_qty)""").update();
        if (removeMissing) {
            jdbc.sql("""
                    delete from pricing.price p
                     where p.price_list_id in (select distinct list_id from import_price)
                       and not exists (select 1 from import_price t
                                        where t.list_id = p.price_list_id and t.product_id = p.product_id)""").update();
        }
        // in key order, so that two writers of overlapping rows lock them in the same order
        jdbc.sql("""
                insert into pricing.price (price_list_id, product_id, min_qty, amount)
                select list_id, product_id, min_qty, amount from import_price order by list_id, product_id, min_qty
                on conflict (price_list_id, product_id, min_qty)
                do update set amount = excluded.amount, updated_at = now()
                 where pricing.price.amount <> excluded.amount""").update();
        jdbc.sql("""
                update pricing.price_list set updated_at = now(), updated_by = :user
                 where id in (select distinct list_id from import_price)""").param("user", userId).update();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
