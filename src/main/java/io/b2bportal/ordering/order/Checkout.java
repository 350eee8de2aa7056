package io.b2bportal.ordering.order;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.DeliveryAddress;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.ordering.Receivables;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.LineProblem;
import io.b2bportal.ordering.cart.LineProblems;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.cart.Reason;
import io.b2bportal.ordering.order.CheckoutRequest.RequestedLine;
import io.b2bportal.ordering.order.CheckoutRequest.SplitLine;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.Quote;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns carts (or lines given directly) into orders, in one transaction that either places every order or changes
 * nothing. The checks, in order, each refusing with its reason: the legal entity may order (approved, agreement
 * accepted); the carts are the buyer's and not empty; every quantity is a valid one for its product; every product
 * is orderable (in the assortment, not discontinued, minimum and pack); prices come from pricing, never the client;
 * each order reaches the contract's minimum amount; open orders plus these stay within the credit limit of a deferral
 * contract (checked under a lock per legal entity, so concurrent checkouts cannot overspend); and the stock is
 * reserved through the catalog under row locks: what is beyond stock is backordered where the product allows it,
 * otherwise the checkout is refused naming the lines. The carts used are emptied (or deleted) at the end.
 */
@Service
public class Checkout {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    /** Two-key advisory lock space of credit checks: (this, legal entity id). */
    private static final int CREDIT_LOCK = 6_010;

    private final JdbcClient jdbc;
    private final Carts carts;
    private final CatalogApi catalog;
    private final PricingApi pricing;
    private final CustomersApi customers;
    private final ApprovalPolicy approvals;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Receivables> receivables;

    Checkout(JdbcClient jdbc, Carts carts, CatalogApi catalog, PricingApi pricing, CustomersApi customers,
            ApprovalPolicy approvals, ApplicationEventPublisher events, ObjectProvider<Receivables> receivables) {
        this.receivables = receivables;
        this.jdbc = jdbc;
        this.carts = carts;
        this.catalog = catalog;
        this.pricing = pricing;
        this.customers = customers;
        this.approvals = approvals;
        this.events = events;
    }

    /** One order to be: the carts it comes from and the quantity of each product, in first-seen order. */
    private record Group(List<Long> cartIds, Map<Long, BigDecimal> quantities) {
    }

    /** A line as it will be stored. */
    record Draft(OrderableProduct product, BigDecimal quantity, PricedLine price, BigDecimal lineNet, BigDecimal lineVat,
            BigDecimal lineGross, BigDecimal reserved, BigDecimal backordered, LocalDate expectedDate,
            DeliveryAddress address) {
    }

    /** Places the orders and returns their ids, in the order of the carts (or one id). */
    @Transactional
    public List<Long> place(Placer placer, CheckoutRequest request) {
        checkTexts(request);
        if (!request.cartIds().isEmpty() && !request.lines().isEmpty()) {
            throw DomainException.invalid("carts-and-lines", "orders.refused.carts-and-lines");
        }
        List<Group> groups = request.cartIds().isEmpty() ? List.of(fromLines(request.lines()))
                : fromCarts(placer, request.cartIds(), request.merge());
        // after the carts: a cart that is not the buyer's is not found, whatever else is wrong
        customers.whyCannotOrder(placer.legalEntityId()).ifPresent(key -> {
            throw new DomainException(422, "order-not-allowed", "orders.refused.not-allowed",
                    new DefaultMessageSourceResolvable(new String[] {key}, key));
        });
        hold(placer.legalEntityId()).ifPresent(hold -> {
            throw new DomainException(422, "credit-hold", "orders.refused.credit-hold",
                    hold.overdue().setScale(2, RoundingMode.HALF_UP),
                    // a java.util.Date, so that the message formats it the reader's way ({1,date,...})
                    java.util.Date.from(hold.oldestDueOn().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        });
        List<Long> productIds = groups.stream().flatMap(g -> g.quantities().keySet().stream()).distinct().toList();
        Map<Long, OrderableProduct> products = catalog.orderableById(productIds).stream()
                .collect(Collectors.toMap(OrderableProduct::id, Function.identity()));
        for (Group group : groups) {
            if (group.quantities().size() > PricingApi.MAX_LINES) {
                throw DomainException.invalid("too-many-lines", "orders.refused.too-many-lines",
                        group.quantities().size(), PricingApi.MAX_LINES);
            }
            group.quantities().forEach((id, quantity) -> checkLine(products.get(id), quantity));
        }
        DeliveryAddress address = address(placer.legalEntityId(), request.addressId());
        Map<String, List<SplitLine>> split = split(placer.legalEntityId(), request.split(), products);
        ContractTerms terms = customers.termsOf(placer.legalEntityId());

        List<Quote> quotes = new ArrayList<>();
        for (Group group : groups) {
            quotes.add(quote(placer.legalEntityId(), group, products));
        }
        checkCredit(placer.legalEntityId(), terms, quotes.stream().map(q -> q.totals().gross())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<Long, BigDecimal> reserved = reserve(groups, products);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Draft> drafts = drafts(groups.get(i), quotes.get(i), products, reserved, address, split);
            ids.add(insert(placer, request, groups.get(i), quotes.get(i), terms, address, drafts));
        }
        split.values().stream().flatMap(List::stream).filter(s -> s.quantity() != null && s.quantity().signum() > 0)
                .findFirst().ifPresent(s -> {
                    throw DomainException.invalid("bad-split", "orders.refused.split-not-in-order", s.sku());
                });
        if (!request.cartIds().isEmpty()) {
            clearCarts(placer, request.cartIds(), request.deleteCarts(), numbers(ids));
        }
        return ids;
    }

    // ------------------------------------------------------------------ what is ordered

    private List<Group> fromCarts(Placer placer, List<Long> cartIds, boolean merge) {
        // on behalf: the carts of the member of staff for the customer's legal entity (acting on its behalf)
        Buyer buyer = new Buyer(placer.userId(), placer.legalEntityId(), placer.companyId(), false,
                placer.channel() == Channel.ON_BEHALF);
        List<Long> distinct = cartIds.stream().distinct().sorted().toList();
        Map<Long, String> names = new HashMap<>();
        for (long id : distinct) {
            names.put(id, carts.get(buyer, id).name());
        }
        // locked in id order: a second checkout of the same carts (a double click without a token) waits, then finds
        // them empty; a line change waits for the checkout
        jdbc.sql("select id from ordering.cart where id = any(cast(:ids as bigint[])) order by id for update")
                .param("ids", distinct.toArray(Long[]::new)).query(Long.class).list();
        record CartLine(long cartId, long productId, BigDecimal quantity) {
        }
        Map<Long, List<CartLine>> byCart = jdbc.sql("""
                        select cart_id, product_id, quantity from ordering.cart_line
                         where cart_id = any(cast(:ids as bigint[])) order by cart_id, id""")
                .param("ids", distinct.toArray(Long[]::new)).query(CartLine.class).list().stream()
                .collect(Collectors.groupingBy(CartLine::cartId, LinkedHashMap::new, Collectors.toList()));
        List<Long> inOrder = cartIds.stream().distinct().toList();
        for (long id : inOrder) {
            if (!byCart.containsKey(id)) {
                throw DomainException.invalid("cart-empty", "orders.refused.cart-empty", names.get(id));
            }
        }
        if (merge) {
            Map<Long, BigDecimal> quantities = new LinkedHashMap<>();
            inOrder.forEach(id -> byCart.get(id).forEach(l -> quantities.merge(l.productId(), l.quantity(),
                    BigDecimal::add)));
            return List.of(new Group(inOrder, quantities));
        }
        return inOrder.stream().map(id -> {
            Map<Long, BigDecimal> quantities = new LinkedHashMap<>();
            byCart.get(id).forEach(l -> quantities.put(l.productId(), l.quantity()));
            return new Group(List.of(id), quantities);
        }).toList();
    }

    private Group fromLines(List<RequestedLine> lines) {
        if (lines.isEmpty()) {
            throw DomainException.invalid("nothing-to-order", "orders.refused.nothing");
        }
        for (RequestedLine line : lines) {
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw DomainException.invalid("unknown-sku", "orders.refused.no-sku");
            }
            QuantityPolicy.check(line.quantity()).ifPresent(reason -> {
                throw lineRefusal("bad-quantity", line.sku(), reason);
            });
        }
        Map<String, OrderableProduct> bySku = catalog.orderableBySku(lines.stream().map(RequestedLine::sku).toList())
                .stream().collect(Collectors.toMap(p -> p.sku().toLowerCase(Locale.ROOT), Function.identity(),
                        (a, b) -> a));
        Map<Long, BigDecimal> quantities = new LinkedHashMap<>();
        for (RequestedLine line : lines) {
            OrderableProduct product = bySku.get(line.sku().strip().toLowerCase(Locale.ROOT));
            if (product == null) {
                throw DomainException.invalid("unknown-sku", "orders.refused.unknown-sku", line.sku().strip());
            }
            quantities.merge(product.id(), line.quantity(), BigDecimal::add);
        }
        return new Group(List.of(), quantities);
    }

    private static void checkLine(OrderableProduct product, BigDecimal quantity) {
        QuantityPolicy.check(quantity, product.unitCode(), product.unitName()).ifPresent(reason -> {
            throw lineRefusal("bad-quantity", product.sku(), reason);
        });
        LineProblems.of(product, quantity, true).stream()
                .filter(LineProblem::blocking)
                .filter(p -> p.code() != LineProblem.Code.OVER_STOCK)
                .findFirst().ifPresent(problem -> {
                    throw lineRefusal("line-problem", product.sku(), problem.reason());
                });
    }

    static DomainException lineRefusal(String code, String sku, Reason reason) {
        return DomainException.invalid(code, "orders.refused.line", sku, resolvable(reason));
    }

    static DefaultMessageSourceResolvable resolvable(Reason reason) {
        return new DefaultMessageSourceResolvable(new String[] {reason.key()}, reason.arguments(), reason.key());
    }

    // ------------------------------------------------------------------ where and when

    private static void checkTexts(CheckoutRequest request) {
        if (request.poNumber() != null && request.poNumber().strip().length() > 50) {
            throw DomainException.invalid("po-too-long", "orders.refused.po-too-long", 50);
        }
        if (request.comment() != null && request.comment().length() > 2000) {
            throw DomainException.invalid("comment-too-long", "orders.refused.comment-too-long", 2000);
        }
        if (request.desiredDate() != null && request.desiredDate().isBefore(LocalDate.now(ZONE))) {
            throw DomainException.invalid("bad-date", "orders.refused.date-past", request.desiredDate().toString());
        }
    }

    private DeliveryAddress address(long legalEntityId, Long addressId) {
        if (addressId == null) {
            return customers.deliveryAddresses(legalEntityId, 1).stream().filter(DeliveryAddress::isDefault)
                    .findFirst().orElse(null);
        }
        return customers.deliveryAddress(legalEntityId, addressId)
                .orElseThrow(() -> DomainException.invalid("bad-address", "orders.refused.address", addressId));
    }

    /** The split lines by lower-case SKU, each checked: an address of the entity, a valid quantity. */
    private Map<String, List<SplitLine>> split(long legalEntityId, List<SplitLine> split,
            Map<Long, OrderableProduct> products) {
        Map<String, List<SplitLine>> bySku = new LinkedHashMap<>();
        for (SplitLine line : split) {
            if (line == null || line.sku() == null || line.addressId() == null) {
                throw DomainException.invalid("bad-split", "orders.refused.split-incomplete");
            }
            DeliveryAddress address = address(legalEntityId, line.addressId());
            OrderableProduct product = products.values().stream()
                    .filter(p -> p.sku().equalsIgnoreCase(line.sku().strip())).findFirst()
                    .orElseThrow(() -> DomainException.invalid("bad-split", "orders.refused.split-not-in-order",
                            line.sku()));
            QuantityPolicy.check(line.quantity(), product.unitCode(), product.unitName()).ifPresent(reason -> {
                throw lineRefusal("bad-quantity", product.sku(), reason);
            });
            bySku.computeIfAbsent(product.sku().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(new SplitLine(product.sku(), address.id(), line.quantity()));
        }
        return bySku;
    }

    // ------------------------------------------------------------------ money

    private Quote quote(long legalEntityId, Group group, Map<Long, OrderableProduct> products) {
        Quote quote = pricing.quote(legalEntityId, group.quantities().entrySet().stream()
                .map(e -> QuoteLine.ofProduct(e.getKey(), e.getValue())).toList());
        for (PricedLine line : quote.lines()) {
            if (!line.priced()) {
                String sku = products.get(line.productId()).sku();
                throw line.status() == PricedLine.Status.PRICE_ON_REQUEST
                        ? lineRefusal("no-price", sku, Reason.of("ordering.problem.no-price"))
                        : lineRefusal("line-problem", sku, Reason.of("ordering.problem.not-in-assortment"));
            }
        }
        if (!quote.minimumReached()) {
            throw DomainException.invalid("minimum-order", "orders.refused.minimum", quote.minimumOrderShortfall(),
                    quote.minimumOrderAmount(), quote.totals().gross());
        }
        return quote;
    }

    private void checkCredit(long legalEntityId, ContractTerms terms, BigDecimal gross) {
        if (!CreditPolicy.applies(terms)) {
            return;
        }
        // one checkout of a legal entity at a time passes this point until its transaction ends, so two cannot both
        // see the same credit left
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:space, cast(:entity as int))) locked")
                .param("space", CREDIT_LOCK).param("entity", legalEntityId).query(Integer.class).single();
        BigDecimal open = exposure(legalEntityId);
        CreditPolicy.check(terms, open, gross).ifPresent(reason -> {
            throw reason.refusal("credit-exceeded");
        });
    }

    /**
     * The legal entity's credit exposure: orders waiting for approval (not invoiced yet) plus what its invoices leave
     * unpaid (every placed order is invoiced in the transaction that places it; an advance lowers the exposure).
     */
    public BigDecimal exposure(long legalEntityId) {
        BigDecimal waiting = jdbc.sql("""
                        select coalesce(sum(total_gross), 0) from ordering.orders
                         where legal_entity_id = :entity and status = 'AWAITING_APPROVAL'""")
                .param("entity", legalEntityId).query(BigDecimal.class).single();
        Receivables finance = receivables.getIfAvailable();
        return finance == null ? waiting : waiting.add(finance.outstanding(legalEntityId));
    }

    /** The credit hold the legal entity is on, if any. */
    public Optional<Receivables.CreditHold> hold(long legalEntityId) {
        Receivables finance = receivables.getIfAvailable();
        return finance == null ? Optional.empty() : finance.hold(legalEntityId);
    }

    // ------------------------------------------------------------------ stock

    private Map<Long, BigDecimal> reserve(List<Group> groups, Map<Long, OrderableProduct> products) {
        Map<Long, BigDecimal> wanted = new LinkedHashMap<>();
        groups.forEach(g -> g.quantities().forEach((id, q) -> wanted.merge(id, q, BigDecimal::add)));
        Map<Long, BigDecimal> reserved = catalog.reserve(wanted);
        List<Object> short_ = new ArrayList<>();
        wanted.forEach((id, quantity) -> {
            OrderableProduct product = products.get(id);
            BigDecimal got = reserved.getOrDefault(id, BigDecimal.ZERO);
            if (got.compareTo(quantity) < 0 && !product.backorderAllowed()) {
                short_.add(product.sku() + " (" + QuantityPolicy.plain(quantity) + " / "
                        + QuantityPolicy.plain(got) + " " + product.unitName() + ")");
            }
        });
        if (!short_.isEmpty()) {
            // the transaction rolls back: what was reserved above is given back with it
            throw DomainException.invalid("out-of-stock", "orders.refused.out-of-stock",
                    short_.stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        return new HashMap<>(reserved);
    }

    private List<Draft> drafts(Group group, Quote quote, Map<Long, OrderableProduct> products,
            Map<Long, BigDecimal> reservedLeft, DeliveryAddress address, Map<String, List<SplitLine>> split) {
        Map<Long, PricedLine> prices = quote.lines().stream()
                .collect(Collectors.toMap(PricedLine::productId, Function.identity(), (a, b) -> a));
        List<Draft> drafts = new ArrayList<>();
        for (Map.Entry<Long, BigDecimal> entry : group.quantities().entrySet()) {
            OrderableProduct product = products.get(entry.getKey());
            PricedLine price = prices.get(product.id());
            BigDecimal total = entry.getValue();
            List<SplitLine> parts = split.getOrDefault(product.sku().toLowerCase(Locale.ROOT), List.of());
            List<Map.Entry<DeliveryAddress, BigDecimal>> pieces = new ArrayList<>();
            BigDecimal rest = total;
            for (int i = 0; i < parts.size(); i++) {
                SplitLine part = parts.get(i);
                rest = rest.subtract(part.quantity());
                pieces.add(Map.entry(customers.deliveryAddress(quote.legalEntityId(), part.addressId()).orElseThrow(),
                        part.quantity()));
                parts.set(i, new SplitLine(part.sku(), part.addressId(), BigDecimal.ZERO));
            }
            if (rest.signum() < 0) {
                throw DomainException.invalid("bad-split", "orders.refused.split-too-much", product.sku(),
                        QuantityPolicy.plain(total));
            }
            if (rest.signum() > 0) {
                pieces.add(0, new java.util.AbstractMap.SimpleEntry<>(address, rest));
            }
            // amounts are shared out in proportion and the last piece takes the remainder, so the pieces add up to
            // the priced line to the kopeck
            BigDecimal netLeft = price.lineNet();
            BigDecimal vatLeft = price.lineVat();
            BigDecimal grossLeft = price.lineGross();
            for (int i = 0; i < pieces.size(); i++) {
                BigDecimal quantity = pieces.get(i).getValue();
                boolean last = i == pieces.size() - 1;
                BigDecimal net = last ? netLeft : share(price.lineNet(), quantity, total);
                BigDecimal vat = last ? vatLeft : share(price.lineVat(), quantity, total);
                BigDecimal gross = last ? grossLeft : share(price.lineGross(), quantity, total);
                netLeft = netLeft.subtract(net);
                vatLeft = vatLeft.subtract(vat);
                grossLeft = grossLeft.subtract(gross);
                BigDecimal reserved = quantity.min(reservedLeft.getOrDefault(product.id(), BigDecimal.ZERO));
                reservedLeft.merge(product.id(), reserved.negate(), BigDecimal::add);
                BigDecimal backordered = quantity.subtract(reserved);
                drafts.add(new Draft(product, quantity, price, net, vat, gross, reserved, backordered,
                        backordered.signum() > 0 ? expected(product) : null, pieces.get(i).getKey()));
            }
        }
        return drafts;
    }

    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return amount.multiply(part).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** When a backordered quantity is expected: the next incoming delivery, else today plus the lead time. */
    static LocalDate expected(OrderableProduct product) {
        if (product.incoming() != null && product.incoming().signum() > 0 && product.incomingDate() != null) {
            return product.incomingDate();
        }
        return product.leadTimeDays() == null ? null : LocalDate.now(ZONE).plusDays(product.leadTimeDays());
    }

    // ------------------------------------------------------------------ writing

    private long insert(Placer placer, CheckoutRequest request, Group group, Quote quote, ContractTerms terms,
            DeliveryAddress address, List<Draft> drafts) {
        OrderStatus status = approvals.needsApproval(placer.userId(), placer.legalEntityId(), placer.channel(),
                quote.totals().gross()) ? OrderStatus.AWAITING_APPROVAL : OrderStatus.PLACED;
        record Inserted(long id, String number) {
        }
        Inserted order = jdbc.sql("""
                        insert into ordering.orders (number, company_id, legal_entity_id, placed_by, channel, status,
                               po_number, comment, desired_date, payment_terms, deferral_days, contract_number, currency,
                               total_net, total_vat, total_gross, address_id, address_text, source_cart_ids)
                        values (to_char(now() at time zone 'Europe/Moscow', 'YYYY') || '-'
                                    || lpad(nextval('ordering.order_number_seq')::text, 6, '0'),
                                :company, :entity, :user, :channel, :status, :po, :comment, :desired, :terms, :days,
                                :contract, :currency, :net, :vat, :gross, :address, :addressText,
                                cast(:carts as bigint[]))
                        returning id, number""")
                .param("company", placer.companyId()).param("entity", placer.legalEntityId())
                .param("user", placer.userId()).param("channel", placer.channel().name())
                .param("status", status.name()).param("po", blankToNull(request.poNumber()))
                .param("comment", blankToNull(request.comment())).param("desired", request.desiredDate())
                .param("terms", terms.paymentTerms().name()).param("days", terms.deferralDays())
                .param("contract", terms.contractNumber()).param("currency", quote.currency())
                .param("net", quote.totals().net()).param("vat", quote.totals().vat())
                .param("gross", quote.totals().gross()).param("address", address == null ? null : address.id())
                .param("addressText", address == null ? null : address.text())
                .param("carts", group.cartIds().toArray(Long[]::new))
                .query(Inserted.class).single();
        jdbc.sql("""
                        insert into ordering.order_line (order_id, line_no, product_id, sku, name, name_en, unit_code,
                               unit_name, quantity, unit_net, unit_gross, vat_rate, line_net, line_vat, line_gross,
                               price_source, promotion, reserved, backordered, expected_date, address_id, address_text)
                        select :order, l.no, l.product_id, l.sku, l.name, l.name_en, l.unit_code, l.unit_name,
                               l.quantity, l.unit_net, l.unit_gross, l.vat_rate, l.line_net, l.line_vat, l.line_gross,
                               l.price_source, l.promotion, l.reserved, l.backordered, l.expected_date, l.address_id,
                               l.address_text
                          from unnest(cast(:products as bigint[]), cast(:skus as text[]), cast(:names as text[]),
                                      cast(:namesEn as text[]), cast(:unitCodes as text[]), cast(:unitNames as text[]),
                                      cast(:quantities as numeric[]), cast(:unitNets as numeric[]),
                                      cast(:unitGrosses as numeric[]), cast(:vatRates as text[]),
                                      cast(:nets as numeric[]), cast(:vats as numeric[]), cast(:grosses as numeric[]),
                                      cast(:sources as text[]), cast(:promotions as text[]),
                                      cast(:reserved as numeric[]), cast(:backordered as numeric[]),
                                      cast(:expected as date[]), cast(:addresses as bigint[]),
                                      cast(:addressTexts as text[]))
                               with ordinality as l(product_id, sku, name, name_en, unit_code, unit_name, quantity,
                                    unit_net, unit_gross, vat_rate, line_net, line_vat, line_gross, price_source,
                                    promotion, reserved, backordered, expected_date, address_id, address_text, no)""")
                .param("order", order.id())
                .param("products", drafts.stream().map(d -> d.product().id()).toArray(Long[]::new))
                .param("skus", drafts.stream().map(d -> d.product().sku()).toArray(String[]::new))
                .param("names", drafts.stream().map(d -> d.product().name()).toArray(String[]::new))
                .param("namesEn", drafts.stream().map(d -> d.product().nameEn()).toArray(String[]::new))
                .param("unitCodes", drafts.stream().map(d -> d.product().unitCode()).toArray(String[]::new))
                .param("unitNames", drafts.stream().map(d -> d.product().unitName()).toArray(String[]::new))
                .param("quantities", drafts.stream().map(Draft::quantity).toArray(BigDecimal[]::new))
                .param("unitNets", drafts.stream().map(d -> d.price().unitNet()).toArray(BigDecimal[]::new))
                .param("unitGrosses", drafts.stream().map(d -> d.price().unitGross()).toArray(BigDecimal[]::new))
                .param("vatRates", drafts.stream().map(d -> d.price().vatRate()).toArray(String[]::new))
                .param("nets", drafts.stream().map(Draft::lineNet).toArray(BigDecimal[]::new))
                .param("vats", drafts.stream().map(Draft::lineVat).toArray(BigDecimal[]::new))
                .param("grosses", drafts.stream().map(Draft::lineGross).toArray(BigDecimal[]::new))
                .param("sources", drafts.stream().map(d -> d.price().source().name()).toArray(String[]::new))
                .param("promotions", drafts.stream().map(d -> d.price().promotion() == null ? null
                        : d.price().promotion().name(Locale.of("ru"))).toArray(String[]::new))
                .param("reserved", drafts.stream().map(Draft::reserved).toArray(BigDecimal[]::new))
                .param("backordered", drafts.stream().map(Draft::backordered).toArray(BigDecimal[]::new))
                .param("expected", drafts.stream().map(d -> d.expectedDate() == null ? null
                        : java.sql.Date.valueOf(d.expectedDate())).toArray(java.sql.Date[]::new))
                .param("addresses", drafts.stream().map(d -> d.address() == null || d.address().equals(address) ? null
                        : d.address().id()).toArray(Long[]::new))
                .param("addressTexts", drafts.stream().map(d -> d.address() == null || d.address().equals(address)
                        ? null : d.address().text()).toArray(String[]::new))
                .update();
        OrderHistory.record(jdbc, order.id(), placer.userId(), "PLACED", null, status,
                placer.channel() == Channel.PORTAL ? null : placer.channel().name());
        if (status == OrderStatus.PLACED) {
            events.publishEvent(new OrderPlaced(order.id(), order.number(), placer.companyId(), placer.legalEntityId(),
                    quote.currency(), quote.totals().net(), quote.totals().vat(), quote.totals().gross(),
                    placer.channel().name()));
        }
        return order.id();
    }

    private List<String> numbers(List<Long> ids) {
        return jdbc.sql("select number from ordering.orders where id = any(cast(:ids as bigint[])) order by id")
                .param("ids", ids.toArray(Long[]::new)).query(String.class).list();
    }

    /** Empties the carts (with a history row per line naming the orders), or deletes the buyer's own ones. */
    private void clearCarts(Placer placer, List<Long> cartIds, boolean delete, List<String> numbers) {
        Long[] ids = cartIds.stream().distinct().toArray(Long[]::new);
        jdbc.sql("""
                        with removed as (
                               delete from ordering.cart_line where cart_id = any(cast(:ids as bigint[]))
                               returning cart_id, product_id, quantity),
                             touched as (
                               update ordering.cart set updated_at = now(), updated_by = :user
                                where id = any(cast(:ids as bigint[])))
                        insert into ordering.cart_event (cart_id, product_id, actor_id, action, old_quantity, source,
                                                         other_cart)
                        select cart_id, product_id, :user, 'REMOVED', quantity, 'ORDER', :numbers from removed""")
                .param("ids", ids).param("user", placer.userId()).param("numbers", String.join(", ", numbers))
                .update();
        if (delete) {
            jdbc.sql("delete from ordering.cart where id = any(cast(:ids as bigint[])) and owner_id = :user")
                    .param("ids", ids).param("user", placer.userId()).update();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
