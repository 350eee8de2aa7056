package io.b2bportal.ordering.cart;

import io.b2bportal.ordering.cart.CartLines.Line;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.Quote;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Live prices of cart lines from the pricing module: a cart of up to {@link PricingApi#MAX_LINES} lines is one quote
 * (prices, VAT, totals, the contract's minimum order). A larger cart is quoted in chunks of that size, twice: first
 * without order-amount promotions to learn the cart's total, then each chunk with that total, so that a promotion
 * "from 100,000 ₽" sees the whole cart. Either way the number of pricing calls grows with the cart's thousands of
 * lines, never with its lines.
 */
@Component
class CartPricing {

    private static final Logger LOG = LoggerFactory.getLogger(CartPricing.class);

    private final PricingApi pricing;

    CartPricing(PricingApi pricing) {
        this.pricing = pricing;
    }

    /** Prices by line id, the totals, and whether pricing answered at all. */
    record Priced(Map<Long, CartView.Price> prices, CartView.Totals totals, boolean available) {
    }

    /**
     * The prices of the lines; when pricing refuses the cart as a whole (e.g. lines in two currencies) the cart is
     * still shown, without prices, and the refusal is logged.
     */
    Priced price(long legalEntityId, List<Line> lines) {
        try {
            return quote(legalEntityId, lines);
        } catch (DomainException e) {
            LOG.warn("Cart of legal entity {} shown without prices: {}", legalEntityId, e.getMessage());
            return new Priced(Map.of(), CartView.Totals.none(), false);
        }
    }

    private Priced quote(long legalEntityId, List<Line> lines) {
        if (lines.isEmpty()) {
            Money zero = Money.zero(Money.RUB);
            return new Priced(Map.of(), new CartView.Totals(zero, zero, zero, null, null, true), true);
        }
        List<QuoteLine> quoteLines = lines.stream().map(l -> QuoteLine.ofProduct(l.productId(), l.quantity())).toList();
        List<Quote> quotes = new ArrayList<>();
        if (quoteLines.size() <= PricingApi.MAX_LINES) {
            quotes.add(pricing.quote(legalEntityId, quoteLines));
        } else {
            List<List<QuoteLine>> chunks = chunks(quoteLines);
            BigDecimal cartGross = BigDecimal.ZERO;
            for (List<QuoteLine> chunk : chunks) {
                cartGross = cartGross.add(Quote.Totals.of(pricing.prices(legalEntityId, chunk)).gross());
            }
            for (List<QuoteLine> chunk : chunks) {
                quotes.add(pricing.quote(legalEntityId, chunk, cartGross));
            }
        }
        Map<Long, Long> lineOfProduct = new HashMap<>();
        lines.forEach(l -> lineOfProduct.put(l.productId(), l.id()));
        Map<Long, CartView.Price> prices = new HashMap<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Quote quote : quotes) {
            for (PricedLine priced : quote.lines()) {
                if (priced.priced()) {
                    prices.put(lineOfProduct.get(priced.productId()), price(priced));
                }
            }
            net = net.add(quote.totals().net());
            vat = vat.add(quote.totals().vat());
            gross = gross.add(quote.totals().gross());
        }
        Quote first = quotes.getFirst();
        Currency currency = Currency.getInstance(first.currency());
        BigDecimal minimum = first.minimumOrderAmount();
        BigDecimal shortfall = minimum.subtract(gross).max(BigDecimal.ZERO);
        return new Priced(prices, new CartView.Totals(new Money(net, currency), new Money(vat, currency),
                new Money(gross, currency), new Money(minimum, currency), new Money(shortfall, currency), true), true);
    }

    private static List<List<QuoteLine>> chunks(List<QuoteLine> lines) {
        List<List<QuoteLine>> chunks = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += PricingApi.MAX_LINES) {
            chunks.add(lines.subList(from, Math.min(lines.size(), from + PricingApi.MAX_LINES)));
        }
        return chunks;
    }

    private static CartView.Price price(PricedLine line) {
        Currency currency = Currency.getInstance(line.currency());
        return new CartView.Price(new Money(line.unitNet(), currency), new Money(line.unitGross(), currency),
                new Money(line.lineNet(), currency), new Money(line.lineVat(), currency),
                new Money(line.lineGross(), currency), line.vatRate(),
                line.promotion() == null ? null : line.promotion().name(LocaleContextHolder.getLocale()));
    }
}
