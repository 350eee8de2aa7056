package io.b2bportal.catalog.search;

/**
 * The one SQL rule for "this product is in the caller's assortment": no segment means the whole catalog; otherwise
 * the product is listed in the segment itself or sits in (a subcategory of) a listed category. The fragment expects a
 * product aliased {@code p} and the parameter {@code :segment}.
 */
public final class Assortment {

    public static final String CONTAINS_P = """
            (cast(:segment as text) is null
             or exists (select 1 from catalog.segment_item si
                          left join catalog.category sc on sc.id = si.category_id
                         where si.segment_code = :segment
                           and (si.product_id = p.id
                                or (select pc.path from catalog.category pc where pc.id = p.category_id)
                                   like sc.path || '%')))""";

    private Assortment() {
    }
}
