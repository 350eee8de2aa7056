package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.CartHistory;
import io.b2bportal.ordering.cart.CartLines;
import io.b2bportal.ordering.cart.CartSummary;
import io.b2bportal.ordering.cart.CartView;
import io.b2bportal.ordering.cart.CartViews;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carts over the API, acting as the caller for the legal entity of {@code X-Legal-Entity} (else their default): the
 * same rules and the same isolation as the pages. Another company's or legal entity's cart is 404, never 403.
 */
@RestController
@Tag(name = "Carts", description = "Named carts per legal entity: lines, sharing, history")
class CartApiController {

    private final BuyerContext buyers;
    private final Carts carts;
    private final CartLines lines;
    private final CartViews views;
    private final CartHistory history;
    private final ApiMessages messages;
    private final MessageSource messageSource;

    CartApiController(BuyerContext buyers, Carts carts, CartLines lines, CartViews views, CartHistory history,
            ApiMessages messages, MessageSource messageSource) {
        this.buyers = buyers;
        this.carts = carts;
        this.lines = lines;
        this.views = views;
        this.history = history;
        this.messages = messages;
        this.messageSource = messageSource;
    }

    record CartName(String name) {
    }

    record NewLine(String sku, BigDecimal quantity, Boolean backorder) {
    }

    record LineChange(BigDecimal quantity, Boolean backorder) {
    }

    record LineTransfer(List<Long> lineIds, Long targetCartId) {
    }

    record Transferred(int lines, long targetCartId) {
    }

    record ShareRequest(String email) {
    }

    @GetMapping("/api/v1/carts")
    @Operation(summary = "The caller's carts for the acting legal entity, own first, then those shared with them")
    List<CartSummary> list() {
        return carts.list(buyers.require());
    }

    @GetMapping("/api/v1/carts/current")
    @Operation(summary = "The current cart (the one the catalog adds to); created on first use")
    CartSummary current() {
        Buyer buyer = buyers.require();
        return carts.current(buyer, messageSource.getMessage("ordering.cart.default-name", null,
                LocaleContextHolder.getLocale())).orElseThrow(() -> DomainException.notFound("cart", "current"));
    }

    @PostMapping("/api/v1/carts")
    @Operation(summary = "Create a named cart (names are unique per user and legal entity)")
    ResponseEntity<CartSummary> create(@RequestBody(required = false) CartName body) {
        Buyer buyer = buyers.require();
        long id = carts.create(buyer, body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/v1/carts/" + id)).body(carts.get(buyer, id));
    }

    @GetMapping("/api/v1/carts/{id}")
    @Operation(summary = "A cart with its lines: live prices, availability and each line's problems")
    CartViewBody get(@PathVariable long id) {
        return CartViewBody.of(views.view(buyers.require(), id), messages);
    }

    @PatchMapping("/api/v1/carts/{id}")
    @Operation(summary = "Rename a cart (owner only)")
    CartSummary rename(@PathVariable long id, @RequestBody CartName body) {
        Buyer buyer = buyers.require();
        carts.rename(buyer, id, body.name());
        return carts.get(buyer, id);
    }

    @DeleteMapping("/api/v1/carts/{id}")
    @Operation(summary = "Delete a cart with its lines and history (owner only)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        carts.delete(buyers.require(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/carts/{id}/duplicate")
    @Operation(summary = "Copy a cart (own or shared) into a new cart of the caller's with the given name")
    ResponseEntity<CartSummary> duplicate(@PathVariable long id, @RequestBody CartName body) {
        Buyer buyer = buyers.require();
        long copy = carts.duplicate(buyer, id, body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/v1/carts/" + copy)).body(carts.get(buyer, copy));
    }

    @PostMapping("/api/v1/carts/{id}/current")
    @Operation(summary = "Make a cart the caller's current cart")
    CartSummary select(@PathVariable long id) {
        Buyer buyer = buyers.require();
        carts.select(buyer, id);
        return carts.get(buyer, id);
    }

    @GetMapping("/api/v1/carts/{id}/history")
    @Operation(summary = "Who changed which line when, newest first, 100 per page")
    List<CartHistory.Entry> history(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
        return history.page(buyers.require(), id, page).stream().limit(CartHistory.PAGE_SIZE).toList();
    }

    @GetMapping("/api/v1/carts/{id}/shares")
    @Operation(summary = "Colleagues the cart is shared with")
    List<Carts.Share> shares(@PathVariable long id) {
        return carts.shares(buyers.require(), id);
    }

    @PostMapping("/api/v1/carts/{id}/shares")
    @Operation(summary = "Share a cart with a colleague (by e-mail) who orders for the same legal entity (owner only)")
    List<Carts.Share> share(@PathVariable long id, @RequestBody ShareRequest body) {
        Buyer buyer = buyers.require();
        carts.share(buyer, id, body == null ? null : body.email());
        return carts.shares(buyer, id);
    }

    @DeleteMapping("/api/v1/carts/{id}/shares/{userId}")
    @Operation(summary = "Stop sharing a cart with a colleague (owner only)")
    ResponseEntity<Void> unshare(@PathVariable long id, @PathVariable long userId) {
        carts.unshare(buyers.require(), id, userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/carts/{id}/lines")
    @Operation(summary = "Add a product by SKU; its quantity is checked (unit, minimum, pack) and added to the "
            + "product's line if there is one. backorder: ship what is beyond stock later, where allowed")
    ResponseEntity<CartViewBody> add(@PathVariable long id, @RequestBody NewLine body) {
        Buyer buyer = buyers.require();
        if (body == null) {
            throw DomainException.invalid("quantity", "ordering.quantity.missing");
        }
        lines.add(buyer, id, body.sku(), requireQuantity(body.quantity()), Boolean.TRUE.equals(body.backorder()),
                Source.API);
        return ResponseEntity.created(URI.create("/api/v1/carts/" + id)).body(CartViewBody.of(views.view(buyer, id),
                messages));
    }

    @PatchMapping("/api/v1/carts/{id}/lines/{lineId}")
    @Operation(summary = "Change a line's quantity (checked like a new line) and/or whether to backorder the rest")
    CartViewBody change(@PathVariable long id, @PathVariable long lineId, @RequestBody LineChange body) {
        Buyer buyer = buyers.require();
        if (body == null || body.quantity() == null && body.backorder() == null) {
            throw DomainException.invalid("quantity", "ordering.quantity.missing");
        }
        lines.change(buyer, id, lineId, body.quantity(), body.backorder());
        return CartViewBody.of(views.view(buyer, id), messages);
    }

    @DeleteMapping("/api/v1/carts/{id}/lines/{lineId}")
    @Operation(summary = "Remove a line")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long lineId) {
        Buyer buyer = buyers.require();
        if (lines.remove(buyer, id, List.of(lineId), Source.API) == 0) {
            throw DomainException.notFound("cart-line", lineId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/carts/{id}/lines/move")
    @Operation(summary = "Move lines into another cart of the caller's (quantities add up where a product is there)")
    Transferred move(@PathVariable long id, @RequestBody LineTransfer body) {
        LineTransfer transfer = valid(body);
        return new Transferred(lines.move(buyers.require(), id, transfer.lineIds(), transfer.targetCartId()),
                transfer.targetCartId());
    }

    @PostMapping("/api/v1/carts/{id}/lines/copy")
    @Operation(summary = "Copy lines into another cart of the caller's (quantities add up where a product is there)")
    Transferred copy(@PathVariable long id, @RequestBody LineTransfer body) {
        LineTransfer transfer = valid(body);
        return new Transferred(lines.copy(buyers.require(), id, transfer.lineIds(), transfer.targetCartId()),
                transfer.targetCartId());
    }

    private static LineTransfer valid(LineTransfer body) {
        if (body == null || body.lineIds() == null || body.lineIds().isEmpty()) {
            throw DomainException.invalid("no-lines", "ordering.lines.none-selected");
        }
        if (body.targetCartId() == null) {
            throw DomainException.invalid("no-target", "ordering.lines.no-target");
        }
        return body;
    }

    private static BigDecimal requireQuantity(BigDecimal quantity) {
        if (quantity == null) {
            throw DomainException.invalid("quantity", "ordering.quantity.missing");
        }
        return quantity;
    }

    /** The cart view for the API: problems with their message in the caller's language. */
    record CartViewBody(CartSummary cart, List<LineBody> lines, CartView.Totals totals, int blocking) {

        static CartViewBody of(CartView view, ApiMessages messages) {
            return new CartViewBody(view.cart(), view.lines().stream().map(l -> LineBody.of(l, messages)).toList(),
                    view.totals(), view.blocking());
        }
    }

    record LineBody(long id, String sku, boolean inAssortment, String name, String unitCode, String unitName,
            BigDecimal packMultiple, BigDecimal minOrderQty, BigDecimal quantity, boolean backorder,
            boolean backorderAllowed, BigDecimal available, BigDecimal takeAvailable, String successorSku,
            CartView.Price price, List<ProblemBody> problems, String addedBy, java.time.OffsetDateTime updatedAt,
            String updatedBy) {

        static LineBody of(CartView.LineView l, ApiMessages messages) {
            return new LineBody(l.id(), l.sku(), l.inAssortment(), l.name(), l.unitCode(), l.unitName(),
                    l.packMultiple(), l.minOrderQty(), l.quantity(), l.backorder(), l.backorderAllowed(), l.available(),
                    l.takeAvailable(), l.successorSku(), l.price(), l.problems().stream()
                            .map(p -> new ProblemBody(p.code().name(), p.severity().name(), messages.text(p.reason())))
                            .toList(), l.addedBy(), l.updatedAt(), l.updatedBy());
        }
    }

    record ProblemBody(String code, String severity, String message) {
    }
}
