package io.b2bportal.catalog;

import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corner of the catalog of its own for each test (never the demo products): a parent category whose set has a
 * NUMBER and an ENUM attribute, a child category adding a BOOLEAN one, a warehouse, two products; and the product
 * edit form as a browser posts it.
 */
final class CatalogAdminFixture {

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String number = "diam_" + id;
    final String flag = "zinc_" + id;
    final String choice = "mat_" + id;
    final String warehouse = "w-" + id;
    final String sku = "TA" + id.toUpperCase() + "-1";
    final String other = "TA" + id.toUpperCase() + "-2";
    final long parent;
    final long category;
    final long warehouseId;
    final JdbcClient jdbc;

    CatalogAdminFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        parent = category(null, "tp-" + id, "Крепёж " + id);
        category = category(parent, "tc-" + id, "Болты " + id);
        jdbc.sql("""
                        insert into catalog.attribute (code, name, name_en, type, unit) values
                          (:n, 'Диаметр', 'Diameter', 'NUMBER', 'мм'), (:f, 'Оцинковка', 'Zinc plated', 'BOOLEAN', null),
                          (:c, 'Материал', 'Material', 'ENUM', null)""")
                .param("n", number).param("f", flag).param("c", choice).update();
        jdbc.sql("""
                        insert into catalog.category_attribute (category_id, attribute_id)
                        select :parent, id from catalog.attribute where code in (:n, :c)
                        union all select :child, id from catalog.attribute where code = :f""")
                .param("parent", parent).param("child", category).param("n", number).param("c", choice)
                .param("f", flag).update();
        warehouseId = jdbc.sql("insert into catalog.warehouse (code, name) values (:c, 'Склад ' || :c) returning id")
                .param("c", warehouse).query(Long.class).single();
        for (String s : new String[] {sku, other}) {
            jdbc.sql("""
                            insert into catalog.product (sku, name, brand, category_id, purchase_cost, attributes)
                            values (:sku, 'Болт ' || :sku, 'Fixpro', :category, 12.5, cast(:attrs as jsonb))""")
                    .param("sku", s).param("category", category)
                    .param("attrs", "{\"" + number + "\": 8, \"" + choice + "\": \"сталь\", \"" + flag + "\": true}")
                    .update();
        }
    }

    private long category(Long parentId, String code, String name) {
        long created = jdbc.sql("""
                        insert into catalog.category (parent_id, code, name, path) values (:p, :code, :name, '')
                        returning id""")
                .param("p", parentId).param("code", code).param("name", name).query(Long.class).single();
        jdbc.sql("""
                        update catalog.category set path = coalesce((select path from catalog.category where id = :p), '/')
                                                           || id || '/' where id = :id""")
                .param("p", parentId).param("id", created).update();
        return created;
    }

    /** The product row and its attributes, relations, files and stock as one text, to prove nothing changed. */
    String snapshot(String productSku) {
        return jdbc.sql("""
                        select row_to_json(p)::text
                               || coalesce((select string_agg(r.kind || r.related_id, ',' order by r.kind, r.related_id)
                                              from catalog.product_relation r where r.product_id = p.id
                                                                                or r.related_id = p.id), '')
                               || coalesce((select string_agg(f.kind || f.blob_sha256 || f.position, ',' order by f.id)
                                              from catalog.product_file f where f.product_id = p.id), '')
                               || coalesce((select string_agg(row_to_json(s)::text, ',' order by s.warehouse_id)
                                              from catalog.stock s where s.product_id = p.id), '')
                          from catalog.product p where p.sku = :sku""")
                .param("sku", productSku).query(String.class).single();
    }

    /** The fields of the product form as its edit page fills them in. */
    Map<String, String> form(WebSession session, String productSku) {
        String page = session.get("/admin/catalog/products/" + productSku, "en").body();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : new String[] {"sku", "name", "nameEn", "brand", "mpn", "barcodes", "unitCode", "unitName",
            "packMultiple", "minOrderQty", "weightKg", "volumeM3", "purchaseCost", "successorSku", "leadTimeDays",
            "version"}) {
            fields.put(name, value(page, name));
        }
        fields.put("vatRate", selected(page, "vatRate"));
        fields.put("categoryId", selected(page, "categoryId"));
        fields.put("status", selected(page, "status"));
        fields.put("description", "");
        fields.put("_csrf", WebSession.csrfToken(page));
        return fields;
    }

    static String value(String page, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("input " + name).isTrue();
        return m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String selected(String page, String name) {
        Matcher select = Pattern.compile("<select[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</select>",
                Pattern.DOTALL).matcher(page);
        assertThat(select.find()).as("select " + name).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(select.group(1));
        return option.find() ? option.group(1) : "";
    }

    static String encode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    static HttpResponse<String> post(WebSession session, String path, Map<String, String> fields) {
        return session.post(path, encode(fields), null);
    }
}
