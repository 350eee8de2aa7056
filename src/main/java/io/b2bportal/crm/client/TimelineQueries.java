package io.b2bportal.crm.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's timeline as people read it: newest first, optionally of one kind, a page at a time (keyset: the entries
 * older than a given entry), each with its message in the reader's language and the back-office page of its object.
 */
@Service
public class TimelineQueries {

    /** The kinds in the order the filter offers them. */
    public static final List<String> KINDS = List.of("ORDER", "SHIPMENT", "INVOICE", "PAYMENT", "DOCUMENT", "CREDIT",
            "CLAIM", "ACTIVITY", "DEAL", "REGISTRATION", "ACCOUNT", "RATING");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    TimelineQueries(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** One entry: what happened, when, and where to look at it ({@code link} null when it links nowhere). */
    public record Item(long id, Instant occurredAt, String kind, String event, String text, String objectType,
            Long objectId, String link, String actorName) {
    }

    /** A page of entries and whether older ones exist. */
    public record Page(List<Item> items, boolean hasOlder, Long oldestId) {
    }

    private record Row(long id, OffsetDateTime occurredAt, String kind, String event, String args, String objectType,
            Long objectId, String orderNumber, String actorName) {
    }

    @Transactional(readOnly = true)
    public Page page(long companyId, String kind, Long before, int limit, Locale locale) {
        String onlyKind = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        List<Row> rows = jdbc.sql("""
                        select t.id, t.occurred_at, t.kind, t.event, t.args::text as args, t.object_type, t.object_id,
                               o.number as order_number, u.display_name as actor_name
                          from crm.timeline_entry t
                          left join ordering.orders o on t.object_type = 'ORDER' and o.id = t.object_id
                          left join platform.user_account u on u.id = t.actor_id
                         where t.company_id = :company
                           and (cast(:kind as text) is null or t.kind = :kind)
                           and (cast(:before as bigint) is null or (t.occurred_at, t.id) <
                                (select b.occurred_at, b.id from crm.timeline_entry b
                                  where b.id = :before and b.company_id = :company))
                         order by t.occurred_at desc, t.id desc
                         limit :limit""")
                .param("company", companyId).param("kind", onlyKind).param("before", before)
                .param("limit", limit + 1).query(Row.class).list();
        List<Item> items = rows.stream().limit(limit).map(r -> item(r, locale)).toList();
        return new Page(items, rows.size() > limit, items.isEmpty() ? null : items.getLast().id());
    }

    private Item item(Row r, Locale locale) {
        Object[] args = json.readValue(r.args(), String[].class);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && s.startsWith("msg:")) {
                args[i] = messages.getMessage(s.substring(4), null, s.substring(4), locale);
            }
        }
        String text = messages.getMessage(r.event(), args, r.event(), locale);
        return new Item(r.id(), r.occurredAt().toInstant(), r.kind(), r.event(), text, r.objectType(), r.objectId(),
                link(r), r.actorName());
    }

    /** The back-office page of an entry's object. */
    static String link(Row r) {
        if (r.objectType() == null || r.objectId() == null) {
            return null;
        }
        return switch (r.objectType()) {
            case "ORDER" -> r.orderNumber() == null ? null : "/admin/orders/" + r.orderNumber();
            case "INVOICE", "DOCUMENT" -> "/admin/documents/" + r.objectId();
            case "PAYMENT" -> "/admin/payments/" + r.objectId();
            case "CREDIT_HOLD" -> "/admin/finance/credit-holds";
            case "CLAIM" -> "/admin/claims/" + r.objectId();
            case "DEAL" -> "/admin/crm/deals/" + r.objectId();
            case "ACTIVITY" -> "/admin/crm/activities/" + r.objectId();
            case "LEAD" -> "/admin/crm/leads/" + r.objectId();
            case "COMPANY" -> "/admin/crm/clients/" + r.objectId();
            default -> null;
        };
    }
}
