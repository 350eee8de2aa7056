package io.b2bportal.pricing.importing;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportRowResult;
import io.b2bportal.platform.imports.Imports;
import io.b2bportal.platform.imports.TableWriter;
import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Price lists in bulk: a CSV or XLSX file replaces the prices (and quantity tiers) of the SKUs it lists, as a
 * background job of the platform's import queue: a dry run shows every change (old → new), apply writes all rows in
 * one transaction or none. And the export of a list in the same columns, so it imports back.
 */
@Service
public class PriceImports {

    public static final String KIND = PriceImport.KIND;
    static final String PRICE_LIST = "priceList";
    static final String DECIMAL_COMMA = "decimalComma";
    static final String REMOVE_MISSING = "removeMissing";

    /** A price list as the upload form and the export links show it. */
    public record PriceListRef(String code, String name, String currency, boolean includesVat) {
    }

    /**
     * How to read a file: the list for rows without a {@code price_list} cell (null: the file names the list in
     * every row), whether numbers use a decimal comma (declared, never guessed), and whether SKUs of the lists that
     * the file does not list lose their prices.
     */
    public record Options(String priceList, boolean decimalComma, boolean removeMissing) {

        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            if (priceList != null && !priceList.isBlank()) {
                map.put(PRICE_LIST, priceList.strip());
            }
            map.put(DECIMAL_COMMA, String.valueOf(decimalComma));
            map.put(REMOVE_MISSING, String.valueOf(removeMissing));
            return map;
        }
    }

    private final Imports imports;
    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate transaction;

    PriceImports(Imports imports, JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.transaction = transaction;
    }

    /** Administrators, the sales head and catalog (and pricing) managers change price lists in bulk. */
    static boolean mayImport(PortalUser user) {
        return user != null && (user.has(Role.ADMIN) || user.has(Role.SALES_HEAD) || user.has(Role.CATALOG_MANAGER));
    }

    public static void requirePricingManager(PortalUser user) {
        if (!mayImport(user)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    /** Queues a price file; an unknown list, format or encoding is refused now, everything else the job reports. */
    public long submit(PortalUser user, String fileName, byte[] content, boolean dryRun, Options options) {
        requirePricingManager(user);
        if (options.priceList() != null && !options.priceList().isBlank()) {
            priceList(options.priceList().strip()).orElseThrow(() ->
                    DomainException.invalid("price-list-unknown", "pricing.import.list.unknown", options.priceList()));
        }
        return imports.submit(user, KIND, fileName, content, dryRun, options.asMap());
    }

    public void apply(PortalUser user, long id) {
        job(user, id);
        imports.apply(user, id);
    }

    /** A price import job (404 for another module's job). */
    public ImportJob job(PortalUser user, long id) {
        requirePricingManager(user);
        return imports.job(user, id, List.of(KIND));
    }

    public List<ImportJob> recent(PortalUser user, int limit) {
        requirePricingManager(user);
        return imports.recent(user, List.of(KIND), limit);
    }

    public List<ImportRowResult> rows(ImportJob job) {
        return imports.rows(job);
    }

    public List<PriceListRef> priceLists(PortalUser user) {
        requirePricingManager(user);
        return jdbc.sql("select code, name, currency, includes_vat from pricing.price_list order by code <> 'base', code")
                .query(PriceListRef.class).list();
    }

    public Optional<PriceListRef> priceList(String code) {
        return jdbc.sql("select code, name, currency, includes_vat from pricing.price_list where code = :code")
                .param("code", code).query(PriceListRef.class).optional();
    }

    /**
     * Writes a list as {@code sku;name;min_qty;price}, a row per tier, by SKU: the columns the import reads (the name
     * for people, ignored on the way back; the list is chosen on upload, so an export of one list imports into
     * another). Streamed from a server-side cursor.
     */
    public void export(PortalUser user, String code, TableWriter.Format format, OutputStream out) {
        requirePricingManager(user);
        priceList(code).orElseThrow(() -> DomainException.notFound("price list", code));
        transaction.executeWithoutResult(status -> {
            try (TableWriter writer = TableWriter.of(format, out, code)) {
                writer.row(List.of("sku", "name", "min_qty", "price"));
                cursor.query("""
                        select p.sku, p.name, pr.min_qty, pr.amount
                          from pricing.price pr
                          join pricing.price_list l on l.id = pr.price_list_id
                          join catalog.product p on p.id = pr.product_id
                         where l.code = ?
                         order by p.sku, pr.min_qty""", rs -> {
                    List<Object> row = new ArrayList<>(4);
                    row.add(rs.getString(1));
                    row.add(rs.getString(2));
                    row.add(plain(rs.getBigDecimal(3), 0));
                    row.add(plain(rs.getBigDecimal(4), 2));
                    writer.row(row);
                }, code);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Without trailing zeros, but at least {@code minScale} decimal places (prices show kopecks). */
    private static BigDecimal plain(BigDecimal value, int minScale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(minScale, stripped.scale()));
    }
}
