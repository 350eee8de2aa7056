package io.b2bportal.catalog.admin;

import io.b2bportal.platform.imports.TableWriter;
import io.b2bportal.platform.imports.TableWriter.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Products and stock as CSV or XLSX, in the columns the import reads, so an export edited in Excel imports back.
 * Rows are streamed from a server-side cursor (fetch size 1000) straight into the response.
 */
@Service
public class CatalogExports {

    private static final List<String> PRODUCT_COLUMNS = List.of("sku", "name", "name_en", "brand", "mpn", "barcodes",
            "unit_code", "unit_name", "pack_multiple", "min_order_qty", "weight_kg", "volume_m3", "vat_rate",
            "purchase_cost", "category", "status", "successor_sku", "backorder_allowed", "lead_time_days",
            "description");

    private final JdbcTemplate cursor;
    private final TransactionTemplate transaction;

    CatalogExports(DataSource dataSource, TransactionTemplate transaction) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.transaction = transaction;
    }

    public void products(Format format, OutputStream out) {
        transaction.executeWithoutResult(status -> {
            List<String> attributes = cursor.queryForList("select code from catalog.attribute order by position, code",
                    String.class);
            List<String> header = new ArrayList<>(PRODUCT_COLUMNS);
            attributes.forEach(code -> header.add("attr:" + code));
            try (TableWriter writer = TableWriter.of(format, out, "products")) {
                writer.row(new ArrayList<>(header));
                cursor.query("""
                        select p.sku, p.name, p.name_en, p.brand, p.mpn, p.barcodes, p.unit_code, p.unit_name,
                               p.pack_multiple, p.min_order_qty, p.weight_kg, p.volume_m3, p.vat_rate, p.purchase_cost,
                               c.code as category, p.status, p.successor_sku, p.backorder_allowed, p.lead_time_days,
                               p.description, p.attributes::text as attributes
                          from catalog.product p join catalog.category c on c.id = p.category_id
                         order by p.sku""", rs -> {
                    List<Object> row = new ArrayList<>(header.size());
                    for (String column : PRODUCT_COLUMNS) {
                        Object value = column.equals("barcodes") ? joined(rs.getArray(column)) : rs.getObject(column);
                        row.add(value instanceof BigDecimal n ? n.stripTrailingZeros() : value);
                    }
                    var values = tools.jackson.databind.json.JsonMapper.shared().readTree(rs.getString("attributes"));
                    for (String code : attributes) {
                        var value = values.get(code);
                        row.add(value == null || value.isNull() ? null
                                : value.isNumber() ? value.decimalValue().stripTrailingZeros()
                                : value.isBoolean() ? value.asBoolean() : value.asString());
                    }
                    writer.row(row);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void stock(Format format, OutputStream out) {
        transaction.executeWithoutResult(status -> {
            try (TableWriter writer = TableWriter.of(format, out, "stock")) {
                writer.row(List.of("sku", "warehouse", "on_hand", "reserved", "incoming", "incoming_date"));
                cursor.query("""
                        select p.sku, w.code, s.on_hand, s.held as reserved, s.incoming, s.incoming_date
                          from catalog.stock s
                          join catalog.product p on p.id = s.product_id
                          join catalog.warehouse w on w.id = s.warehouse_id
                         order by p.sku, w.position, w.code""", rs -> {
                    List<Object> row = new ArrayList<>(6);
                    row.add(rs.getString(1));
                    row.add(rs.getString(2));
                    row.add(rs.getBigDecimal(3).stripTrailingZeros());
                    row.add(rs.getBigDecimal(4).stripTrailingZeros());
                    row.add(rs.getBigDecimal(5).stripTrailingZeros());
                    row.add(rs.getObject(6, java.time.LocalDate.class));
                    writer.row(row);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String joined(Array array) throws SQLException {
        return array == null ? null : String.join("|", (String[]) array.getArray());
    }
}
