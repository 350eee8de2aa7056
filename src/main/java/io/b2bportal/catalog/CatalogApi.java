package io.b2bportal.catalog;

import io.b2bportal.catalog.search.Assortment;
import io.b2bportal.catalog.search.OrderableProducts;
import io.b2bportal.catalog.search.ProductCards;
import io.b2bportal.catalog.search.ProductSearch;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalog as the current caller may see it: a buyer only the assortment segment of their acting legal entity's
 * contract (if it has one), staff everything. Pricing and ordering come here for products and availability.
 */
@Service
public class CatalogApi {

    private final ProductSearch search;
    private final ProductCards cards;
    private final LegalEntityContext context;
    private final CustomersApi customers;
    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final OrderableProducts orderable;
    private final StockReservations stock;

    CatalogApi(ProductSearch search, ProductCards cards, LegalEntityContext context, CustomersApi customers,
            JdbcClient jdbc, BlobStore blobs, OrderableProducts orderable, StockReservations stock) {
        this.stock = stock;
        this.blobs = blobs;
        this.orderable = orderable;
        this.search = search;
        this.cards = cards;
        this.context = context;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** A category of the tree with how many products of the caller's assortment it holds, subcategories included. */
    public record CategoryNode(long id, Long parentId, String code, String name, String nameEn, int depth,
            long products) {
    }

    public SearchResult search(ProductQuery query) {
        return search.search(query, segment());
    }

    public Optional<ProductCard> product(String sku) {
        return cards.find(sku, segment());
    }

    /** The bytes and type of a product file the caller may see (by SHA-256), or empty. */
    public Optional<ProductFile> file(String sha256) {
        if (sha256 == null || !sha256.matches("^[0-9a-f]{64}$") || !cards.fileVisible(sha256, segment())) {
            return Optional.empty();
        }
        return blobs.find(sha256).flatMap(meta -> blobs.get(sha256).map(bytes -> new ProductFile(meta.contentType(), bytes)));
    }

    /** A product file ready to send. */
    public record ProductFile(String contentType, byte[] content) {
    }

    /** The category tree in display order, without branches that hold nothing the caller may see. */
    public List<CategoryNode> categories() {
        // one pass over the products, counted per category, then rolled up the tree: not one scan per category
        return jdbc.sql("""
                        with counted as (
                          select p.category_id, count(*) as products from catalog.product p
                           where %s group by p.category_id)
                        select c.id, c.parent_id, c.code, c.name, c.name_en,
                               length(c.path) - length(replace(c.path, '/', '')) - 2 as depth,
                               coalesce((select sum(k.products) from counted k
                                           join catalog.category kc on kc.id = k.category_id
                                          where kc.path like c.path || '%%'), 0) as products
                          from catalog.category c
                         order by c.path""".formatted(Assortment.CONTAINS_P))
                .param("segment", segment()).query(CategoryNode.class).list()
                .stream().filter(node -> node.products() > 0).toList();
    }

    /**
     * Products by SKU, matched in any case, in one query however many: each with its units, pack multiple, minimum,
     * status and stock, or only flagged as outside the caller's assortment. SKUs the catalog does not know are absent.
     */
    public List<OrderableProduct> orderableBySku(Collection<String> skus) {
        return orderable.bySku(skus, segment());
    }

    /** The same for products by id (the lines of a cart), in one query. */
    public List<OrderableProduct> orderableById(Collection<Long> ids) {
        return orderable.byId(ids, segment());
    }

    /**
     * The same for a named legal entity's assortment, where there is no caller (a scheduler placing a standing order
     * of that entity).
     */
    public List<OrderableProduct> orderableById(Collection<Long> ids, long legalEntityId) {
        return orderable.byId(ids, customers.termsOf(legalEntityId).assortment());
    }

    /**
     * Up to {@code perSku} active SKUs of the caller's assortment that look like each of the given unknown SKUs
     * (trigram similarity), keyed by the lower-cased SKU, best first; one query for all of them.
     */
    public Map<String, List<String>> similarSkus(Collection<String> skus, int perSku) {
        return orderable.similar(skus, perSku, segment());
    }

    /**
     * Facts of the products with these SKUs or ids that the caller may see (a buyer: only their assortment), in
     * one query; SKUs match exactly. Anything else is simply not returned.
     */
    public List<ProductFacts> productFacts(Collection<String> skus, Collection<Long> ids) {
        return facts(skus, ids, segment());
    }

    /**
     * The same, within the assortment segment of a legal entity the caller has already read
     * ({@code ContractTerms.assortment()}; null for the whole catalog), for pricing and ordering on its behalf.
     */
    public List<ProductFacts> productFactsInAssortment(String assortment, Collection<String> skus,
            Collection<Long> ids) {
        return facts(skus, ids, assortment);
    }

    private List<ProductFacts> facts(Collection<String> skus, Collection<Long> ids, String segment) {
        if (skus.isEmpty() && ids.isEmpty()) {
            return List.of();
        }
        // joined with the unnest-ed lists rather than "p.sku = any(:skus) or p.id = any(:ids)", which for a 1,000-line
        // cart reads the SKU index between the SKUs asked and compares every entry with the array: 4.4 ms against
        // 3.3 ms for 1,000 probes on a quiet machine, 57 ms against 6 ms at load 6 (docs/benchmarks.md, Pricing).
        // The columns come with the SKU's probe: joining its ids to the product again read 7 pages a product, not 4
        return jdbc.sql("""
                        select p.id, p.sku, p.name, p.name_en, p.vat_rate, c.path as category_path, p.brand, p.status,
                               p.min_order_qty, p.pack_multiple
                          from (select q.id, q.sku, q.name, q.name_en, q.vat_rate, q.category_id, q.brand, q.status,
                                       q.min_order_qty, q.pack_multiple
                                  from unnest(cast(:skus as text[])) as u (sku)
                                  join catalog.product q on q.sku = u.sku
                                union
                                select q.id, q.sku, q.name, q.name_en, q.vat_rate, q.category_id, q.brand, q.status,
                                       q.min_order_qty, q.pack_multiple
                                  from unnest(cast(:ids as bigint[])) as u (id)
                                  join catalog.product q on q.id = u.id) p
                          join catalog.category c on c.id = p.category_id
                         where %s""".formatted(Assortment.CONTAINS_P))
                .param("skus", skus.toArray(String[]::new)).param("ids", ids.toArray(Long[]::new))
                .param("segment", segment)
                // mapped by hand: the record mapper looks up "nameEn" before "name_en" and pays for a
                // PSQLException on every snake_case column of every row (5,000 for a 1,000-line cart)
                .query((rs, n) -> new ProductFacts(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                        rs.getString("name_en"), rs.getString("vat_rate"), rs.getString("category_path"),
                        rs.getString("brand"), rs.getString("status"), rs.getBigDecimal("min_order_qty"),
                        rs.getBigDecimal("pack_multiple")))
                .list();
    }

    /** The assortment segment that limits what the caller sees; null for the whole catalog. */
    String segment() {
        if (PortalUser.current().map(PortalUser::isStaff).orElse(false) && context.current().isEmpty()) {
            return null;
        }
        return context.current().map(entity -> customers.termsOf(entity.id()).assortment()).orElse(null);
    }

    /**
     * Reserves up to the wanted quantity of each product (by id) over its warehouses, within the caller's transaction
     * (which must exist): the stock rows are locked in product order until it ends, so concurrent reservations never
     * take more than is on hand. Returns what was reserved of each product; the rest could not be.
     */
    public Map<Long, BigDecimal> reserve(Map<Long, BigDecimal> wanted) {
        return stock.reserve(wanted);
    }

    /** Gives reserved quantities back (a cancelled order), within the caller's transaction. */
    public void releaseReserved(Map<Long, BigDecimal> quantities) {
        stock.release(quantities);
    }

    /** Reserved quantities leave the warehouse: on hand and reserved both go down, within the caller's transaction. */
    public void shipReserved(Map<Long, BigDecimal> quantities) {
        stock.ship(quantities);
    }

    /** Returned goods are received back into the warehouse: on hand goes up, within the caller's transaction. */
    public void receiveReturned(Map<Long, BigDecimal> quantities) {
        stock.receive(quantities);
    }
}
