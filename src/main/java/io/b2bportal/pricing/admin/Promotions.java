package io.b2bportal.pricing.admin;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotions as the seller sets them up: a time window, whom they are for (everyone, customer groups or companies),
 * what they cover (SKUs, categories with their subcategories, brands), what they do (percent off, amount off, a
 * special price), when they apply (a minimum line quantity, a minimum order amount), their priority and whether they
 * apply on top of contract prices. A promotion is checked whole before anything is written.
 */
@Service
public class Promotions {

    public enum Target { EVERYONE, GROUPS, COMPANIES }

    public enum Effect { PERCENT_OFF, AMOUNT_OFF, SPECIAL_PRICE }

    /** Where a promotion stands now: switched off, not started, running, or over. */
    public enum Status { RUNNING, SCHEDULED, ENDED, INACTIVE }

    /** What the seller sets on a promotion. Lists may be empty, not null. */
    public record Definition(String name, String nameEn, OffsetDateTime startsAt, OffsetDateTime endsAt,
            Target target, List<Long> groupIds, List<Long> companyIds, List<String> skus, List<String> categories,
            List<String> brands, Effect effect, BigDecimal value, BigDecimal minLineQty, BigDecimal minOrderAmount,
            Integer priority, Boolean stacksWithContract, Boolean active) {
    }

    /** Something a promotion names, with a label to show. */
    public record Named(long id, String code, String name) {
    }

    /** A promotion as lists, forms and the calendar show it. */
    public record View(long id, String name, String nameEn, OffsetDateTime startsAt, OffsetDateTime endsAt,
            Target target, List<Named> groups, List<Named> companies, List<String> skus, List<Named> categories,
            List<String> brands, Effect effect, BigDecimal value, BigDecimal minLineQty, BigDecimal minOrderAmount,
            int priority, boolean stacksWithContract, boolean active, Status status, OffsetDateTime updatedAt,
            String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final PricingAdminAccess access;
    private final PricingAudit audit;

    Promotions(JdbcClient jdbc, CustomersApi customers, PricingAdminAccess access, PricingAudit audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.access = access;
        this.audit = audit;
    }

    /** Every promotion: running first, then scheduled, then the rest, each by start. */
    public List<View> list() {
        return load(null, null, null);
    }

    /** The promotions whose window overlaps {@code [from, to)}, by start. */
    public List<View> overlapping(OffsetDateTime from, OffsetDateTime to) {
        return load(null, from, to);
    }

    public Optional<View> find(long id) {
        return load(id, null, null).stream().findFirst();
    }

    public View require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("promotion", id));
    }

    @Transactional
    public View create(PortalUser staff, Definition definition) {
        access.requireRuleEditor(staff);
        Resolved resolved = validate(definition);
        long id = jdbc.sql("""
                        insert into pricing.promotion (name, name_en, starts_at, ends_at, target, effect, value,
                                                       min_line_qty, min_order_amount, priority, stacks_with_contract,
                                                       active, updated_by)
                        values (:name, :nameEn, :startsAt, :endsAt, :target, :effect, :value, :minLineQty,
                                :minOrderAmount, :priority, :stacks, :active, :user)
                        returning id""")
                .paramSource(params(definition, staff)).query(Long.class).single();
        writeTargetsAndScopes(id, definition, resolved);
        View saved = require(id);
        audit.record(staff, "promotion.created", null, describe(saved));
        return saved;
    }

    @Transactional
    public View update(PortalUser staff, long id, Definition definition) {
        access.requireRuleEditor(staff);
        require(id);
        Resolved resolved = validate(definition);
        jdbc.sql("""
                        update pricing.promotion
                           set name = :name, name_en = :nameEn, starts_at = :startsAt, ends_at = :endsAt,
                               target = :target, effect = :effect, value = :value, min_line_qty = :minLineQty,
                               min_order_amount = :minOrderAmount, priority = :priority,
                               stacks_with_contract = :stacks, active = :active, updated_at = now(),
                               updated_by = :user
                         where id = :id""")
                .paramSource(params(definition, staff).addValue("id", id)).update();
        jdbc.sql("delete from pricing.promotion_target where promotion_id = :id").param("id", id).update();
        jdbc.sql("delete from pricing.promotion_scope where promotion_id = :id").param("id", id).update();
        writeTargetsAndScopes(id, definition, resolved);
        View saved = require(id);
        audit.record(staff, "promotion.updated", null, describe(saved));
        return saved;
    }

    @Transactional
    public void delete(PortalUser staff, long id) {
        access.requireRuleEditor(staff);
        View promotion = require(id);
        jdbc.sql("delete from pricing.promotion where id = :id").param("id", id).update();
        audit.record(staff, "promotion.deleted", null, describe(promotion));
    }

    /** The ids behind a definition's codes, found while checking it. */
    private record Resolved(Map<String, Long> products, Map<String, Long> categories) {
    }

    private Resolved validate(Definition d) {
        Issues issues = new Issues();
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 200) {
            issues.add("name", "pricing.admin.name.invalid");
        }
        if (d.nameEn() != null && d.nameEn().strip().length() > 200) {
            issues.add("nameEn", "pricing.admin.name.invalid");
        }
        if (d.startsAt() == null) {
            issues.add("startsAt", "pricing.admin.required");
        }
        if (d.endsAt() == null) {
            issues.add("endsAt", "pricing.admin.required");
        } else if (d.startsAt() != null && !d.endsAt().isAfter(d.startsAt())) {
            issues.add("endsAt", "pricing.admin.promotion.ends-before-start");
        }
        validateTarget(d, issues);
        Resolved resolved = validateScope(d, issues);
        if (d.effect() == null) {
            issues.add("effect", "pricing.admin.required");
        }
        BigDecimal value = d.value();
        if (value == null) {
            issues.add("value", "pricing.admin.required");
        } else if (value.signum() < 0) {
            issues.add("value", "pricing.admin.promotion.negative");
        } else if (value.stripTrailingZeros().scale() > 4 || value.compareTo(PriceLists.MAX_AMOUNT) > 0) {
            issues.add("value", "pricing.admin.number.scale", 4);
        } else if (d.effect() == Effect.PERCENT_OFF && value.compareTo(new BigDecimal(100)) > 0) {
            issues.add("value", "pricing.admin.promotion.percent-over-100");
        } else if (d.effect() != Effect.SPECIAL_PRICE && d.effect() != null && value.signum() == 0) {
            issues.add("value", "pricing.admin.promotion.zero");
        }
        if (d.minLineQty() != null && (d.minLineQty().signum() <= 0 || d.minLineQty().stripTrailingZeros().scale() > 3
                || d.minLineQty().compareTo(PriceLists.MAX_AMOUNT) > 0)) {
            issues.add("minLineQty", "pricing.admin.promotion.min-positive");
        }
        if (d.minOrderAmount() != null && (d.minOrderAmount().signum() <= 0
                || d.minOrderAmount().stripTrailingZeros().scale() > 4
                || d.minOrderAmount().compareTo(PriceLists.MAX_AMOUNT) > 0)) {
            issues.add("minOrderAmount", "pricing.admin.promotion.min-positive");
        }
        if (d.priority() != null && Math.abs(d.priority()) > 1_000_000) {
            issues.add("priority", "pricing.admin.promotion.priority-range");
        }
        issues.throwIfAny();
        return resolved;
    }

    private void validateTarget(Definition d, Issues issues) {
        if (d.target() == null) {
            issues.add("target", "pricing.admin.required");
            return;
        }
        switch (d.target()) {
            case EVERYONE -> { }
            case GROUPS -> {
                Set<Long> known = customers.groups().stream().map(CustomersApi.CustomerGroup::id)
                        .collect(Collectors.toSet());
                List<Long> ids = list(d.groupIds());
                if (ids.isEmpty()) {
                    issues.add("groupIds", "pricing.admin.promotion.no-groups");
                } else if (!known.containsAll(ids)) {
                    issues.add("groupIds", "pricing.admin.promotion.unknown-groups",
                            ids.stream().filter(id -> !known.contains(id)).map(String::valueOf)
                                    .collect(Collectors.joining(", ")));
                }
            }
            case COMPANIES -> {
                List<Long> ids = list(d.companyIds());
                Set<Long> known = customers.companies(ids).stream().map(CustomersApi.CompanyRef::id)
                        .collect(Collectors.toSet());
                if (ids.isEmpty()) {
                    issues.add("companyIds", "pricing.admin.promotion.no-companies");
                } else if (!known.containsAll(ids)) {
                    issues.add("companyIds", "pricing.admin.promotion.unknown-companies",
                            ids.stream().filter(id -> !known.contains(id)).map(String::valueOf)
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
    }

    private Resolved validateScope(Definition d, Issues issues) {
        List<String> skus = list(d.skus()).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> categories = list(d.categories()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        List<String> brands = list(d.brands()).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
        if (skus.isEmpty() && categories.isEmpty() && brands.isEmpty()) {
            issues.add("scope", "pricing.admin.promotion.empty-scope");
        }
        Map<String, Long> products = codes("select sku as code, id from catalog.product where sku = any (:codes)", skus);
        List<String> unknownSkus = skus.stream().filter(s -> !products.containsKey(s)).toList();
        if (!unknownSkus.isEmpty()) {
            issues.add("skus", "pricing.admin.promotion.unknown-skus", String.join(", ", limit(unknownSkus)),
                    unknownSkus.size());
        }
        Map<String, Long> categoryIds = codes("select code, id from catalog.category where code = any (:codes)",
                categories);
        List<String> unknownCategories = categories.stream().filter(c -> !categoryIds.containsKey(c)).toList();
        if (!unknownCategories.isEmpty()) {
            issues.add("categories", "pricing.admin.promotion.unknown-categories",
                    String.join(", ", limit(unknownCategories)));
        }
        if (brands.stream().anyMatch(b -> b.length() > 100)) {
            issues.add("brands", "pricing.admin.promotion.brand-long");
        } else if (!brands.isEmpty()) {
            Set<String> known = Set.copyOf(jdbc.sql("select distinct brand from catalog.product where brand = any (:brands)")
                    .param("brands", brands.toArray(String[]::new)).query(String.class).list());
            List<String> unknown = brands.stream().filter(b -> !known.contains(b)).toList();
            if (!unknown.isEmpty()) {
                issues.add("brands", "pricing.admin.promotion.unknown-brands", String.join(", ", limit(unknown)));
            }
        }
        return new Resolved(products, categoryIds);
    }

    private Map<String, Long> codes(String sql, List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(sql).param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getLong("id"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void writeTargetsAndScopes(long id, Definition d, Resolved resolved) {
        List<Long> groups = d.target() == Target.GROUPS ? list(d.groupIds()).stream().distinct().toList() : List.of();
        List<Long> companies = d.target() == Target.COMPANIES ? list(d.companyIds()).stream().distinct().toList()
                : List.of();
        jdbc.sql("""
                        insert into pricing.promotion_target (promotion_id, group_id, company_id)
                        select :id, g, null from unnest(cast(:groups as bigint[])) as g
                        union all
                        select :id, null, c from unnest(cast(:companies as bigint[])) as c""")
                .param("id", id).param("groups", groups.toArray(Long[]::new))
                .param("companies", companies.toArray(Long[]::new)).update();
        List<String> brands = list(d.brands()).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        jdbc.sql("""
                        insert into pricing.promotion_scope (promotion_id, product_id, category_id, brand)
                        select :id, p, null, null from unnest(cast(:products as bigint[])) as p
                        union all
                        select :id, null, c, null from unnest(cast(:categories as bigint[])) as c
                        union all
                        select :id, null, null, b from unnest(cast(:brands as text[])) as b""")
                .param("id", id).param("products", resolved.products().values().toArray(Long[]::new))
                .param("categories", resolved.categories().values().toArray(Long[]::new))
                .param("brands", brands.toArray(String[]::new)).update();
    }

    private record Row(long id, String name, String nameEn, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String target, String effect, BigDecimal value, BigDecimal minLineQty, BigDecimal minOrderAmount,
            int priority, boolean stacksWithContract, boolean active, OffsetDateTime updatedAt, String updatedBy) {
    }

    private record TargetRow(long promotionId, Long groupId, Long companyId) {
    }

    private record ScopeRow(long promotionId, String sku, Long categoryId, String categoryCode, String categoryName,
            String brand) {
    }

    private List<View> load(Long id, OffsetDateTime from, OffsetDateTime to) {
        List<Row> rows = jdbc.sql("""
                        select p.id, p.name, p.name_en, p.starts_at, p.ends_at, p.target, p.effect, p.value,
                               p.min_line_qty, p.min_order_amount, p.priority, p.stacks_with_contract, p.active,
                               p.updated_at, u.display_name as updated_by
                          from pricing.promotion p left join platform.user_account u on u.id = p.updated_by
                         where (cast(:id as bigint) is null or p.id = :id)
                           and (cast(:from as timestamptz) is null or (p.ends_at > :from and p.starts_at < :to))
                         order by case when not p.active then 3 when p.ends_at <= now() then 2
                                       when p.starts_at > now() then 1 else 0 end, p.starts_at, p.id""")
                .param("id", id).param("from", from).param("to", to).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<TargetRow>> targets = jdbc.sql("""
                        select promotion_id, group_id, company_id from pricing.promotion_target
                         where promotion_id = any (:ids)""")
                .param("ids", ids).query(TargetRow.class).list().stream()
                .collect(Collectors.groupingBy(TargetRow::promotionId));
        Map<Long, List<ScopeRow>> scopes = jdbc.sql("""
                        select s.promotion_id, p.sku, s.category_id, c.code as category_code, c.name as category_name,
                               s.brand
                          from pricing.promotion_scope s
                          left join catalog.product p on p.id = s.product_id
                          left join catalog.category c on c.id = s.category_id
                         where s.promotion_id = any (:ids)
                         order by p.sku, c.path, s.brand""")
                .param("ids", ids).query(ScopeRow.class).list().stream()
                .collect(Collectors.groupingBy(ScopeRow::promotionId));
        Map<Long, String> groupNames = customers.groups().stream()
                .collect(Collectors.toMap(CustomersApi.CustomerGroup::id, CustomersApi.CustomerGroup::name));
        Set<Long> companyIds = targets.values().stream().flatMap(List::stream).map(TargetRow::companyId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, String> companyNames = customers.companies(companyIds).stream()
                .collect(Collectors.toMap(CustomersApi.CompanyRef::id, CustomersApi.CompanyRef::name));
        OffsetDateTime now = OffsetDateTime.now();
        return rows.stream().map(r -> {
            List<TargetRow> t = targets.getOrDefault(r.id(), List.of());
            List<ScopeRow> s = scopes.getOrDefault(r.id(), List.of());
            return new View(r.id(), r.name(), r.nameEn(), r.startsAt(), r.endsAt(), Target.valueOf(r.target()),
                    t.stream().filter(x -> x.groupId() != null)
                            .map(x -> new Named(x.groupId(), null, groupNames.getOrDefault(x.groupId(), "#" + x.groupId())))
                            .sorted(java.util.Comparator.comparing(Named::name)).toList(),
                    t.stream().filter(x -> x.companyId() != null)
                            .map(x -> new Named(x.companyId(), null,
                                    companyNames.getOrDefault(x.companyId(), "#" + x.companyId())))
                            .sorted(java.util.Comparator.comparing(Named::name)).toList(),
                    s.stream().map(ScopeRow::sku).filter(java.util.Objects::nonNull).toList(),
                    s.stream().filter(x -> x.categoryId() != null)
                            .map(x -> new Named(x.categoryId(), x.categoryCode(), x.categoryName())).toList(),
                    s.stream().map(ScopeRow::brand).filter(java.util.Objects::nonNull).toList(),
                    Effect.valueOf(r.effect()), r.value(), r.minLineQty(), r.minOrderAmount(), r.priority(),
                    r.stacksWithContract(), r.active(), status(r, now), r.updatedAt(), r.updatedBy());
        }).toList();
    }

    private static Status status(Row r, OffsetDateTime now) {
        if (!r.active()) {
            return Status.INACTIVE;
        }
        if (!r.endsAt().isAfter(now)) {
            return Status.ENDED;
        }
        return r.startsAt().isAfter(now) ? Status.SCHEDULED : Status.RUNNING;
    }

    private static MapSqlParameterSource params(Definition d, PortalUser staff) {
        return new MapSqlParameterSource()
                .addValue("name", d.name().strip()).addValue("nameEn", PriceLists.blankToNull(d.nameEn()))
                .addValue("startsAt", d.startsAt()).addValue("endsAt", d.endsAt())
                .addValue("target", d.target().name()).addValue("effect", d.effect().name())
                .addValue("value", d.value())
                .addValue("minLineQty", d.minLineQty(), java.sql.Types.NUMERIC)
                .addValue("minOrderAmount", d.minOrderAmount(), java.sql.Types.NUMERIC)
                .addValue("priority", d.priority() == null ? 0 : d.priority())
                .addValue("stacks", d.stacksWithContract() != null && d.stacksWithContract())
                .addValue("active", d.active() == null || d.active())
                .addValue("user", staff.id());
    }

    private static String describe(View p) {
        return "#" + p.id() + " " + p.name() + " " + p.startsAt().toLocalDate() + "…" + p.endsAt().toLocalDate() + " "
                + p.effect() + " " + p.value().stripTrailingZeros().toPlainString() + (p.active() ? "" : " (off)");
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static List<String> limit(List<String> values) {
        return values.size() <= 10 ? values : values.subList(0, 10);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }
}
