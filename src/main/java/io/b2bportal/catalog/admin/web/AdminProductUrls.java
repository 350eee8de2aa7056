package io.b2bportal.catalog.admin.web;

import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of the product table that change one thing (a filter, the sort, the page) and keep the rest. */
record AdminProductUrls(MultiValueMap<String, String> params) {

    public String with(String name, Object value) {
        UriComponentsBuilder builder = base();
        builder.replaceQueryParam(name, value);
        if (!"page".equals(name)) {
            builder.replaceQueryParam("page");
        }
        return builder.build().encode().toUriString();
    }

    /** Sort by a column; the column sorted by already turns around. */
    public String sort(String column, String current, boolean descending) {
        UriComponentsBuilder builder = base();
        builder.replaceQueryParam("sort", column);
        builder.replaceQueryParam("dir", column.equals(current) && !descending ? "desc" : "asc");
        builder.replaceQueryParam("page");
        return builder.build().encode().toUriString();
    }

    private UriComponentsBuilder base() {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/admin/catalog/products");
        params.forEach((name, values) -> {
            if (List.of("q", "category", "status", "sort", "dir", "page", "size").contains(name)) {
                builder.queryParam(name, values.toArray());
            }
        });
        return builder;
    }
}
