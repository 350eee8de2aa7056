package io.b2bportal.ordering.order;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacement orders: goods the seller sends again at zero price to settle a claim. The order copies the original
 * lines' products, goes to the original order's address, reserves stock like any checkout (refused when a product
 * that may not be backordered is short) and starts CONFIRMED: there is nothing to pay, so no invoice is issued and
 * no credit is used, and the warehouse works it like any other order from there on.
 */
@Service
public class Replacements {

    private final JdbcClient jdbc;
    private final CatalogApi catalog;
    private final CustomersApi customers;

    Replacements(JdbcClient jdbc, CatalogApi catalog, CustomersApi customers) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.customers = customers;
    }

    /** A line to send again: the original order line and how much of it. */
    public record ReplacementLine(long orderLineId, BigDecimal quantity) {
    }

    public record Placed(long id, String number) {
    }

    private record Original(long id, String number, long companyId, long legalEntityId, Long addressId,
            String addressText, String currency) {
    }

    private record OriginalLine(long id, long productId, String sku, String name, String nameEn, String unitCode,
            String unitName, String vatRate, BigDecimal shipped) {
    }

    @Transactional
    public Placed place(long originalOrderId, long staffId, String reference, List<ReplacementLine> lines) {
        Original original = jdbc.sql("""
                        select id, number, company_id, legal_entity_id, address_id, address_text, currency
                          from ordering.orders where id = :id""")
                .param("id", originalOrderId).query(Original.class).optional()
                .orElseThrow(() -> DomainException.notFound("order", originalOrderId));
        Map<Long, OriginalLine> byId = jdbc.sql("""
                        select id, product_id, sku, name, name_en, unit_code, unit_name, vat_rate, shipped
                          from ordering.order_line where order_id = :id order by line_no""")
                .param("id", originalOrderId).query(OriginalLine.class).list().stream()
                .collect(Collectors.toMap(OriginalLine::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ReplacementLine> wanted = lines.stream().filter(l -> l.quantity() != null && l.quantity().signum() > 0)
                .toList();
        if (wanted.isEmpty()) {
            throw DomainException.invalid("nothing-to-order", "orders.refused.nothing");
        }
        Map<Long, BigDecimal> quantities = new LinkedHashMap<>();
        for (ReplacementLine line : wanted) {
            OriginalLine source = byId.get(line.orderLineId());
            if (source == null) {
                throw DomainException.notFound("order-line", line.orderLineId());
            }
            quantities.merge(source.productId(), line.quantity(), BigDecimal::add);
        }
        Map<Long, OrderableProduct> products = catalog.orderableById(quantities.keySet()).stream()
                .collect(Collectors.toMap(OrderableProduct::id, Function.identity()));
        Map<Long, BigDecimal> reserved = new java.util.HashMap<>(catalog.reserve(quantities));
        quantities.forEach((productId, quantity) -> {
            OrderableProduct product = products.get(productId);
            BigDecimal got = reserved.getOrDefault(productId, BigDecimal.ZERO);
            if (got.compareTo(quantity) < 0 && (product == null || !product.backorderAllowed())) {
                OriginalLine line = byId.values().stream().filter(l -> l.productId() == productId).findFirst()
                        .orElseThrow();
                // the transaction rolls back, and what was reserved with it
                throw DomainException.invalid("out-of-stock", "orders.refused.out-of-stock", line.sku() + " ("
                        + QuantityPolicy.plain(quantity) + " / " + QuantityPolicy.plain(got) + ")");
            }
        });
        ContractTerms terms = customers.termsOf(original.legalEntityId());
        Placed order = jdbc.sql("""
                        insert into ordering.orders (number, company_id, legal_entity_id, placed_by, channel, status,
                               comment, payment_terms, deferral_days, contract_number, currency, total_net, total_vat,
                               total_gross, address_id, address_text)
                        values (to_char(now() at time zone 'Europe/Moscow', 'YYYY') || '-'
                                    || lpad(nextval('ordering.order_number_seq')::text, 6, '0'),
                                :company, :entity, :staff, 'CLAIM', 'CONFIRMED', :comment, :terms, :days, :contract,
                                :currency, 0, 0, 0, :address, :addressText)
                        returning id, number""")
                .param("company", original.companyId()).param("entity", original.legalEntityId())
                .param("staff", staffId).param("comment", reference + " / " + original.number())
                .param("terms", terms.paymentTerms().name()).param("days", terms.deferralDays())
                .param("contract", terms.contractNumber()).param("currency", original.currency())
                .param("address", original.addressId()).param("addressText", original.addressText())
                .query(Placed.class).single();
        int no = 0;
        for (ReplacementLine line : wanted) {
            OriginalLine source = byId.get(line.orderLineId());
            BigDecimal fromStock = line.quantity().min(reserved.getOrDefault(source.productId(), BigDecimal.ZERO));
            reserved.merge(source.productId(), fromStock.negate(), BigDecimal::add);
            jdbc.sql("""
                            insert into ordering.order_line (order_id, line_no, product_id, sku, name, name_en,
                                   unit_code, unit_name, quantity, unit_net, unit_gross, vat_rate, line_net, line_vat,
                                   line_gross, price_source, reserved, backordered)
                            values (:order, :no, :product, :sku, :name, :nameEn, :unitCode, :unitName, :quantity, 0, 0,
                                    :vat, 0, 0, 0, 'CLAIM', :reserved, :backordered)""")
                    .param("order", order.id()).param("no", ++no).param("product", source.productId())
                    .param("sku", source.sku()).param("name", source.name()).param("nameEn", source.nameEn())
                    .param("unitCode", source.unitCode()).param("unitName", source.unitName())
                    .param("quantity", line.quantity()).param("vat", source.vatRate()).param("reserved", fromStock)
                    .param("backordered", line.quantity().subtract(fromStock)).update();
        }
        OrderHistory.record(jdbc, order.id(), staffId, "PLACED", null, OrderStatus.CONFIRMED,
                "CLAIM " + reference);
        return order;
    }
}
