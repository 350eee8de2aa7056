package io.b2bportal.catalog;

import java.util.List;

/** One page of products, how many match in all, and the counts to refine by. */
public record SearchResult(List<ProductRow> rows, long total, List<Facet> facets, List<FacetValue> brands) {

    /** A filterable attribute with the values found in the current result and how many products have each. */
    public record Facet(String code, String name, String nameEn, String unit, List<FacetValue> values) {
    }

    public record FacetValue(String value, long count) {
    }
}
