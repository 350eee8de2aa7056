package io.b2bportal.catalog.search;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a search text matches a product, for the buyer's search and the seller's product table alike: the exact SKU
 * or an SKU/MPN prefix, a barcode, or words in Russian or English (stemmed); only when that finds nothing, a word of
 * the name within a few typos. The fragments expect a product aliased {@code p} and the parameters of
 * {@link #params(String)}.
 */
public final class TextMatch {

    static final String TSQUERY = "(websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q)"
            + " || websearch_to_tsquery('simple', :q))";

    /** Codes and words. */
    public static final String STRICT = """
            (lower(p.sku) like :prefix or lower(p.mpn) like :prefix or p.barcodes @> array[cast(:q as text)]
             or p.search @@ %s)""".formatted(TSQUERY);

    /** A word of the name within a few typos ("болд м8"); run only in a transaction that called {@link #forgiveTypos}. */
    public static final String FUZZY = "lower(:q) <% lower(p.name)";

    /** Best match first: the exact SKU, then code prefixes and barcodes, then ranked full-text and similar names. */
    public static final String RELEVANCE = """
            case when lower(p.sku) = lower(:q) then 0
                 when lower(p.sku) like :prefix or lower(p.mpn) = lower(:q) or p.barcodes @> array[cast(:q as text)] then 1
                 when p.search @@ %s then 2 else 3 end,
            ts_rank(p.search, %s) desc, word_similarity(lower(:q), lower(p.name)) desc, p.name, p.sku"""
            .formatted(TSQUERY, TSQUERY);

    private TextMatch() {
    }

    public static Map<String, Object> params(String text) {
        return Map.of("q", text, "prefix", escapeLike(text.toLowerCase()) + "%");
    }

    /** Lowers the similarity a fuzzy match needs, for the rest of the current transaction. */
    public static void forgiveTypos(JdbcClient jdbc) {
        jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', '0.45', true)").query().singleRow();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
