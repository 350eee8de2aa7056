package io.b2bportal.pricing.admin;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price types as the seller defines them: a price list, or another price type adjusted by a percentage or an amount
 * per unit and rounded. Derived types chain; a chain that would lead back to the type itself is refused before
 * anything is written. {@code base} always exists and always is a price list. A type that something uses (a derived
 * type, a customer group, a contract) is not deleted.
 */
@Service
public class PriceTypes {

    public static final String BASE = "base";

    public enum Kind { LIST, DERIVED }

    public enum AdjustmentKind { PERCENT, AMOUNT }

    /** KOPECK: to 0.01; ROUBLE: to 1; TEN_ROUBLES: to 10; NINETY: to the nearest whole rouble, then 0.10 below it. */
    public enum Rounding { KOPECK, ROUBLE, TEN_ROUBLES, NINETY }

    /** What the seller sets on a price type; the code is chosen once. */
    public record Definition(String code, String name, String nameEn, Kind kind, String priceList, String parent,
            AdjustmentKind adjustmentKind, BigDecimal adjustment, Rounding rounding) {
    }

    /** One step of a chain: a derived type's adjustment towards its parent, or the price list at the end. */
    public record Step(String code, String parent, AdjustmentKind adjustmentKind, BigDecimal adjustment,
            Rounding rounding, String priceList) {
    }

    /**
     * A price type with its chain down to a price list and what uses it.
     *
     * @param chain     from this type to the type that is a price list, one step each
     * @param contracts how many customer contracts name this type
     */
    public record View(String code, String name, String nameEn, Kind kind, String priceList, String priceListName,
            String parent, AdjustmentKind adjustmentKind, BigDecimal adjustment, Rounding rounding, List<Step> chain,
            List<String> derived, List<String> groups, long contracts, OffsetDateTime updatedAt, String updatedBy) {

        public boolean used() {
            return !derived.isEmpty() || !groups.isEmpty() || contracts > 0;
        }
    }

    private final JdbcClient jdbc;
    private final PricingAdminAccess access;
    private final PricingAudit audit;
    private final CustomersApi customers;

    PriceTypes(JdbcClient jdbc, PricingAdminAccess access, PricingAudit audit, CustomersApi customers) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.customers = customers;
    }

    private record Row(String code, String name, String nameEn, Long priceListId, String priceList,
            String priceListName, String parentCode, String adjustmentKind, BigDecimal adjustment, String rounding,
            OffsetDateTime updatedAt, String updatedBy) {
    }

    /** Every price type with its chain and uses, {@code base} first. */
    public List<View> list() {
        List<Row> rows = rows();
        Map<String, Row> byCode = rows.stream().collect(Collectors.toMap(Row::code, Function.identity()));
        Map<String, List<String>> derived = rows.stream().filter(r -> r.parentCode() != null)
                .collect(Collectors.groupingBy(Row::parentCode, Collectors.mapping(Row::code, Collectors.toList())));
        Map<String, List<String>> groups = groupsByType();
        Map<String, Long> contracts = jdbc.sql("""
                        select price_type, count(*) as contracts from customers.contract group by price_type""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return rows.stream().map(r -> view(r, byCode, derived.getOrDefault(r.code(), List.of()),
                groups.getOrDefault(r.code(), List.of()), contracts.getOrDefault(r.code(), 0L))).toList();
    }

    public Optional<View> find(String code) {
        return list().stream().filter(v -> v.code().equals(code)).findFirst();
    }

    public View require(String code) {
        return find(code).orElseThrow(() -> DomainException.notFound("price-type", code));
    }

    @Transactional
    public View create(PortalUser staff, Definition definition) {
        access.requireRuleEditor(staff);
        lock();
        Issues issues = validate(definition);
        if (!issues.has("code") && exists(definition.code())) {
            issues.add("code", "pricing.admin.type.code-taken", definition.code());
        }
        issues.throwIfAny();
        jdbc.sql("""
                        insert into pricing.price_type (code, name, name_en, price_list_id, parent_code, adjustment_kind,
                                                        adjustment, rounding, updated_by)
                        values (:code, :name, :nameEn, (select id from pricing.price_list where code = :list), :parent,
                                :kind, :adjustment, :rounding, :user)""")
                .paramSource(params(definition, staff)).update();
        audit.record(staff, "price-type.created", null, summary(definition));
        return require(definition.code());
    }

    @Transactional
    public View update(PortalUser staff, String code, Definition changes) {
        access.requireRuleEditor(staff);
        lock();
        if (!exists(code)) {
            throw DomainException.notFound("price-type", code);
        }
        Definition definition = new Definition(code, changes.name(), changes.nameEn(), changes.kind(),
                changes.priceList(), changes.parent(), changes.adjustmentKind(), changes.adjustment(),
                changes.rounding());
        validate(definition).throwIfAny();
        jdbc.sql("""
                        update pricing.price_type
                           set name = :name, name_en = :nameEn,
                               price_list_id = (select id from pricing.price_list where code = :list),
                               parent_code = :parent, adjustment_kind = :kind, adjustment = :adjustment,
                               rounding = :rounding, updated_at = now(), updated_by = :user
                         where code = :code""")
                .paramSource(params(definition, staff)).update();
        audit.record(staff, "price-type.updated", null, summary(definition));
        return require(code);
    }

    /** Deletes an unused price type; {@code base} and a type in use stay, with the reason. */
    @Transactional
    public void delete(PortalUser staff, String code) {
        access.requireRuleEditor(staff);
        lock();
        View type = require(code);
        if (BASE.equals(code)) {
            throw DomainException.conflict("price-type-base", "pricing.admin.type.base-stays");
        }
        if (type.used()) {
            List<String> uses = new ArrayList<>();
            type.derived().forEach(d -> uses.add(d));
            type.groups().forEach(g -> uses.add(g));
            throw DomainException.conflict("price-type-in-use", "pricing.admin.type.in-use", code,
                    String.join(", ", uses), type.contracts());
        }
        jdbc.sql("delete from pricing.price_type where code = :code").param("code", code).update();
        audit.record(staff, "price-type.deleted", null, code);
    }

    /** Price lists to choose from for a LIST type. */
    public record ListOption(String code, String name) {
    }

    public List<ListOption> priceLists() {
        return jdbc.sql("select code, name from pricing.price_list order by code <> 'base', code")
                .query(ListOption.class).list();
    }

    private Issues validate(Definition d) {
        Issues issues = new Issues();
        if (d.code() == null || !PriceLists.CODE.matcher(d.code()).matches()) {
            issues.add("code", "pricing.admin.code.invalid");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 200) {
            issues.add("name", "pricing.admin.name.invalid");
        }
        if (d.nameEn() != null && d.nameEn().strip().length() > 200) {
            issues.add("nameEn", "pricing.admin.name.invalid");
        }
        if (d.kind() == null) {
            issues.add("kind", "pricing.admin.required");
            return issues;
        }
        if (d.kind() == Kind.LIST) {
            if (d.priceList() == null || d.priceList().isBlank()) {
                issues.add("priceList", "pricing.admin.required");
            } else if (!jdbc.sql("select exists (select 1 from pricing.price_list where code = :code)")
                    .param("code", d.priceList()).query(Boolean.class).single()) {
                issues.add("priceList", "pricing.admin.type.unknown-list", d.priceList());
            }
            return issues;
        }
        if (BASE.equals(d.code())) {
            issues.add("kind", "pricing.admin.type.base-is-list");
        }
        if (d.parent() == null || d.parent().isBlank()) {
            issues.add("parent", "pricing.admin.required");
        } else if (d.parent().equals(d.code())) {
            issues.add("parent", "pricing.admin.type.cycle", d.code(), d.code() + " → " + d.code());
        } else if (!exists(d.parent())) {
            issues.add("parent", "pricing.admin.type.unknown-parent", d.parent());
        } else {
            cycleThrough(d.code(), d.parent()).ifPresent(path ->
                    issues.add("parent", "pricing.admin.type.cycle", d.code(), path));
        }
        if (d.adjustmentKind() == null) {
            issues.add("adjustmentKind", "pricing.admin.required");
        }
        BigDecimal value = d.adjustment();
        if (value == null) {
            issues.add("adjustment", "pricing.admin.required");
        } else if (value.stripTrailingZeros().scale() > 4 || value.abs().compareTo(PriceLists.MAX_AMOUNT) > 0) {
            issues.add("adjustment", "pricing.admin.number.scale", 4);
        } else if (d.adjustmentKind() == AdjustmentKind.PERCENT
                && (value.compareTo(new BigDecimal("-100")) <= 0 || value.compareTo(new BigDecimal("1000")) > 0)) {
            issues.add("adjustment", "pricing.admin.type.percent-range");
        }
        if (d.rounding() == null) {
            issues.add("rounding", "pricing.admin.required");
        }
        return issues;
    }

    /**
     * The chain that would lead from {@code parent} back to {@code code}, e.g. "a → b → c → a", if making {@code code}
     * derive from {@code parent} closes a cycle. Walks up from the parent with a recursive query; the depth limit
     * only guards against a cycle already in the table, which this check exists to prevent.
     */
    private Optional<String> cycleThrough(String code, String parent) {
        List<String> path = jdbc.sql("""
                        with recursive up (code, parent_code, depth) as (
                            select code, parent_code, 1 from pricing.price_type where code = :parent
                            union all
                            select t.code, t.parent_code, up.depth + 1
                              from pricing.price_type t join up on t.code = up.parent_code
                             where up.code <> :code and up.depth < 1000)
                        select code from up order by depth""")
                .param("parent", parent).param("code", code).query(String.class).list();
        if (!path.contains(code)) {
            return Optional.empty();
        }
        return Optional.of(code + " → " + String.join(" → ", path));
    }

    /** Type definitions change one at a time, so two edits cannot close a cycle between them. */
    private void lock() {
        jdbc.sql("lock table pricing.price_type in share row exclusive mode").update();
    }

    private boolean exists(String code) {
        return jdbc.sql("select exists (select 1 from pricing.price_type where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    private List<Row> rows() {
        return jdbc.sql("""
                        select t.code, t.name, t.name_en, t.price_list_id, l.code as price_list, l.name as price_list_name,
                               t.parent_code, t.adjustment_kind, t.adjustment, t.rounding, t.updated_at,
                               u.display_name as updated_by
                          from pricing.price_type t
                          left join pricing.price_list l on l.id = t.price_list_id
                          left join platform.user_account u on u.id = t.updated_by
                         order by t.code <> 'base', t.code""")
                .query(Row.class).list();
    }

    private Map<String, List<String>> groupsByType() {
        Map<Long, String> names = customers.groups().stream()
                .collect(Collectors.toMap(CustomersApi.CustomerGroup::id, CustomersApi.CustomerGroup::name));
        return jdbc.sql("select group_id, price_type_code from pricing.group_price_type")
                .query((rs, n) -> Map.entry(rs.getString(2), names.getOrDefault(rs.getLong(1), "#" + rs.getLong(1))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static View view(Row r, Map<String, Row> byCode, List<String> derived, List<String> groups,
            long contracts) {
        List<Step> chain = new ArrayList<>();
        Row step = r;
        for (int depth = 0; step != null && depth < 100; depth++) {
            chain.add(new Step(step.code(), step.parentCode(), kind(step.adjustmentKind(), AdjustmentKind.class),
                    step.adjustment(), kind(step.rounding(), Rounding.class), step.priceList()));
            step = step.parentCode() == null ? null : byCode.get(step.parentCode());
        }
        return new View(r.code(), r.name(), r.nameEn(), r.parentCode() == null ? Kind.LIST : Kind.DERIVED,
                r.priceList(), r.priceListName(), r.parentCode(), kind(r.adjustmentKind(), AdjustmentKind.class),
                r.adjustment(), kind(r.rounding(), Rounding.class), List.copyOf(chain), List.copyOf(derived),
                List.copyOf(groups), contracts, r.updatedAt(), r.updatedBy());
    }

    private static <E extends Enum<E>> E kind(String name, Class<E> type) {
        return name == null ? null : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name))
                .findFirst().orElse(null);
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Definition d,
            PortalUser staff) {
        boolean derived = d.kind() == Kind.DERIVED;
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("code", d.code()).addValue("name", d.name().strip())
                .addValue("nameEn", PriceLists.blankToNull(d.nameEn()))
                .addValue("list", derived ? null : d.priceList(), java.sql.Types.VARCHAR)
                .addValue("parent", derived ? d.parent() : null, java.sql.Types.VARCHAR)
                .addValue("kind", derived ? d.adjustmentKind().name() : null, java.sql.Types.VARCHAR)
                .addValue("adjustment", derived ? d.adjustment() : null, java.sql.Types.NUMERIC)
                .addValue("rounding", derived ? d.rounding().name() : Rounding.KOPECK.name())
                .addValue("user", staff.id());
    }

    private static String summary(Definition d) {
        return d.code() + " " + d.name().strip() + ": " + (d.kind() == Kind.LIST ? "list " + d.priceList()
                : d.parent() + " " + d.adjustmentKind() + " " + d.adjustment().stripTrailingZeros().toPlainString()
                        + " " + d.rounding());
    }
}
