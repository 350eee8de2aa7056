package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.ordering.quickorder.PastedLines;
import io.b2bportal.ordering.quickorder.QuickOrders;
import io.b2bportal.ordering.quickorder.QuickOrders.Choice;
import io.b2bportal.ordering.quickorder.QuickOrders.Confirmation;
import io.b2bportal.ordering.quickorder.Review;
import io.b2bportal.ordering.quickorder.ReviewLine;
import io.b2bportal.ordering.quickorder.ReviewLine.Action;
import io.b2bportal.ordering.quickorder.ReviewLine.Status;
import io.b2bportal.ordering.quickorder.UploadedTable;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Quick order over the API: post lines as {@code text/plain} ("SKU;quantity" per line, as on the page) or a CSV/XLSX
 * file as multipart; get the review with an id; confirm it with choices per line. Nothing reaches the cart before the
 * confirm; the review waits (server-side) for {@value #HOURS} hours.
 */
@RestController
@Tag(name = "Quick order", description = "Bulk entry: pasted lines or a file, reviewed, then confirmed into a cart")
class QuickOrderApiController {

    static final int HOURS = 4;

    private final BuyerContext buyers;
    private final QuickOrders quickOrders;
    private final ApiMessages messages;

    QuickOrderApiController(BuyerContext buyers, QuickOrders quickOrders, ApiMessages messages) {
        this.buyers = buyers;
        this.quickOrders = quickOrders;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/carts/{id}/quick-order", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Review pasted lines (SKU and quantity per line; tab, ;, , or spaces; decimal comma; an "
            + "optional header line), up to 10,000. Returns the review; nothing is added yet")
    ResponseEntity<ReviewBody> paste(@PathVariable long id, @RequestBody(required = false) String text,
            @RequestParam(defaultValue = "all") String lines) {
        Review review = quickOrders.start(buyers.require(), id, Source.API, PastedLines.parse(text));
        return created(id, review, lines);
    }

    @PostMapping(path = "/api/v1/carts/{id}/quick-order", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Review a CSV (UTF-8 or windows-1251) or XLSX file; columns by header (sku/артикул, "
            + "qty/количество) or chosen with skuColumn/quantityColumn (letter, number or header name)")
    ResponseEntity<ReviewBody> file(@PathVariable long id, @RequestPart(required = false) MultipartFile file,
            @RequestParam(required = false) String skuColumn, @RequestParam(required = false) String quantityColumn,
            @RequestParam(defaultValue = "all") String lines) {
        Buyer buyer = buyers.require();
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("quick-order-empty", "ordering.quick.file.missing");
        }
        try {
            Review review = quickOrders.start(buyer, id, Source.FILE,
                    UploadedTable.read(file.getOriginalFilename(), file.getBytes(), skuColumn, quantityColumn));
            return created(id, review, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/carts/{id}/quick-order/{reviewId}")
    @Operation(summary = "A review; lines=problems leaves out the plain OK lines")
    ReviewBody get(@PathVariable long id, @PathVariable UUID reviewId, @RequestParam(defaultValue = "all") String lines) {
        Review review = quickOrders.get(buyers.require(), reviewId);
        if (review.cartId() != id) {
            throw DomainException.notFound("review", reviewId);
        }
        return ReviewBody.of(review, "problems".equals(lines), messages);
    }

    record Pick(String sku) {
    }

    @PutMapping("/api/v1/carts/{id}/quick-order/{reviewId}/lines/{line}")
    @Operation(summary = "Resolve a review line again for another SKU (one of its suggestions, the successor, any)")
    LineBody pick(@PathVariable long id, @PathVariable UUID reviewId, @PathVariable int line,
            @RequestBody(required = false) Pick body) {
        return LineBody.of(quickOrders.replace(buyers.require(), reviewId, line, body == null ? null : body.sku()),
                messages);
    }

    record ChoiceBody(int line, Action action, String sku) {
    }

    record ConfirmBody(List<ChoiceBody> choices, Long cartId) {
    }

    @PostMapping("/api/v1/carts/{id}/quick-order/{reviewId}/confirm")
    @Operation(summary = "Put the review into the cart (or cartId): per line an action (ADD, SKIP, TAKE_AVAILABLE, "
            + "BACKORDER; each line lists its choices) and optionally another SKU; lines not named keep their "
            + "default action. All lines go in at once; a review is confirmed once")
    Confirmation confirm(@PathVariable long id, @PathVariable UUID reviewId,
            @RequestBody(required = false) ConfirmBody body) {
        Buyer buyer = buyers.require();
        Review review = quickOrders.get(buyer, reviewId);
        if (review.cartId() != id) {
            throw DomainException.notFound("review", reviewId);
        }
        List<Choice> choices = body == null || body.choices() == null ? List.of()
                : body.choices().stream().map(c -> new Choice(c.line(), c.action(), c.sku())).toList();
        return quickOrders.confirm(buyer, reviewId, choices, body == null ? null : body.cartId());
    }

    private ResponseEntity<ReviewBody> created(long cartId, Review review, String lines) {
        return ResponseEntity.created(URI.create("/api/v1/carts/" + cartId + "/quick-order/" + review.id()))
                .body(ReviewBody.of(review, "problems".equals(lines), messages));
    }

    /** A review for the API: counts by status and the lines, each with its reason in the caller's language. */
    record ReviewBody(UUID id, long cartId, String cartName, String source, Instant createdAt, Instant expiresAt,
            Instant confirmedAt, int inputLines, Map<Status, Integer> counts, List<LineBody> lines) {

        static ReviewBody of(Review review, boolean problemsOnly, ApiMessages messages) {
            return new ReviewBody(review.id(), review.cartId(), review.cartName(), review.source().name(),
                    review.createdAt(), review.expiresAt(), review.confirmedAt(), review.inputLines(), review.counts(),
                    review.lines().stream().filter(l -> !problemsOnly || l.problem())
                            .map(l -> LineBody.of(l, messages)).toList());
        }
    }

    record LineBody(int line, List<Integer> sourceLines, String typedSku, String typedQuantity, String sku,
            String name, String unitName, BigDecimal packMultiple, BigDecimal minOrderQty, BigDecimal requested,
            BigDecimal quantity, BigDecimal available, BigDecimal takeAvailable, boolean backorderAllowed,
            Status status, List<ReviewLine.Issue> issues, String reason, List<String> suggestions,
            String successorSku, List<Action> choices, Action action, BigDecimal adds) {

        static LineBody of(ReviewLine l, ApiMessages messages) {
            return new LineBody(l.lineNo(), l.sourceLines(), l.rawSku(), l.rawQuantity(), l.sku(), l.name(),
                    l.unitName(), l.packMultiple(), l.minOrderQty(), l.requested(), l.quantity(), l.available(),
                    l.takeAvailable(), l.backorderAllowed(), l.status(), l.issues(), messages.text(l.reason()),
                    l.suggestions(), l.successorSku(), l.choices(), l.action(), l.adds());
        }
    }
}
