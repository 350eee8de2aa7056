package io.b2bportal.crm.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client timeline's one way in. Every part of the CRM, and the listeners on the other modules' events,
 * record what happened to a client here; an entry is written at most once per {@code dedupeKey}, so an event
 * delivered twice shows once.
 */
@Service
public class Timeline {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One thing that happened to a client company. {@code event} is a message key of the crm-timeline bundle,
     * rendered with {@code args}; {@code objectType}/{@code objectId} say what the entry links to.
     */
    public record Entry(long companyId, Long legalEntityId, Instant occurredAt, String kind, String event,
            List<String> args, String objectType, Long objectId, Long actorId, String dedupeKey) {
        public Entry {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(dedupeKey, "dedupeKey");
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /** Records the entry; false when one with the same dedupe key is there already. */
    public boolean record(Entry entry) {
        return jdbc.sql("""
                insert into crm.timeline_entry (company_id, legal_entity_id, occurred_at, kind, event, args,
                                                object_type, object_id, actor_id, dedupe_key)
                values (:company, :entity, :at, :kind, :event, cast(:args as jsonb), :objectType, :objectId, :actor,
                        :dedupe)
                on conflict (dedupe_key) do nothing
                """)
                .param("company", entry.companyId()).param("entity", entry.legalEntityId())
                .param("at", java.sql.Timestamp.from(entry.occurredAt())).param("kind", entry.kind())
                .param("event", entry.event()).param("args", json.writeValueAsString(entry.args()))
                .param("objectType", entry.objectType()).param("objectId", entry.objectId())
                .param("actor", entry.actorId()).param("dedupe", entry.dedupeKey())
                .update() == 1;
    }
}
