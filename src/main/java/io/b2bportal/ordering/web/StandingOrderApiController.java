package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.standing.StandingOrders;
import io.b2bportal.ordering.standing.StandingOrders.Details;
import io.b2bportal.ordering.standing.StandingOrders.Summary;
import io.b2bportal.ordering.standing.StandingReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/standing-orders}: the acting legal entity's standing orders and their occurrences. */
@RestController
@Tag(name = "Standing orders", description = "Orders repeated weekly or monthly, placed at the prices of the day")
class StandingOrderApiController {

    private final BuyerContext buyers;
    private final StandingOrders standingOrders;
    private final StandingReviews reviews;

    StandingOrderApiController(BuyerContext buyers, StandingOrders standingOrders, StandingReviews reviews) {
        this.buyers = buyers;
        this.standingOrders = standingOrders;
        this.reviews = reviews;
    }

    /**
     * A new standing order from a cart ({@code cartId}) or a past order ({@code orderNumber}).
     *
     * @param frequency {@code WEEKLY} (with dayOfWeek 1 = Monday … 7) or {@code MONTHLY} (with dayOfMonth 1–28)
     */
    record SetupRequest(String name, Long cartId, String orderNumber, String frequency, Integer dayOfWeek,
            Integer dayOfMonth, String firstDate, String endsOn, BigDecimal maxPriceRisePercent, Long addressId,
            String poNumber, String comment) {
    }

    record ChangeRequest(String frequency, Integer dayOfWeek, Integer dayOfMonth, String nextDate, String endsOn,
            BigDecimal maxPriceRisePercent) {
    }

    record Placed(boolean placed, Details standingOrder) {
    }

    @GetMapping("/api/v1/standing-orders")
    @Operation(summary = "The acting legal entity's standing orders")
    List<Summary> list() {
        return standingOrders.list(buyers.require());
    }

    @PostMapping("/api/v1/standing-orders")
    @Operation(summary = "Set up a standing order from a cart or a past order: weekly or monthly, first date, end "
            + "date, the largest price rise (%) placed without asking (default 5)")
    ResponseEntity<Details> create(@RequestBody SetupRequest request) {
        Buyer buyer = buyers.require();
        long id = standingOrders.create(buyer, new StandingOrders.Setup(request.name(), request.cartId(),
                request.orderNumber(), StandingOrderForms.schedule(request.frequency(), request.dayOfWeek(),
                        request.dayOfMonth()), StandingOrderForms.date(request.firstDate()),
                StandingOrderForms.date(request.endsOn()), request.maxPriceRisePercent(), request.addressId(),
                request.poNumber(), request.comment()));
        return ResponseEntity.status(201).body(standingOrders.get(buyer, id));
    }

    @GetMapping("/api/v1/standing-orders/{id}")
    @Operation(summary = "A standing order with its lines and its occurrences (placed, waiting for review, skipped)")
    Details get(@PathVariable long id) {
        return standingOrders.get(buyers.require(), id);
    }

    @PutMapping("/api/v1/standing-orders/{id}")
    @Operation(summary = "Change the schedule, the next date, the end date or the price-rise limit")
    Details change(@PathVariable long id, @RequestBody ChangeRequest request) {
        Buyer buyer = buyers.require();
        standingOrders.change(buyer, id, new StandingOrders.Change(StandingOrderForms.schedule(request.frequency(),
                request.dayOfWeek(), request.dayOfMonth()), StandingOrderForms.date(request.nextDate()),
                StandingOrderForms.date(request.endsOn()), request.maxPriceRisePercent()));
        return standingOrders.get(buyer, id);
    }

    @PostMapping("/api/v1/standing-orders/{id}/pause")
    @Operation(summary = "Pause: nothing is placed until resumed")
    Details pause(@PathVariable long id) {
        return after(id, standingOrders::pause);
    }

    @PostMapping("/api/v1/standing-orders/{id}/resume")
    @Operation(summary = "Resume; a next date that passed meanwhile moves to the schedule's next one")
    Details resume(@PathVariable long id) {
        return after(id, standingOrders::resume);
    }

    @PostMapping("/api/v1/standing-orders/{id}/cancel")
    @Operation(summary = "Cancel for good (past orders stay)")
    Details cancel(@PathVariable long id) {
        return after(id, standingOrders::cancel);
    }

    @PostMapping("/api/v1/standing-orders/{id}/occurrences/{occurrenceId}/place")
    @Operation(summary = "Place an occurrence held for review at today's prices (checkout's checks apply; "
            + "placed=false with the reason kept on the occurrence if it refuses)")
    Placed place(@PathVariable long id, @PathVariable long occurrenceId) {
        Buyer buyer = buyers.require();
        boolean placed = reviews.place(buyer, id, occurrenceId);
        return new Placed(placed, standingOrders.get(buyer, id));
    }

    @PostMapping("/api/v1/standing-orders/{id}/occurrences/{occurrenceId}/skip")
    @Operation(summary = "Skip an occurrence held for review")
    Details skip(@PathVariable long id, @PathVariable long occurrenceId) {
        return after(id, (buyer, standingOrder) -> reviews.skip(buyer, standingOrder, occurrenceId));
    }

    /** Does something to a standing order of the acting buyer and answers with it as it is then. */
    private Details after(long id, java.util.function.BiConsumer<Buyer, Long> action) {
        Buyer buyer = buyers.require();
        action.accept(buyer, id);
        return standingOrders.get(buyer, id);
    }
}
