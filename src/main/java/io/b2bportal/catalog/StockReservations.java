package io.b2bportal.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves, releases and ships stock inside the caller's transaction. The stock rows of all products concerned are
 * locked with {@code select … for update} in (product, warehouse) order, so two checkouts that share products wait
 * for each other instead of deadlocking, and neither sees stock the other has just taken: nothing is oversold.
 * Warehouses are used in their display order (position, then id); release and shipment take from the warehouses
 * that hold reservations of the product, in the same order.
 */
@Repository
class StockReservations {

    private final JdbcClient jdbc;

    StockReservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long productId, long warehouseId, BigDecimal onHand, BigDecimal reserved, BigDecimal held,
            int position) {
    }

    private record Change(long productId, long warehouseId, BigDecimal reserve, BigDecimal ship) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, BigDecimal> reserve(Map<Long, BigDecimal> wanted) {
        Map<Long, BigDecimal> reserved = new LinkedHashMap<>();
        wanted.keySet().forEach(id -> reserved.put(id, BigDecimal.ZERO));
        List<Change> changes = new ArrayList<>();
        for (Row row : lock(wanted.keySet())) {
            BigDecimal missing = wanted.get(row.productId()).subtract(reserved.get(row.productId()));
            // what staff or an ERP hold outside the portal is not free either; on hand may be below both
            BigDecimal free = row.onHand().subtract(row.reserved()).subtract(row.held()).max(BigDecimal.ZERO);
            BigDecimal take = missing.min(free);
            if (take.signum() > 0) {
                reserved.merge(row.productId(), take, BigDecimal::add);
                changes.add(new Change(row.productId(), row.warehouseId(), take, BigDecimal.ZERO));
            }
        }
        apply(changes);
        return reserved;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void release(Map<Long, BigDecimal> quantities) {
        apply(fromReserved(quantities, false));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void ship(Map<Long, BigDecimal> quantities) {
        apply(fromReserved(quantities, true));
    }

    /**
     * Returned goods are back on the shelf: on hand goes up in the first warehouse (display order) that stocks the
     * product, or in the first warehouse of all for a product stocked nowhere.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receive(Map<Long, BigDecimal> quantities) {
        Map<Long, BigDecimal> left = new HashMap<>(quantities);
        List<Change> changes = new ArrayList<>();
        for (Row row : lock(quantities.keySet())) {
            BigDecimal quantity = left.remove(row.productId());
            if (quantity != null && quantity.signum() > 0) {
                changes.add(new Change(row.productId(), row.warehouseId(), BigDecimal.ZERO, quantity.negate()));
            }
        }
        left.forEach((product, quantity) -> jdbc.sql("""
                        insert into catalog.stock (product_id, warehouse_id, on_hand)
                        values (:product, (select id from catalog.warehouse order by position, id limit 1), :quantity)
                        on conflict (product_id, warehouse_id) do update
                           set on_hand = catalog.stock.on_hand + excluded.on_hand, updated_at = now()""")
                .param("product", product).param("quantity", quantity).update());
        apply(changes);
    }

    private List<Change> fromReserved(Map<Long, BigDecimal> quantities, boolean ship) {
        Map<Long, BigDecimal> left = new HashMap<>(quantities);
        List<Change> changes = new ArrayList<>();
        for (Row row : lock(quantities.keySet())) {
            BigDecimal take = left.get(row.productId()).min(row.reserved());
            if (take.signum() > 0) {
                left.merge(row.productId(), take.negate(), BigDecimal::add);
                changes.add(new Change(row.productId(), row.warehouseId(), take.negate(), ship ? take : BigDecimal.ZERO));
            }
        }
        left.forEach((product, quantity) -> {
            if (quantity.signum() > 0) {
                throw new IllegalStateException("Product " + product + " has " + quantity + " less reserved than "
                        + (ship ? "shipped" : "released"));
            }
        });
        return changes;
    }

    private List<Row> lock(java.util.Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        // locked in primary-key order (the same in every transaction), then used in the warehouses' display order
        return jdbc.sql("""
                        select s.product_id, s.warehouse_id, s.on_hand, s.reserved, s.held, w.position
                          from catalog.stock s join catalog.warehouse w on w.id = s.warehouse_id
                         where s.product_id = any(cast(:ids as bigint[]))
                         order by s.product_id, s.warehouse_id
                           for update of s""")
                .param("ids", productIds.stream().distinct().sorted().toArray(Long[]::new)).query(Row.class).list()
                .stream().sorted(Comparator.comparingLong(Row::productId).thenComparingInt(Row::position)
                        .thenComparingLong(Row::warehouseId))
                .toList();
    }

    private void apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update catalog.stock s
                           set reserved = s.reserved + c.reserve, on_hand = s.on_hand - c.ship, updated_at = now()
                          from unnest(cast(:products as bigint[]), cast(:warehouses as bigint[]),
                                      cast(:reserves as numeric[]), cast(:ships as numeric[]))
                               as c(product_id, warehouse_id, reserve, ship)
                         where s.product_id = c.product_id and s.warehouse_id = c.warehouse_id""")
                .param("products", changes.stream().map(Change::productId).toArray(Long[]::new))
                .param("warehouses", changes.stream().map(Change::warehouseId).toArray(Long[]::new))
                .param("reserves", changes.stream().map(Change::reserve).toArray(BigDecimal[]::new))
                .param("ships", changes.stream().map(Change::ship).toArray(BigDecimal[]::new))
                .update();
    }
}
