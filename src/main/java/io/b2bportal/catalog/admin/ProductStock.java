package io.b2bportal.catalog.admin;

import io.b2bportal.catalog.admin.StockPolicy.StockLine;
import io.b2bportal.platform.PortalUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock of one product at each warehouse as the catalog manager sets it, checked line by line by {@link StockPolicy}. */
@Service
public class ProductStock {

    private final JdbcClient jdbc;
    private final ProductRows rows;

    ProductStock(JdbcClient jdbc, ProductRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * Sets stock at the warehouses given (others stay as they are): a line without an on-hand quantity removes the
     * product from that warehouse. All lines are checked first; each reason is at {@code rows[i].<field>}.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean setStock(PortalUser staff, String sku, List<StockLine> lines) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        Set<Long> warehouses = new LinkedHashSet<>(jdbc.sql("select id from catalog.warehouse").query(Long.class).list());
        List<Rejection> reasons = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLine line = lines.get(i);
            String prefix = "rows[" + i + "]";
            if (!warehouses.contains(line.warehouseId()) || !seen.add(line.warehouseId())) {
                reasons.add(Rejection.of("warehouseId", "catalog.admin.stock.warehouse").under(prefix));
                continue;
            }
            StockPolicy.check(line).forEach(r -> reasons.add(r.under(prefix)));
        }
        if (!reasons.isEmpty()) {
            throw new ProductRejected(reasons);
        }
        List<StockLine> stocked = lines.stream().filter(StockLine::stocked).toList();
        Long[] gone = lines.stream().filter(l -> !l.stocked()).map(StockLine::warehouseId).toArray(Long[]::new);
        // a warehouse whose row is emptied loses it, unless orders hold a reservation there: that row stays, with
        // nothing on hand (a shortage the warehouse sees) rather than the reservation vanishing
        int changed = jdbc.sql("""
                        delete from catalog.stock where product_id = :id and warehouse_id = any(:gone) and reserved = 0""")
                .param("id", id).param("gone", gone).update();
        changed += jdbc.sql("""
                        update catalog.stock set on_hand = 0, held = 0, incoming = 0, incoming_date = null,
                               updated_at = now()
                         where product_id = :id and warehouse_id = any(:gone) and reserved > 0""")
                .param("id", id).param("gone", gone).update();
        if (!stocked.isEmpty()) {
            changed += jdbc.sql("""
                            insert into catalog.stock (product_id, warehouse_id, on_hand, held, incoming, incoming_date)
                            select :id, w, on_hand, reserved, incoming, cast(incoming_date as date)
                              from unnest(:warehouses, :onHand, :reserved, :incoming, :dates)
                                   as l(w, on_hand, reserved, incoming, incoming_date)
                            on conflict (product_id, warehouse_id) do update
                               set on_hand = excluded.on_hand, held = excluded.held,
                                   incoming = excluded.incoming, incoming_date = excluded.incoming_date,
                                   updated_at = now()
                             where (stock.on_hand, stock.held, stock.incoming, stock.incoming_date)
                                   is distinct from
                                   (excluded.on_hand, excluded.held, excluded.incoming, excluded.incoming_date)""")
                    .param("id", id)
                    .param("warehouses", stocked.stream().map(StockLine::warehouseId).toArray(Long[]::new))
                    .param("onHand", stocked.stream().map(StockLine::onHand).toArray(BigDecimal[]::new))
                    .param("reserved", stocked.stream().map(StockLine::reservedOrZero).toArray(BigDecimal[]::new))
                    .param("incoming", stocked.stream().map(StockLine::incomingOrZero).toArray(BigDecimal[]::new))
                    .param("dates", stocked.stream().map(l -> l.incomingDate() == null ? null
                            : l.incomingDate().toString()).toArray(String[]::new))
                    .update();
        }
        if (changed > 0) {
            rows.touch(id);
        }
        return changed > 0;
    }
}
