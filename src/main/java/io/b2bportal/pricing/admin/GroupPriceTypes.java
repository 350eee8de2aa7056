package io.b2bportal.pricing.admin;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price type of each customer group: the step between a contract's own price type and the base. A group without
 * one buys at the base price type (unless its companies' contracts say otherwise).
 */
@Service
public class GroupPriceTypes {

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final PricingAdminAccess access;
    private final PricingAudit audit;

    GroupPriceTypes(JdbcClient jdbc, CustomersApi customers, PricingAdminAccess access, PricingAudit audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.access = access;
        this.audit = audit;
    }

    /** A customer group with its price type; {@code priceType} null: the base. */
    public record GroupPriceType(long groupId, String groupCode, String groupName, String priceType,
            OffsetDateTime updatedAt, String updatedBy) {
    }

    private record Assigned(long groupId, String priceTypeCode, OffsetDateTime updatedAt, String updatedBy) {
    }

    public List<GroupPriceType> list() {
        Map<Long, Assigned> assigned = jdbc.sql("""
                        select g.group_id, g.price_type_code, g.updated_at, u.display_name as updated_by
                          from pricing.group_price_type g left join platform.user_account u on u.id = g.updated_by""")
                .query(Assigned.class).list().stream()
                .collect(Collectors.toMap(Assigned::groupId, Function.identity()));
        return customers.groups().stream().map(g -> {
            Assigned a = assigned.get(g.id());
            return new GroupPriceType(g.id(), g.code(), g.name(), a == null ? null : a.priceTypeCode(),
                    a == null ? null : a.updatedAt(), a == null ? null : a.updatedBy());
        }).toList();
    }

    /** Sets (or, with null, removes) a group's price type. */
    @Transactional
    public GroupPriceType assign(PortalUser staff, long groupId, String priceType) {
        access.requireRuleEditor(staff);
        GroupPriceType group = list().stream().filter(g -> g.groupId() == groupId).findFirst()
                .orElseThrow(() -> DomainException.notFound("customer-group", groupId));
        String code = PriceLists.blankToNull(priceType);
        if (code == null) {
            jdbc.sql("delete from pricing.group_price_type where group_id = :group").param("group", groupId).update();
        } else {
            if (!jdbc.sql("select exists (select 1 from pricing.price_type where code = :code)").param("code", code)
                    .query(Boolean.class).single()) {
                throw InvalidPricingInput.of("priceType", "pricing.admin.type.unknown", code);
            }
            jdbc.sql("""
                            insert into pricing.group_price_type (group_id, price_type_code, updated_by)
                            values (:group, :code, :user)
                            on conflict (group_id) do update
                               set price_type_code = excluded.price_type_code, updated_at = now(),
                                   updated_by = excluded.updated_by
                             where pricing.group_price_type.price_type_code <> excluded.price_type_code""")
                    .param("group", groupId).param("code", code).param("user", staff.id()).update();
        }
        if (!java.util.Objects.equals(group.priceType(), code)) {
            audit.record(staff, "group-price-type.changed", null, group.groupCode() + ": "
                    + (group.priceType() == null ? "base" : group.priceType()) + " → " + (code == null ? "base" : code));
        }
        return list().stream().filter(g -> g.groupId() == groupId).findFirst().orElseThrow();
    }
}
