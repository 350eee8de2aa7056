package io.b2bportal.catalog.structure;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
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
                               coalesce(sum(s.on_hand), 0) as on_hand, coalesce(sum(s.reserved), 0) as reserved,
                               coalesce(sum(s.incoming), 0) as incoming
                          from catalog.warehouse w left join catalog.stock s on s.warehouse_id = w.id
                         group by w.id order by w.position, w.id""")
                .query(WarehouseView.class).list();
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
        requireManager(staff);
        try {
            return jdbc.sql("""
                            insert into catalog.attribute (code, name, name_en, type, unit, position)
                            values (:code, :name, :nameEn, :type, :unit,
                                    (select coalesce(max(position), 0) + 1 from catalog.attribute)) returning id""")
                    .param("code", code).param("name", name).param("nameEn", nameEn).param("type", type)
                    .param("unit", unit).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("attribute-exists", "catalog.structure.attribute-exists", code);
        }
    }

    public long createWarehouse(PortalUser staff, String code, String name, String address) {
        requireManager(staff);
        try {
            return jdbc.sql("""
                            insert into catalog.warehouse (code, name, address, position)
                            values (:code, :name, :address, (select coalesce(max(position), 0) + 1 from catalog.warehouse))
                            returning id""")
                    .param("code", code).param("name", name).param("address", address).query(Long.class).single();
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
