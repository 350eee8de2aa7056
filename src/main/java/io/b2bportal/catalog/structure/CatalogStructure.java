package io.b2bportal.catalog.structure;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's structure as the catalog manager keeps it: the category tree, typed attributes and which categories
 * use them, warehouses. Every member of staff may look; catalog managers and administrators change.
 */
@Service
public class CatalogStructure {

    private final JdbcClient jdbc;

    CatalogStructure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CategoryView(long id, Long parentId, String code, String name, String nameEn, int depth, long products,
            List<String> attributes) {
    }

    public record AttributeView(long id, String code, String name, String nameEn, String type, String unit,
            boolean filterable, long categories) {
    }

    public record WarehouseView(long id, String code, String name, String address, long products, BigDecimal onHand,
            BigDecimal reserved, BigDecimal incoming) {
    }

    /** A category as its edit page shows it: the attributes it adds, and those it inherits from above. */
    public record CategoryDetail(long id, Long parentId, String code, String name, String nameEn, List<String> own,
            List<Inherited> inherited) {
    }

    /** An attribute a category's products have because a category above it has it in its set. */
    public record Inherited(String code, String name, String fromCategory) {
    }

    public record AttributeDetail(long id, String code, String name, String nameEn, String type, String unit,
            boolean filterable, int position) {
    }

    public record WarehouseDetail(long id, String code, String name, String address, int position) {
    }

    public List<CategoryView> categories() {
        return jdbc.sql("""
                        select c.id, c.parent_id, c.code, c.name, c.name_en,
                               length(c.path) - length(replace(c.path, '/', '')) - 2 as depth,
                               (select count(*) from catalog.product p join catalog.category pc on pc.id = p.category_id
                                 where pc.path like c.path || '%') as products,
                               coalesce((select array_agg(a.code order by a.position) from catalog.category_attribute ca
                                          join catalog.attribute a on a.id = ca.attribute_id
                                         where ca.category_id = c.id), '{}') as attributes
                          from catalog.category c order by c.path""")
                .query((rs, n) -> new CategoryView(rs.getLong("id"), (Long) rs.getObject("parent_id"),
                        rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getInt("depth"),
                        rs.getLong("products"), List.of((String[]) rs.getArray("attributes").getArray())))
                .list();
    }

    public List<AttributeView> attributes() {
        return jdbc.sql("""
                        select a.id, a.code, a.name, a.name_en, a.type, a.unit, a.filterable,
                               (select count(*) from catalog.category_attribute ca where ca.attribute_id = a.id)
                                   as categories
                          from catalog.attribute a order by a.position, a.code""")
                .query(AttributeView.class).list();
    }

    public List<WarehouseView> warehouses() {
        return jdbc.sql("""
                        select w.id, w.code, w.name, w.address, count(s.product_id) filter (where s.on_hand > 0) as products,
                               coalesce(sum(s.on_hand), 0) as on_hand, coalesce(sum(s.reserved + s.held), 0) as reserved,
                               coalesce(sum(s.incoming), 0) as incoming
                          from catalog.warehouse w left join catalog.stock s on s.warehouse_id = w.id
                         group by w.id order by w.position, w.id""")
                .query(WarehouseView.class).list();
    }

    public Optional<CategoryDetail> category(long id) {
        return jdbc.sql("select id, parent_id, code, name, name_en, path from catalog.category where id = :id")
                .param("id", id)
                .query((rs, n) -> new CategoryDetail(rs.getLong("id"), (Long) rs.getObject("parent_id"),
                        rs.getString("code"), rs.getString("name"), rs.getString("name_en"), ownAttributes(id),
                        inherited(rs.getString("path"), id)))
                .optional();
    }

    private List<String> ownAttributes(long categoryId) {
        return jdbc.sql("""
                        select a.code from catalog.category_attribute ca join catalog.attribute a on a.id = ca.attribute_id
                         where ca.category_id = :id order by a.position, a.code""")
                .param("id", categoryId).query(String.class).list();
    }

    private List<Inherited> inherited(String path, long categoryId) {
        return jdbc.sql("""
                        select distinct on (a.position, a.code) a.code, a.name, anc.name as from_category
                          from catalog.category anc
                          join catalog.category_attribute ca on ca.category_id = anc.id
                          join catalog.attribute a on a.id = ca.attribute_id
                         where :path like anc.path || '%' and anc.id <> :id
                         order by a.position, a.code, length(anc.path) desc""")
                .param("path", path).param("id", categoryId).query(Inherited.class).list();
    }

    /**
     * Renames a category and replaces the attributes it adds to its set (those inherited from above stay). Products
     * keep the values of an attribute taken out of the set; their edit page offers to clear them.
     */
    @Transactional
    public void updateCategory(PortalUser staff, long id, String code, String name, String nameEn,
            List<String> attributeCodes) {
        requireManager(staff);
        category(id).orElseThrow(() -> DomainException.notFound("category", id));
        try {
            jdbc.sql("update catalog.category set code = :code, name = :name, name_en = :nameEn where id = :id")
                    .param("code", code).param("name", name).param("nameEn", nameEn).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("category-exists", "catalog.structure.category-exists", code);
        }
        String[] codes = attributeCodes.stream().distinct().toArray(String[]::new);
        if (jdbc.sql("select count(*) from catalog.attribute where code = any(:codes)").param("codes", codes)
                .query(Integer.class).single() != codes.length) {
            throw DomainException.invalid("attribute-unknown", "catalog.structure.attribute-unknown");
        }
        jdbc.sql("""
                        delete from catalog.category_attribute ca using catalog.attribute a
                         where ca.category_id = :id and a.id = ca.attribute_id and a.code <> all(:codes)""")
                .param("id", id).param("codes", codes).update();
        jdbc.sql("""
                        insert into catalog.category_attribute (category_id, attribute_id)
                        select :id, a.id from catalog.attribute a where a.code = any(:codes)
                        on conflict do nothing""")
                .param("id", id).param("codes", codes).update();
    }

    /** Adds a category under a parent (or at the root), with the attribute codes its products use. */
    @Transactional
    public long createCategory(PortalUser staff, Long parentId, String code, String name, String nameEn,
            List<String> attributeCodes) {
        requireManager(staff);
        if (parentId != null && categories().stream().noneMatch(c -> c.id() == parentId)) {
            throw DomainException.notFound("category", parentId);
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into catalog.category (parent_id, code, name, name_en, path)
                            values (:parent, :code, :name, :nameEn, '') returning id""")
                    .param("parent", parentId).param("code", code).param("name", name).param("nameEn", nameEn)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("category-exists", "catalog.structure.category-exists", code);
        }
        jdbc.sql("""
                        update catalog.category set path = coalesce((select path from catalog.category where id = :parent),
                                                                    '/') || id || '/' where id = :id""")
                .param("parent", parentId).param("id", id).update();
        int linked = jdbc.sql("""
                        insert into catalog.category_attribute (category_id, attribute_id)
                        select :id, a.id from catalog.attribute a where a.code = any(:codes)""")
                .param("id", id).param("codes", attributeCodes.toArray(String[]::new)).update();
        if (linked != attributeCodes.stream().distinct().count()) {
            throw DomainException.invalid("attribute-unknown", "catalog.structure.attribute-unknown");
        }
        return id;
    }

    public long createAttribute(PortalUser staff, String code, String name, String nameEn, String type, String unit) {
        return createAttribute(staff, code, name, nameEn, type, unit, true, null);
    }

    /** Adds an attribute; without a position it goes last. */
    public long createAttribute(PortalUser staff, String code, String name, String nameEn, String type, String unit,
            boolean filterable, Integer position) {
        requireManager(staff);
        try {
            return jdbc.sql("""
                            insert into catalog.attribute (code, name, name_en, type, unit, filterable, position)
                            values (:code, :name, :nameEn, :type, :unit, :filterable,
                                    coalesce(:position, (select coalesce(max(position), 0) + 1 from catalog.attribute)))
                            returning id""")
                    .param("code", code).param("name", name).param("nameEn", nameEn).param("type", type)
                    .param("unit", unit).param("filterable", filterable).param("position", position)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("attribute-exists", "catalog.structure.attribute-exists", code);
        }
    }

    public long createWarehouse(PortalUser staff, String code, String name, String address) {
        return createWarehouse(staff, code, name, address, null);
    }

    /** Adds a warehouse; without a position it comes last in stock tables. */
    public long createWarehouse(PortalUser staff, String code, String name, String address, Integer position) {
        requireManager(staff);
        try {
            return jdbc.sql("""
                            insert into catalog.warehouse (code, name, address, position)
                            values (:code, :name, :address,
                                    coalesce(:position, (select coalesce(max(position), 0) + 1 from catalog.warehouse)))
                            returning id""")
                    .param("code", code).param("name", name).param("address", address).param("position", position)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("warehouse-exists", "catalog.structure.warehouse-exists", code);
        }
    }

    public Optional<AttributeDetail> attribute(long id) {
        return jdbc.sql("""
                        select id, code, name, name_en, type, unit, filterable, position from catalog.attribute
                         where id = :id""")
                .param("id", id).query(AttributeDetail.class).optional();
    }

    /**
     * Changes an attribute's names, unit, position, whether buyers filter by it, and its type. Values are stored by
     * the code, so the code stays; and while products have values, the type changes only between TEXT and ENUM,
     * which store the same text.
     */
    @Transactional
    public void updateAttribute(PortalUser staff, long id, String name, String nameEn, String type, String unit,
            boolean filterable, int position) {
        requireManager(staff);
        AttributeDetail current = attribute(id).orElseThrow(() -> DomainException.notFound("attribute", id));
        Set<String> textual = Set.of("TEXT", "ENUM");
        boolean sameValues = textual.contains(current.type()) && textual.contains(type);
        if (!current.type().equals(type) && !sameValues && jdbc.sql("""
                        select exists (select 1 from catalog.product where jsonb_exists(attributes, :code))""")
                .param("code", current.code()).query(Boolean.class).single()) {
            throw DomainException.conflict("attribute-type-in-use", "catalog.structure.attribute-type-in-use",
                    current.code());
        }
        jdbc.sql("""
                        update catalog.attribute set name = :name, name_en = :nameEn, type = :type, unit = :unit,
                               filterable = :filterable, position = :position
                         where id = :id""")
                .param("name", name).param("nameEn", nameEn).param("type", type).param("unit", unit)
                .param("filterable", filterable).param("position", position).param("id", id).update();
    }

    public Optional<WarehouseDetail> warehouse(long id) {
        return jdbc.sql("select id, code, name, address, position from catalog.warehouse where id = :id")
                .param("id", id).query(WarehouseDetail.class).optional();
    }

    /** Changes a warehouse; stock imports name it by its code, so a new code is used from then on. */
    public void updateWarehouse(PortalUser staff, long id, String code, String name, String address, int position) {
        requireManager(staff);
        warehouse(id).orElseThrow(() -> DomainException.notFound("warehouse", id));
        try {
            jdbc.sql("""
                            update catalog.warehouse set code = :code, name = :name, address = :address,
                                   position = :position
                             where id = :id""")
                    .param("code", code).param("name", name).param("address", address).param("position", position)
                    .param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("warehouse-exists", "catalog.structure.warehouse-exists", code);
        }
    }

    private static void requireManager(PortalUser staff) {
        if (!staff.has(Role.CATALOG_MANAGER) && !staff.has(Role.ADMIN)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }
}
