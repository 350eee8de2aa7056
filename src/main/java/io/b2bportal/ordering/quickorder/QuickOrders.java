package io.b2bportal.ordering.quickorder;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.CartLines;
import io.b2bportal.ordering.cart.CartLines.Addition;
import io.b2bportal.ordering.cart.CartSummary;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.Reason;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.ordering.quickorder.ReviewLine.Action;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quick order: whatever the buyer entered (a catalog row, the quick-entry row, pasted lines, a file) becomes a review
 * first, and only a confirmed review puts lines into a cart, all at once. Building a review of any size takes a fixed
 * number of statements: the catalog is asked once for all SKUs and once for suggestions for all unknown ones, the
 * review is written with one insert of unnest-ed arrays; confirming is one read, one upsert into the cart.
 */
@Service
public class QuickOrders {

    /** How long a review waits for confirmation. */
    public static final Duration LIFETIME = Duration.ofHours(4);
    /** Suggestions are looked up for at most this many unknown SKUs of one review. */
    public static final int MAX_SUGGESTED = 1_000;
    static final int SUGGESTIONS = 3;
    private static final String SEPARATOR = "\u001F";

    private final JdbcClient jdbc;
    private final Carts carts;
    private final CartLines cartLines;
    private final CatalogApi catalog;

    QuickOrders(JdbcClient jdbc, Carts carts, CartLines cartLines, CatalogApi catalog) {
        this.jdbc = jdbc;
        this.carts = carts;
        this.cartLines = cartLines;
        this.catalog = catalog;
    }

    /** One choice of the buyer for a review line: an action, and optionally another SKU for it. */
    public record Choice(int line, Action action, String sku) {
    }

    /** What a confirmation did: how many lines went into which cart, how many were skipped. */
    public record Confirmation(UUID reviewId, long cartId, String cartName, int added, int skipped) {
    }

    @Transactional
    public Review start(Buyer buyer, long cartId, Source source, List<InputLine> input) {
        CartSummary cart = carts.requireWritable(buyer, cartId);
        List<ReviewLine> lines = resolve(Requested.merge(input));
        // expired reviews are kept a day, so that a late confirm is told "expired" rather than "not found"
        jdbc.sql("delete from ordering.review where expires_at < now() - interval '1 day'").update();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into ordering.review (id, cart_id, user_id, legal_entity_id, source, lines, created_at,
                                                     expires_at)
                        values (:id, :cart, :user, :entity, :source, :lines, :now, :expires)""")
                .param("id", id).param("cart", cartId).param("user", buyer.userId())
                .param("entity", buyer.legalEntityId()).param("source", source.name()).param("lines", lines.size())
                .param("now", java.sql.Timestamp.from(now)).param("expires", java.sql.Timestamp.from(now.plus(LIFETIME)))
                .update();
        insertLines(id, lines);
        return new Review(id, cartId, cart.name(), source, now, now.plus(LIFETIME), null, lines);
    }

    @Transactional(readOnly = true)
    public Review get(Buyer buyer, UUID id) {
        ReviewHead head = head(buyer, id);
        return new Review(id, head.cartId(), head.cartName(), head.source(), head.createdAt(), head.expiresAt(),
                head.confirmedAt(), lines(id));
    }

    /**
     * Resolves a line again for another SKU the buyer picked (one of its suggestions, the successor, or any other),
     * with the quantity asked; the line keeps its place.
     */
    @Transactional
    public ReviewLine replace(Buyer buyer, UUID id, int lineNo, String sku) {
        ReviewHead head = open(buyer, id);
        ReviewLine line = lines(id).stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> DomainException.notFound("review-line", lineNo));
        ReviewLine replaced = replaced(line, sku, products(List.of(sku == null ? "" : sku.strip())));
        jdbc.sql("delete from ordering.review_line where review_id = :id and line_no = :line")
                .param("id", head.id()).param("line", lineNo).update();
        insertLines(id, List.of(replaced));
        return replaced;
    }

    /**
     * Puts the review into a cart: the choices first (another SKU re-resolves its line; an action must be one the line
     * offers), then every line that adds something, in one upsert. Twice is refused: the review is confirmed once.
     *
     * @param targetCartId another cart of the buyer's to put the lines in, or null for the review's own
     */
    @Transactional
    public Confirmation confirm(Buyer buyer, UUID id, List<Choice> choices, Long targetCartId) {
        ReviewHead head = open(buyer, id);
        int claimed = jdbc.sql("""
                        update ordering.review set confirmed_at = now()
                         where id = :id and confirmed_at is null and expires_at > now()""")
                .param("id", id).update();
        if (claimed == 0) {
            throw DomainException.conflict("review-confirmed", "ordering.review.confirmed");
        }
        Map<Integer, ReviewLine> lines = new LinkedHashMap<>();
        lines(id).forEach(line -> lines.put(line.lineNo(), line));
        apply(lines, choices == null ? List.of() : choices);
        long cartId = targetCartId == null ? head.cartId() : targetCartId;
        CartSummary cart = carts.requireWritable(buyer, cartId);
        List<Addition> additions = new ArrayList<>();
        int skipped = 0;
        for (ReviewLine line : lines.values()) {
            BigDecimal adds = line.adds();
            if (adds.signum() > 0) {
                additions.add(new Addition(line.productId(), adds, line.action() == Action.BACKORDER));
            } else {
                skipped++;
            }
        }
        cartLines.addAll(buyer, cartId, additions, head.source());
        return new Confirmation(id, cartId, cart.name(), additions.size(), skipped);
    }

    private void apply(Map<Integer, ReviewLine> lines, List<Choice> choices) {
        List<String> replacements = choices.stream().map(Choice::sku).filter(Objects::nonNull).map(String::strip)
                .toList();
        Map<String, List<OrderableProduct>> products = products(replacements);
        List<String> refused = new ArrayList<>();
        for (Choice choice : choices) {
            ReviewLine line = lines.get(choice.line());
            if (line == null) {
                refused.add(String.valueOf(choice.line()));
                continue;
            }
            if (choice.sku() != null && !choice.sku().equalsIgnoreCase(line.sku() == null ? "" : line.sku())) {
                line = replaced(line, choice.sku(), products);
            }
            if (choice.action() != null) {
                if (!line.choices().contains(choice.action())) {
                    refused.add(choice.line() + " (" + choice.action() + ")");
                    continue;
                }
                line = line.with(choice.action());
            }
            lines.put(line.lineNo(), line);
        }
        if (!refused.isEmpty()) {
            throw DomainException.invalid("review-choice", "ordering.review.choice-refused", String.join(", ", refused));
        }
    }

    /** The line for another SKU: the product must be one the buyer may add (else the refusal names the line). */
    private static ReviewLine replaced(ReviewLine line, String sku, Map<String, List<OrderableProduct>> products) {
        if (line.requested() == null) {
            throw DomainException.invalid("review-choice", "ordering.review.replace-invalid", line.lineNo());
        }
        String typed = sku == null ? "" : sku.strip();
        OrderableProduct product = pick(products.get(typed.toLowerCase(Locale.ROOT)), typed);
        if (product == null || !product.inAssortment()) {
            throw DomainException.invalid("review-choice", "ordering.review.replace-unknown", line.lineNo(), typed);
        }
        return ReviewPolicy.replace(line, product);
    }

    // ------------------------------------------------------------------ resolving

    private List<ReviewLine> resolve(List<Requested> requested) {
        List<String> skus = requested.stream().filter(r -> r.invalid() == null).map(Requested::sku).distinct().toList();
        Map<String, List<OrderableProduct>> products = products(skus);
        List<String> unknown = requested.stream()
                .filter(r -> r.invalid() == null && !products.containsKey(r.key()))
                .map(Requested::key).distinct().limit(MAX_SUGGESTED).toList();
        Map<String, List<String>> similar = catalog.similarSkus(unknown, SUGGESTIONS);
        List<ReviewLine> lines = new ArrayList<>(requested.size());
        for (Requested r : requested) {
            OrderableProduct product = r.invalid() == null ? pick(products.get(r.key()), r.sku()) : null;
            lines.add(ReviewPolicy.resolve(r, product, similar.getOrDefault(r.key(), List.of())));
        }
        return lines;
    }

    /** The catalog's products for these SKUs, by lower-cased SKU, in one query. */
    private Map<String, List<OrderableProduct>> products(List<String> skus) {
        return catalog.orderableBySku(skus).stream()
                .collect(Collectors.groupingBy(p -> p.sku().toLowerCase(Locale.ROOT)));
    }

    /** The exact match when two SKUs differ only in case, else the one there is. */
    private static OrderableProduct pick(List<OrderableProduct> candidates, String sku) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        return candidates.stream().filter(p -> p.sku().equals(sku)).findFirst().orElse(candidates.getFirst());
    }

    // ------------------------------------------------------------------ storage

    private record ReviewHead(UUID id, long cartId, String cartName, Source source, Instant createdAt,
            Instant expiresAt, Instant confirmedAt) {
    }

    /** The review, if it is this buyer's (same user, same acting legal entity); otherwise it does not exist. */
    private ReviewHead head(Buyer buyer, UUID id) {
        return jdbc.sql("""
                        select r.id, r.cart_id, c.name as cart_name, r.source, r.created_at, r.expires_at, r.confirmed_at
                          from ordering.review r join ordering.cart c on c.id = r.cart_id
                         where r.id = :id and r.user_id = :user and r.legal_entity_id = :entity""")
                .param("id", id).param("user", buyer.userId()).param("entity", buyer.legalEntityId())
                .query((rs, n) -> new ReviewHead(rs.getObject("id", UUID.class), rs.getLong("cart_id"),
                        rs.getString("cart_name"), Source.valueOf(rs.getString("source")),
                        instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "confirmed_at")))
                .optional().orElseThrow(() -> DomainException.notFound("review", id));
    }

    /** The review, still open for changes: not confirmed, not expired. */
    private ReviewHead open(Buyer buyer, UUID id) {
        ReviewHead head = head(buyer, id);
        if (head.confirmedAt() != null) {
            throw DomainException.conflict("review-confirmed", "ordering.review.confirmed");
        }
        if (Instant.now().isAfter(head.expiresAt())) {
            throw new DomainException(410, "review-expired", "ordering.review.expired");
        }
        return head;
    }

    private List<ReviewLine> lines(UUID id) {
        return jdbc.sql("select * from ordering.review_line where review_id = :id order by line_no")
                .param("id", id).query(QuickOrders::line).list();
    }

    /** All lines in one insert: each column an array, unnest-ed together; array columns joined by a separator. */
    private void insertLines(UUID id, List<ReviewLine> lines) {
        Function<Function<ReviewLine, Object>, Object[]> column = f -> lines.stream().map(f).toArray();
        jdbc.sql("""
                        insert into ordering.review_line (review_id, line_no, source_lines, raw_sku, raw_quantity,
                               product_id, sku, name, name_en, unit_code, unit_name, pack_multiple, min_order_qty,
                               requested, quantity, available, backorder_allowed, status, issues, reason, reason_args,
                               suggestions, successor_sku, action)
                        select :id, r.line_no, cast(string_to_array(r.source_lines, ',') as int[]), r.raw_sku,
                               r.raw_quantity, r.product_id, r.sku, r.name, r.name_en, r.unit_code, r.unit_name,
                               r.pack_multiple, r.min_order_qty, r.requested, r.quantity, r.available,
                               r.backorder_allowed, r.status, string_to_array(r.issues, ','), r.reason,
                               string_to_array(r.reason_args, :separator), string_to_array(r.suggestions, ','),
                               r.successor_sku, r.action
                          from unnest(cast(:lineNo as int[]), cast(:sourceLines as text[]), cast(:rawSku as text[]),
                                      cast(:rawQuantity as text[]), cast(:productId as bigint[]), cast(:sku as text[]),
                                      cast(:name as text[]), cast(:nameEn as text[]), cast(:unitCode as text[]),
                                      cast(:unitName as text[]), cast(:pack as numeric[]), cast(:minQty as numeric[]),
                                      cast(:requested as numeric[]), cast(:quantity as numeric[]),
                                      cast(:available as numeric[]), cast(:backorder as boolean[]),
                                      cast(:status as text[]), cast(:issues as text[]), cast(:reason as text[]),
                                      cast(:reasonArgs as text[]), cast(:suggestions as text[]),
                                      cast(:successor as text[]), cast(:action as text[]))
                               as r(line_no, source_lines, raw_sku, raw_quantity, product_id, sku, name, name_en,
                                    unit_code, unit_name, pack_multiple, min_order_qty, requested, quantity, available,
                                    backorder_allowed, status, issues, reason, reason_args, suggestions, successor_sku,
                                    action)""")
                .param("id", id).param("separator", SEPARATOR)
                .param("lineNo", lines.stream().map(ReviewLine::lineNo).toArray(Integer[]::new))
                .param("sourceLines", lines.stream().map(l -> join(l.sourceLines(), ",")).toArray(String[]::new))
                .param("rawSku", lines.stream().map(ReviewLine::rawSku).toArray(String[]::new))
                .param("rawQuantity", lines.stream().map(ReviewLine::rawQuantity).toArray(String[]::new))
                .param("productId", lines.stream().map(ReviewLine::productId).toArray(Long[]::new))
                .param("sku", lines.stream().map(ReviewLine::sku).toArray(String[]::new))
                .param("name", lines.stream().map(ReviewLine::name).toArray(String[]::new))
                .param("nameEn", lines.stream().map(ReviewLine::nameEn).toArray(String[]::new))
                .param("unitCode", lines.stream().map(ReviewLine::unitCode).toArray(String[]::new))
                .param("unitName", lines.stream().map(ReviewLine::unitName).toArray(String[]::new))
                .param("pack", lines.stream().map(ReviewLine::packMultiple).toArray(BigDecimal[]::new))
                .param("minQty", lines.stream().map(ReviewLine::minOrderQty).toArray(BigDecimal[]::new))
                .param("requested", lines.stream().map(ReviewLine::requested).toArray(BigDecimal[]::new))
                .param("quantity", lines.stream().map(ReviewLine::quantity).toArray(BigDecimal[]::new))
                .param("available", lines.stream().map(ReviewLine::available).toArray(BigDecimal[]::new))
                .param("backorder", lines.stream().map(ReviewLine::backorderAllowed).toArray(Boolean[]::new))
                .param("status", lines.stream().map(l -> l.status().name()).toArray(String[]::new))
                .param("issues", lines.stream().map(l -> join(l.issues(), ",")).toArray(String[]::new))
                .param("reason", lines.stream().map(l -> l.reason() == null ? null : l.reason().key())
                        .toArray(String[]::new))
                .param("reasonArgs", lines.stream().map(l -> l.reason() == null ? "" : join(l.reason().args(), SEPARATOR))
                        .toArray(String[]::new))
                .param("suggestions", lines.stream().map(l -> join(l.suggestions(), ",")).toArray(String[]::new))
                .param("successor", lines.stream().map(ReviewLine::successorSku).toArray(String[]::new))
                .param("action", lines.stream().map(l -> l.action().name()).toArray(String[]::new))
                .update();
    }

    private static String join(List<?> values, String separator) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }

    private static ReviewLine line(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        List<Object> args = List.of((Object[]) (String[]) rs.getArray("reason_args").getArray());
        return new ReviewLine(rs.getInt("line_no"), Arrays.stream((Integer[]) rs.getArray("source_lines").getArray())
                .toList(), rs.getString("raw_sku"), rs.getString("raw_quantity"), (Long) rs.getObject("product_id"),
                rs.getString("sku"), rs.getString("name"), rs.getString("name_en"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getBigDecimal("pack_multiple"), rs.getBigDecimal("min_order_qty"),
                rs.getBigDecimal("requested"), rs.getBigDecimal("quantity"), rs.getBigDecimal("available"),
                rs.getBoolean("backorder_allowed"), ReviewLine.Status.valueOf(rs.getString("status")),
                Arrays.stream((String[]) rs.getArray("issues").getArray()).map(ReviewLine.Issue::valueOf).toList(),
                reason == null ? null : new Reason(reason, args),
                List.of((String[]) rs.getArray("suggestions").getArray()), rs.getString("successor_sku"),
                Action.valueOf(rs.getString("action")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
