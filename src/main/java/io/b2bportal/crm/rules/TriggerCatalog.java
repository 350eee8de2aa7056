package io.b2bportal.crm.rules;

import io.b2bportal.claims.ClaimClosed;
import io.b2bportal.claims.ClaimOpened;
import io.b2bportal.claims.ClaimRated;
import io.b2bportal.customers.CustomerRegistered;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.OrderCancelled;
import io.b2bportal.ordering.OrderDelivered;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.payments.CreditHoldPlaced;
import io.b2bportal.payments.InvoiceDueSoon;
import io.b2bportal.payments.InvoiceOverdue;
import io.b2bportal.payments.PaymentReceived;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What a rule can start from: the other modules' public events (their fields are the record's components) and two
 * scheduled triggers the CRM looks for itself (a cart nobody touched for N days, a regular customer with no order for
 * N days). For each: the code rules store, the fields conditions and placeholders may use, the client company it is
 * about and a key that tells one occurrence from another (an execution and its task happen once per key).
 */
@Component
public class TriggerCatalog {

    /** The type of a field, which decides the operators and how a condition's value is read. */
    public enum FieldType { NUMBER, TEXT, DATE, BOOLEAN }

    public record Field(String name, FieldType type) {
    }

    /** One trigger: {@code scheduled} ones have a number of days and no event class. */
    public record Trigger(String code, Class<?> eventClass, List<Field> fields, boolean scheduled) {

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    /** One occurrence of a trigger, ready for the rules: its field values, client and key. */
    public record Occurrence(String trigger, Map<String, Object> fields, Long companyId, String key) {
    }

    private record Source<E>(Class<E> type, String code, Function<E, String> key, Function<E, Long> company) {
    }

    private final CustomersApi customers;
    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final Map<Class<?>, Source<?>> sources = new LinkedHashMap<>();

    TriggerCatalog(CustomersApi customers) {
        this.customers = customers;
        event(CustomerRegistered.class, "CUSTOMER_REGISTERED", e -> "registered:" + e.companyId(), CustomerRegistered::companyId);
        event(OrderPlaced.class, "ORDER_PLACED", e -> "order-placed:" + e.orderId(), OrderPlaced::companyId);
        event(OrderDelivered.class, "ORDER_DELIVERED", e -> "order-delivered:" + e.orderId(), OrderDelivered::companyId);
        event(OrderCancelled.class, "ORDER_CANCELLED", e -> "order-cancelled:" + e.orderId(), OrderCancelled::companyId);
        event(InvoiceOverdue.class, "INVOICE_OVERDUE", e -> "invoice-overdue:" + e.invoiceId() + ":" + e.daysOverdue(),
                InvoiceOverdue::companyId);
        event(InvoiceDueSoon.class, "INVOICE_DUE_SOON", e -> "invoice-due-soon:" + e.invoiceId() + ":" + e.dueOn(),
                InvoiceDueSoon::companyId);
        event(PaymentReceived.class, "PAYMENT_RECEIVED", e -> "payment:" + e.paymentId(),
                e -> customers.legalEntity(e.legalEntityId()).map(LegalEntityRef::companyId).orElse(null));
        event(ClaimOpened.class, "CLAIM_OPENED", e -> "claim-opened:" + e.claimId(), ClaimOpened::companyId);
        event(ClaimClosed.class, "CLAIM_CLOSED", e -> "claim-closed:" + e.claimId(), ClaimClosed::companyId);
        event(ClaimRated.class, "CLAIM_RATED", e -> "claim-rated:" + e.claimId(), ClaimRated::companyId);
        event(CreditHoldPlaced.class, "CREDIT_HOLD_PLACED", e -> "credit-hold:" + e.holdId(), CreditHoldPlaced::companyId);
        triggers.put("CART_UNTOUCHED", new Trigger("CART_UNTOUCHED", null, List.of(
                new Field("cartId", FieldType.NUMBER), new Field("cartName", FieldType.TEXT),
                new Field("companyId", FieldType.NUMBER), new Field("legalEntityId", FieldType.NUMBER),
                new Field("lines", FieldType.NUMBER), new Field("daysUntouched", FieldType.NUMBER)), true));
        triggers.put("NO_ORDER_FOR", new Trigger("NO_ORDER_FOR", null, List.of(
                new Field("companyId", FieldType.NUMBER), new Field("orders", FieldType.NUMBER),
                new Field("lastOrderNumber", FieldType.TEXT), new Field("daysSinceLastOrder", FieldType.NUMBER)),
                true));
    }

    private <E> void event(Class<E> type, String code, Function<E, String> key, Function<E, Long> company) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fieldType(component.getType()).ifPresent(t -> fields.add(new Field(component.getName(), t)));
        }
        triggers.put(code, new Trigger(code, type, List.copyOf(fields), false));
        sources.put(type, new Source<>(type, code, key, company));
    }

    private static Optional<FieldType> fieldType(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class
                || type == BigDecimal.class) {
            return Optional.of(FieldType.NUMBER);
        }
        if (type == String.class) {
            return Optional.of(FieldType.TEXT);
        }
        if (type == LocalDate.class) {
            return Optional.of(FieldType.DATE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of(FieldType.BOOLEAN);
        }
        return Optional.empty();
    }

    public Collection<Trigger> all() {
        return triggers.values();
    }

    public Optional<Trigger> trigger(String code) {
        return Optional.ofNullable(code).map(triggers::get);
    }

    /** The occurrence of an event of one of the catalog's classes. */
    @SuppressWarnings("unchecked")
    public <E> Occurrence occurrence(E event) {
        Source<E> source = (Source<E>) sources.get(event.getClass());
        if (source == null) {
            throw new IllegalArgumentException("Not a trigger: " + event.getClass());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (fieldType(component.getType()).isPresent()) {
                try {
                    values.put(component.getName(), component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new Occurrence(source.code(), values, source.company().apply(event), source.key().apply(event));
    }
}
