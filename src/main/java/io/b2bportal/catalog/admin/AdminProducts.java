package io.b2bportal.catalog.admin;

import io.b2bportal.catalog.admin.AdminProduct.FileEntry;
import io.b2bportal.catalog.admin.AdminProduct.Relation;
import io.b2bportal.catalog.admin.AdminProduct.StockEntry;
import io.b2bportal.catalog.search.TextMatch;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller's read side of products: the dense product table (searched the way buyers search, sorted by any column)
 * and one product with everything the edit page and the admin API show. The whole catalog, no assortment segment.
 */
@Service
public class AdminProducts {

    /**
     * A fingerprint of the product's own fields: it changes exactly when one of them does (stock, files and
     * relations have their own tables), so two people editing the same product do not overwrite each other unseen.
     */
    static final String VERSION = """
            md5(cast(row(p.name, p.name_en, p.brand, p.mpn, p.barcodes, p.unit_code, p.unit_name, p.pack_multiple,
                         p.min_order_qty, p.weight_kg, p.volume_m3, p.vat_rate, p.purchase_cost, p.description,
                         p.category_id, p.status, p.successor_sku, p.backorder_allowed, p.lead_time_days, p.attributes)
                     as text))""";

    private final JdbcClient jdbc;

    AdminProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of the product table: on hand and available are summed over all warehouses. */
    public record Row(String sku, String name, String brand, String categoryName, String status, String successorSku,
            BigDecimal onHand, BigDecimal available, OffsetDateTime updatedAt, String imageSha256) {
    }

    public record Page(List<Row> rows, long total) {
    }

    /** An attribute of a category's set, defined on the category itself or on one above it. */
    public record SetAttribute(long id, String code, String name, String nameEn, String type, String unit,
            long categoryId, String categoryName) {
    }

    /**
     * An attribute input of the edit page: those of the category's set, then any other the product has a value for
     * (from an import, or from its former category), which may be cleared. ENUM inputs suggest the values in use.
     */
    public record AttributeSlot(String code, String name, String nameEn, String type, String unit, String definedIn,
            boolean inSet, List<String> suggestions) {
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    @Transactional(readOnly = true)
    public Page page(AdminProductQuery query) {
        Page strict = run(query, false);
        if (strict.total() > 0 || query.text() == null) {
            return strict;
        }
        TextMatch.forgiveTypos(jdbc);
        return run(query, true);
    }

    private Page run(AdminProductQuery query, boolean fuzzy) {
        Filter filter = filter(query, fuzzy);
        long total = jdbc.sql("select count(*) from catalog.product p where " + filter.where())
                .params(filter.params()).query(Long.class).single();
        if (total == 0) {
            return new Page(List.of(), 0);
        }
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("limit", query.size());
        params.put("offset", query.page() * query.size());
        List<Row> rows = jdbc.sql("""
                        select p.sku, p.name, p.brand, c.name as category_name, p.status, p.successor_sku,
                               coalesce(s.on_hand, 0) as on_hand, coalesce(s.available, 0) as available, p.updated_at,
                               img.blob_sha256 as image_sha256
                          from catalog.product p
                          join catalog.category c on c.id = p.category_id
                          left join lateral (select sum(on_hand) as on_hand, sum(greatest(on_hand - reserved - held, 0)) as available
                                               from catalog.stock where product_id = p.id) s on true
                          left join lateral (select blob_sha256 from catalog.product_file
                                              where product_id = p.id and kind = 'IMAGE'
                                              order by position, id limit 1) img on true
                         where %s
                         order by %s
                         limit :limit offset :offset""".formatted(filter.where(), order(query)))
                .params(params).query(Row.class).list();
        return new Page(rows, total);
    }

    private static String order(AdminProductQuery query) {
        String sort = query.effectiveSort();
        if (sort.equals("relevance")) {
            return TextMatch.RELEVANCE;
        }
        String column = switch (sort) {
            case "name" -> "p.name";
            case "brand" -> "p.brand";
            case "category" -> "c.name";
            case "status" -> "p.status";
            case "stock" -> "coalesce(s.on_hand, 0)";
            case "updated" -> "p.updated_at";
            default -> "p.sku";
        };
        return column + (query.descending() ? " desc" : "") + " nulls last" + (column.equals("p.sku") ? "" : ", p.sku");
    }

    private static Filter filter(AdminProductQuery query, boolean fuzzy) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.categoryId() != null) {
            where.add("""
                    p.category_id in (select c.id from catalog.category c
                                       where c.path like (select path from catalog.category where id = :category) || '%')""");
            params.put("category", query.categoryId());
        }
        if (query.status() != null) {
            where.add("p.status = :status");
            params.put("status", query.status());
        }
        if (query.text() != null) {
            params.putAll(TextMatch.params(query.text()));
            where.add(fuzzy ? TextMatch.FUZZY : TextMatch.STRICT);
        }
        return new Filter(where.isEmpty() ? "true" : String.join(" and ", where), params);
    }

    public boolean exists(String sku) {
        return sku != null && jdbc.sql("select exists (select 1 from catalog.product where sku = :sku)")
                .param("sku", sku).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<AdminProduct> find(String sku) {
        Optional<AdminProduct> head = jdbc.sql("""
                        select p.id, p.sku, p.name, p.name_en, p.brand, p.mpn, p.barcodes, p.unit_code, p.unit_name,
                               p.pack_multiple, p.min_order_qty, p.weight_kg, p.volume_m3, p.vat_rate, p.purchase_cost,
                               p.description, p.category_id, c.code as category_code, c.name as category_name, p.status,
                               p.successor_sku, p.backorder_allowed, p.lead_time_days, %s as version, p.created_at,
                               p.updated_at
                          from catalog.product p join catalog.category c on c.id = p.category_id
                         where p.sku = :sku""".formatted(VERSION))
                .param("sku", sku)
                .query((rs, n) -> new AdminProduct(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                        rs.getString("name_en"), rs.getString("brand"), rs.getString("mpn"),
                        List.of((String[]) rs.getArray("barcodes").getArray()), rs.getString("unit_code"),
                        rs.getString("unit_name"), rs.getBigDecimal("pack_multiple"), rs.getBigDecimal("min_order_qty"),
                        rs.getBigDecimal("weight_kg"), rs.getBigDecimal("volume_m3"), rs.getString("vat_rate"),
                        rs.getBigDecimal("purchase_cost"), rs.getString("description"), rs.getLong("category_id"),
                        rs.getString("category_code"), rs.getString("category_name"), rs.getString("status"),
                        rs.getString("successor_sku"), rs.getBoolean("backorder_allowed"),
                        (Integer) rs.getObject("lead_time_days"), attributes(rs.getLong("id")), List.of(), List.of(),
                        List.of(), rs.getString("version"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
        return head.map(p -> p.with(relations(p.id()), files(p.id()), stock(p.id())));
    }

    /** Attribute values by code, typed as stored: numbers as decimals, yes/no as booleans, the rest as text. */
    private Map<String, Object> attributes(long productId) {
        Map<String, Object> values = new LinkedHashMap<>();
        jdbc.sql("""
                        select kv.key, kv.value #>> '{}' as text, jsonb_typeof(kv.value) as type
                          from catalog.product p cross join lateral jsonb_each(p.attributes) kv(key, value)
                          left join catalog.attribute a on a.code = kv.key
                         where p.id = :id order by a.position nulls last, kv.key""")
                .param("id", productId)
                .query(rs -> {
                    String text = rs.getString("text");
                    values.put(rs.getString("key"), switch (rs.getString("type")) {
                        case "number" -> new BigDecimal(text);
                        case "boolean" -> Boolean.valueOf(text);
                        default -> text;
                    });
                });
        return values;
    }

    private List<Relation> relations(long productId) {
        return jdbc.sql("""
                        select r.kind, p.sku, p.name, p.brand, p.status from catalog.product_relation r
                          join catalog.product p on p.id = r.related_id
                         where r.product_id = :id order by r.kind, p.sku""")
                .param("id", productId).query(Relation.class).list();
    }

    private List<FileEntry> files(long productId) {
        return jdbc.sql("""
                        select id, kind, title, blob_sha256 as sha256, position from catalog.product_file
                         where product_id = :id order by kind, position, id""")
                .param("id", productId).query(FileEntry.class).list();
    }

    private List<StockEntry> stock(long productId) {
        return jdbc.sql("""
                        select w.id as warehouse_id, w.code as warehouse_code, w.name as warehouse_name,
                               s.product_id is not null as stocked, coalesce(s.on_hand, 0) as on_hand,
                               coalesce(s.held, 0) as reserved, coalesce(greatest(s.on_hand - s.reserved - s.held, 0), 0) as available,
                               coalesce(s.incoming, 0) as incoming, s.incoming_date
                          from catalog.warehouse w
                          left join catalog.stock s on s.warehouse_id = w.id and s.product_id = :id
                         order by w.position, w.id""")
                .param("id", productId).query(StockEntry.class).list();
    }

    /** The attribute set of a category: its own attributes and those of every category above it. */
    public List<SetAttribute> attributeSet(long categoryId) {
        return jdbc.sql("""
                        select * from (
                          select distinct on (a.id) a.id, a.code, a.name, a.name_en, a.type, a.unit, a.position,
                                 anc.id as category_id, anc.name as category_name
                            from catalog.category c
                            join catalog.category anc on c.path like anc.path || '%'
                            join catalog.category_attribute ca on ca.category_id = anc.id
                            join catalog.attribute a on a.id = ca.attribute_id
                           where c.id = :id
                           order by a.id, length(anc.path) desc) s
                         order by s.position, s.code""")
                .param("id", categoryId).query(SetAttribute.class).list();
    }

    /** The inputs of the edit page: the set of the category (none yet for a new product) and the other codes given. */
    public List<AttributeSlot> slots(Long categoryId, Collection<String> otherCodes) {
        List<SetAttribute> set = categoryId == null ? List.of() : attributeSet(categoryId);
        List<String> extra = otherCodes.stream().filter(code -> set.stream().noneMatch(a -> a.code().equals(code)))
                .toList();
        Map<String, List<String>> suggestions = categoryId == null ? Map.of() : suggestions(categoryId,
                set.stream().filter(a -> a.type().equals("ENUM")).map(SetAttribute::code).toList());
        List<AttributeSlot> slots = new ArrayList<>();
        set.forEach(a -> slots.add(new AttributeSlot(a.code(), a.name(), a.nameEn(), a.type(), a.unit(),
                a.categoryId() == categoryId ? null : a.categoryName(), true,
                suggestions.getOrDefault(a.code(), List.of()))));
        if (!extra.isEmpty()) {
            jdbc.sql("""
                            select code, name, name_en, type, unit from catalog.attribute
                             where code = any(:codes) order by position, code""")
                    .param("codes", extra.toArray(String[]::new))
                    .query(rs -> {
                        slots.add(new AttributeSlot(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                                rs.getString("type"), rs.getString("unit"), null, false, List.of()));
                    });
        }
        return slots;
    }

    /** The values of ENUM attributes in use in a category, most used first. */
    private Map<String, List<String>> suggestions(long categoryId, List<String> codes) {
        Map<String, List<String>> values = new HashMap<>();
        if (codes.isEmpty()) {
            return values;
        }
        jdbc.sql("""
                        select kv.key, kv.value from catalog.product p
                         cross join lateral jsonb_each_text(p.attributes) kv(key, value)
                         where p.category_id = :category and kv.key = any(:codes)
                         group by kv.key, kv.value order by kv.key, count(*) desc, kv.value""")
                .param("category", categoryId).param("codes", codes.toArray(String[]::new))
                .query(rs -> {
                    List<String> list = values.computeIfAbsent(rs.getString("key"), k -> new ArrayList<>());
                    if (list.size() < 50) {
                        list.add(rs.getString("value"));
                    }
                });
        return values;
    }
}
