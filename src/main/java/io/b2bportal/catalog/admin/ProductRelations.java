package io.b2bportal.catalog.admin;

import io.b2bportal.platform.PortalUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analogs and related products of a product. An analog is recorded both ways (if B can replace A, A can replace B), a
 * related product (an accessory, a consumable) this way only. Every product that gains or loses one is changed.
 */
@Service
public class ProductRelations {

    public static final Set<String> KINDS = Set.of("ANALOG", "RELATED");

    private final JdbcClient jdbc;
    private final AdminProducts products;
    private final ProductRows rows;

    ProductRelations(JdbcClient jdbc, AdminProducts products, ProductRows rows) {
        this.jdbc = jdbc;
        this.products = products;
        this.rows = rows;
    }

    /** Adds an analog (recorded both ways) or a related product (this way only); one already there is kept. */
    @Transactional
    public void addRelation(PortalUser staff, String sku, String kind, String relatedSku) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        requireKind(kind);
        RelationPolicy.check(sku, relatedSku, products::exists).ifPresent(r -> {
            throw ProductRejected.of(r);
        });
        link(id, kind, List.of(relatedSku.strip()));
    }

    @Transactional
    public void removeRelation(PortalUser staff, String sku, String kind, String relatedSku) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        requireKind(kind);
        unlink(id, kind, List.of(relatedSku));
    }

    /**
     * Replaces the analogs and related products with the lists given (a kind left out keeps its list), all checked
     * first: an unknown SKU or the product itself refuses the whole change.
     */
    @Transactional
    public void replaceRelations(PortalUser staff, String sku, Map<String, List<String>> relations) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        List<Rejection> reasons = new ArrayList<>();
        relations.forEach((kind, skus) -> {
            if (!KINDS.contains(kind)) {
                reasons.add(Rejection.of(kind, "catalog.admin.relation.kind.invalid"));
                return;
            }
            for (int i = 0; i < skus.size(); i++) {
                String prefix = (kind.equals("ANALOG") ? "analogs" : "related") + "[" + i + "]";
                RelationPolicy.check(sku, skus.get(i), products::exists).ifPresent(r -> reasons.add(
                        new Rejection(prefix, r.messageKey(), r.args())));
            }
        });
        if (!reasons.isEmpty()) {
            throw new ProductRejected(reasons);
        }
        for (var entry : relations.entrySet()) {
            List<String> wanted = entry.getValue().stream().map(String::strip).distinct().toList();
            List<String> current = jdbc.sql("""
                            select p.sku from catalog.product_relation r join catalog.product p on p.id = r.related_id
                             where r.product_id = :id and r.kind = :kind""")
                    .param("id", id).param("kind", entry.getKey()).query(String.class).list();
            unlink(id, entry.getKey(), current.stream().filter(s -> !wanted.contains(s)).toList());
            link(id, entry.getKey(), wanted);
        }
    }

    /** Records the relations and moves {@code updated_at} of every product that gained one; returns how many did. */
    private int link(long id, String kind, List<String> skus) {
        if (skus.isEmpty()) {
            return 0;
        }
        // analogs both ways: if B can replace A, A can replace B
        return jdbc.sql("""
                        with other as (select p.id from catalog.product p where p.sku = any(:skus)),
                             pairs as (select :id as product_id, o.id as related_id from other o
                                       union all
                                       select o.id, :id from other o where :kind = 'ANALOG'),
                             added as (insert into catalog.product_relation (product_id, related_id, kind)
                                       select product_id, related_id, :kind from pairs
                                       on conflict do nothing returning product_id)
                        update catalog.product set updated_at = now() where id in (select product_id from added)""")
                .param("id", id).param("kind", kind).param("skus", skus.toArray(String[]::new)).update();
    }

    private int unlink(long id, String kind, List<String> skus) {
        if (skus.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        with other as (select p.id from catalog.product p where p.sku = any(:skus)),
                             removed as (delete from catalog.product_relation r
                                          where r.kind = :kind
                                            and ((r.product_id = :id and r.related_id in (select id from other))
                                                 or (:kind = 'ANALOG' and r.related_id = :id
                                                     and r.product_id in (select id from other)))
                                         returning r.product_id)
                        update catalog.product set updated_at = now() where id in (select product_id from removed)""")
                .param("id", id).param("kind", kind).param("skus", skus.toArray(String[]::new)).update();
    }

    private static void requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw ProductRejected.of(Rejection.of("kind", "catalog.admin.relation.kind.invalid"));
        }
    }
}
