package io.b2bportal.ordering.order;

import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of orders: lists with filters and paging, and one order with its lines, shipments and history. Every
 * query is narrowed to a {@link Scope}: a buyer sees the orders of the legal entity they act for, staff those of the
 * customers they may see; any other order is not found.
 */
@Repository
public class Orders {

    /** Whose orders: one legal entity's (a buyer), or staff's (all, or one account manager's clients; -1 none). */
    public record Scope(Long legalEntityId, boolean staff, Long managerId) {

        public static Scope buyer(long legalEntityId) {
            return new Scope(legalEntityId, false, null);
        }

        public static Scope staff(Long managerId) {
            return new Scope(null, true, managerId);
        }
    }

    private static final String VISIBLE = """
            ((not :staff and o.legal_entity_id = :entity)
             or (:staff and (cast(:manager as bigint) is null or c.account_manager_id = :manager)))""";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of orders, newest first, and one more if there is a next page. */
    @Transactional(readOnly = true)
    public List<OrderSummary> list(Scope scope, OrderFilter filter, Long staffId) {
        return jdbc.sql("""
                        select o.id, o.number, o.created_at, o.status, o.po_number, o.company_id,
                               c.name as company_name, e.name as legal_entity_name, u.display_name as placed_by,
                               o.channel, (select count(*) from ordering.order_line l where l.order_id = o.id) as lines,
                               o.total_gross, o.currency, o.desired_date,
                               exists (select 1 from ordering.order_line l
                                        where l.order_id = o.id and l.backordered > 0) as backorder
                          from ordering.orders o
                          join customers.company c on c.id = o.company_id
                          join customers.legal_entity e on e.id = o.legal_entity_id
                          join platform.user_account u on u.id = o.placed_by
                         where %s
                           and (cast(:q as text) is null or o.number ilike '%%' || :q || '%%'
                                or o.po_number ilike '%%' || :q || '%%')
                           and (cast(:status as text) is null or o.status = :status)
                           and (cast(:from as date) is null
                                or o.created_at >= cast(:from as date) at time zone 'Europe/Moscow')
                           and (cast(:to as date) is null
                                or o.created_at < (cast(:to as date) + 1) at time zone 'Europe/Moscow')
                           and (cast(:company as text) is null or c.name ilike '%%' || :company || '%%')
                           and (not :mine or c.account_manager_id = :me)
                         order by o.created_at desc, o.id desc
                         limit :limit offset :offset""".formatted(VISIBLE))
                .params(scope(scope)).param("q", escape(filter.q()))
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("from", filter.from()).param("to", filter.to()).param("company", escape(filter.company()))
                .param("mine", filter.mine()).param("me", staffId == null ? -1L : staffId)
                .param("limit", filter.size() + 1).param("offset", filter.page() * filter.size())
                .query(Orders::summary).list();
    }

    @Transactional(readOnly = true)
    public OrderView get(Scope scope, String number) {
        return find(scope, number).orElseThrow(() -> DomainException.notFound("order", number));
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(Scope scope, String number) {
        Optional<OrderView> head = jdbc.sql("""
                        select o.*, c.name as company_name, e.name as legal_entity_name, u.display_name as placed_by_name
                          from ordering.orders o
                          join customers.company c on c.id = o.company_id
                          join customers.legal_entity e on e.id = o.legal_entity_id
                          join platform.user_account u on u.id = o.placed_by
                         where o.number = :number and %s""".formatted(VISIBLE))
                .params(scope(scope)).param("number", number == null ? "" : number).query(Orders::head).optional();
        return head.map(this::withDetails);
    }

    /** The order's id, if the scope may see it (for actions, which then lock it). */
    public long idOf(Scope scope, String number) {
        return jdbc.sql("""
                        select o.id from ordering.orders o join customers.company c on c.id = o.company_id
                         where o.number = :number and %s""".formatted(VISIBLE))
                .params(scope(scope)).param("number", number == null ? "" : number).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("order", number));
    }

    public String numberOf(long id) {
        return jdbc.sql("select number from ordering.orders where id = :id").param("id", id).query(String.class)
                .single();
    }

    private OrderView withDetails(OrderView head) {
        List<OrderView.Line> lines = jdbc.sql("""
                        select id, line_no, product_id, sku, name, name_en, unit_name, quantity, unit_net, unit_gross,
                               vat_rate, line_net, line_vat, line_gross, price_source, promotion, reserved, backordered,
                               expected_date, shipped, address_text
                          from ordering.order_line where order_id = :id order by line_no""")
                .param("id", head.id()).query(OrderView.Line.class).list();
        record ShipmentRow(long id, int number, OffsetDateTime shippedAt, String shippedBy, Integer lineNo, String sku,
                BigDecimal quantity, String unitName) {
        }
        Map<Long, OrderView.Shipment> shipments = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, s.number, s.shipped_at, u.display_name as shipped_by, l.line_no, l.sku,
                               sl.quantity, l.unit_name
                          from ordering.shipment s
                          join platform.user_account u on u.id = s.shipped_by
                          join ordering.shipment_line sl on sl.shipment_id = s.id
                          join ordering.order_line l on l.id = sl.order_line_id
                         where s.order_id = :id order by s.number, l.line_no""")
                .param("id", head.id()).query(ShipmentRow.class).list()
                .forEach(r -> shipments.computeIfAbsent(r.id(), k -> new OrderView.Shipment(r.number(), r.shippedAt(),
                        r.shippedBy(), new ArrayList<>())).lines()
                        .add(new OrderView.ShipmentLine(r.lineNo(), r.sku(), r.quantity(), r.unitName())));
        List<OrderView.Event> history = jdbc.sql("""
                        select e.at, u.display_name as actor, e.action, e.from_status, e.to_status, e.comment
                          from ordering.order_event e left join platform.user_account u on u.id = e.actor_id
                         where e.order_id = :id order by e.id""")
                .param("id", head.id()).query(OrderView.Event.class).list();
        return new OrderView(head.id(), head.number(), head.companyId(), head.companyName(), head.legalEntityId(),
                head.legalEntityName(), head.placedBy(), head.channel(), head.status(), head.poNumber(), head.comment(),
                head.desiredDate(), head.paymentTerms(), head.deferralDays(), head.contractNumber(), head.currency(),
                head.totalNet(), head.totalVat(), head.totalGross(), head.addressText(), head.sourceCartIds(),
                head.cancelReason(), head.createdAt(), head.updatedAt(), head.version(), lines,
                List.copyOf(shipments.values()), history);
    }

    private static Map<String, Object> scope(Scope scope) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("staff", scope.staff());
        params.put("entity", scope.legalEntityId() == null ? -1L : scope.legalEntityId());
        params.put("manager", scope.managerId());
        return params;
    }

    private static String escape(String text) {
        return text == null ? null : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OrderSummary summary(ResultSet rs, int row) throws SQLException {
        return new OrderSummary(rs.getLong("id"), rs.getString("number"),
                rs.getObject("created_at", OffsetDateTime.class), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("po_number"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getString("legal_entity_name"), rs.getString("placed_by"), rs.getString("channel"),
                rs.getInt("lines"), rs.getBigDecimal("total_gross"), rs.getString("currency"),
                rs.getObject("desired_date", LocalDate.class), rs.getBoolean("backorder"));
    }

    private static OrderView head(ResultSet rs, int row) throws SQLException {
        return new OrderView(rs.getLong("id"), rs.getString("number"), rs.getLong("company_id"),
                rs.getString("company_name"), rs.getLong("legal_entity_id"), rs.getString("legal_entity_name"),
                rs.getString("placed_by_name"), rs.getString("channel"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("po_number"), rs.getString("comment"), rs.getObject("desired_date", LocalDate.class),
                rs.getString("payment_terms"), rs.getInt("deferral_days"), rs.getString("contract_number"),
                rs.getString("currency"), rs.getBigDecimal("total_net"), rs.getBigDecimal("total_vat"),
                rs.getBigDecimal("total_gross"), rs.getString("address_text"),
                Arrays.asList((Long[]) rs.getArray("source_cart_ids").getArray()), rs.getString("cancel_reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"), List.of(), List.of(), List.of());
    }
}
