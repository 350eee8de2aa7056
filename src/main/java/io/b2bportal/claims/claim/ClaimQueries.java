package io.b2bportal.claims.claim;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of claims: the buyer's list, the seller's queue with its SLA, one claim with lines, files, thread and
 * history. Internal notes are read only by {@link #notes}, which nothing buyer-facing calls.
 */
@Repository
public class ClaimQueries {

    /** The deadline that counts now: the response while nobody answered, then the resolution; none once settled. */
    private static final String SUMMARY = """
            select c.id, c.number, c.order_id, c.order_number, c.company_id, c.legal_entity_id, co.name as company_name,
                   le.name as legal_entity_name, c.type, c.remedy, c.status, c.assignee_id,
                   asg.display_name as assignee_name, c.created_at, c.response_due, c.resolution_due, c.responded_at,
                   case when c.status in ('NEW', 'IN_REVIEW', 'WAITING_FOR_BUYER', 'ACCEPTED', 'PARTLY_ACCEPTED')
                        then case when c.responded_at is null then c.response_due else c.resolution_due end
                   end as deadline,
                   c.status in ('NEW', 'IN_REVIEW', 'WAITING_FOR_BUYER', 'ACCEPTED', 'PARTLY_ACCEPTED')
                        and now() > case when c.responded_at is null then c.response_due else c.resolution_due end
                        as overdue,
                   c.rating
              from claims.claim c
              join customers.company co on co.id = c.company_id
              join customers.legal_entity le on le.id = c.legal_entity_id
              left join platform.user_account asg on asg.id = c.assignee_id
            """;

    private final JdbcClient jdbc;

    ClaimQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim in a list; {@code deadline} is null once it is settled, {@code overdue} when it passed unmet. */
    public record ClaimSummary(long id, String number, long orderId, String orderNumber, long companyId,
            long legalEntityId, String companyName, String legalEntityName, ClaimType type, Remedy remedy, ClaimStatus status,
            Long assigneeId, String assigneeName, OffsetDateTime createdAt, OffsetDateTime responseDue,
            OffsetDateTime resolutionDue, OffsetDateTime respondedAt, OffsetDateTime deadline, boolean overdue,
            Integer rating) {
    }

    public record ClaimLineView(long orderLineId, int lineNo, long productId, String sku, String name,
            String unitName, BigDecimal quantity, BigDecimal accepted) {
    }

    public record ClaimFileView(long id, String kind, String fileName, String contentType, long size,
            Long messageId, String uploadedByName, OffsetDateTime uploadedAt) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    public record MessageView(long id, String authorName, boolean staff, String body, OffsetDateTime at,
            List<ClaimFileView> files) {
    }

    public record EventView(OffsetDateTime at, String actorName, String action, ClaimStatus fromStatus,
            ClaimStatus toStatus, String comment) {
    }

    public record NoteView(long id, String authorName, String body, OffsetDateTime at) {
    }

    /**
     * A claim as both sides see it: never its internal notes.
     *
     * @param resolution       REPLACEMENT, RETURN or CREDIT_NOTE once resolved
     * @param returnStatus     AWAITING while returned goods are on their way, RECEIVED once back in stock
     */
    public record ClaimDetail(ClaimSummary claim, String openedByName, String description, BigDecimal compensation,
            String rejectReason, String resolution, Long replacementOrderId, String replacementNumber,
            String creditNoteNumber, String returnStatus, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
            String ratingComment, List<ClaimLineView> lines, List<ClaimFileView> files, List<MessageView> messages,
            List<EventView> history) {
    }

    /** What the staff list is narrowed to; nulls mean any. */
    public record QueueFilter(ClaimStatus status, Long assigneeId, boolean overdueOnly, boolean openOnly,
            Long managerId) {
    }

    public List<ClaimSummary> ofEntity(long legalEntityId) {
        return jdbc.sql(SUMMARY + " where c.legal_entity_id = :entity order by c.created_at desc, c.id desc")
                .param("entity", legalEntityId).query(ClaimSummary.class).list();
    }

    /** The seller's queue: overdue first, then by the deadline that counts, settled claims last. */
    public List<ClaimSummary> queue(QueueFilter filter, int limit) {
        return jdbc.sql("select * from (" + SUMMARY + """
                         where (cast(:status as text) is null or c.status = :status)
                           and (cast(:assignee as bigint) is null or c.assignee_id = :assignee)
                           and (cast(:manager as bigint) is null or co.account_manager_id = :manager)
                           and (not :openOnly or c.status in ('NEW', 'IN_REVIEW', 'WAITING_FOR_BUYER', 'ACCEPTED',
                                                               'PARTLY_ACCEPTED'))
                        ) q
                         where (not :overdueOnly or q.overdue)
                         order by q.overdue desc, q.deadline nulls last, q.created_at desc, q.id desc
                         limit :limit""")
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("assignee", filter.assigneeId()).param("manager", filter.managerId())
                .param("openOnly", filter.openOnly()).param("overdueOnly", filter.overdueOnly())
                .param("limit", limit).query(ClaimSummary.class).list();
    }

    public Optional<ClaimSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where c.id = :id").param("id", id).query(ClaimSummary.class).optional();
    }

    /**
     * One claim with everything both sides see.
     *
     * @param forStaff whether the history includes staff-only steps (assignments)
     */
    public Optional<ClaimDetail> detail(long id, boolean forStaff) {
        Optional<ClaimSummary> summary = summary(id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        record Head(String openedByName, String description, BigDecimal compensation, String rejectReason,
                String resolution, Long replacementOrderId, String replacementNumber, String creditNoteNumber,
                String returnStatus, OffsetDateTime resolvedAt, OffsetDateTime closedAt, String ratingComment) {
        }
        Head head = jdbc.sql("""
                        select u.display_name as opened_by_name, c.description, c.compensation, c.reject_reason,
                               c.resolution, c.replacement_order_id, c.replacement_number, c.credit_note_number,
                               c.return_status, c.resolved_at, c.closed_at, c.rating_comment
                          from claims.claim c join platform.user_account u on u.id = c.opened_by
                         where c.id = :id""")
                .param("id", id).query(Head.class).single();
        List<ClaimLineView> lines = jdbc.sql("""
                        select order_line_id, line_no, product_id, sku, name, unit_name, quantity, accepted
                          from claims.claim_line where claim_id = :id order by line_no""")
                .param("id", id).query(ClaimLineView.class).list();
        List<ClaimFileView> files = jdbc.sql("""
                        select f.id, f.kind, f.file_name, f.content_type, f.size, f.message_id,
                               u.display_name as uploaded_by_name, f.uploaded_at
                          from claims.claim_file f join platform.user_account u on u.id = f.uploaded_by
                         where f.claim_id = :id order by f.id""")
                .param("id", id).query(ClaimFileView.class).list();
        Map<Long, List<ClaimFileView>> byMessage = files.stream().filter(f -> f.messageId() != null)
                .collect(Collectors.groupingBy(ClaimFileView::messageId));
        record Message(long id, String authorName, boolean staff, String body, OffsetDateTime at) {
        }
        List<MessageView> messages = jdbc.sql("""
                        select m.id, u.display_name as author_name, m.staff, m.body, m.at
                          from claims.message m join platform.user_account u on u.id = m.author_id
                         where m.claim_id = :id order by m.id""")
                .param("id", id).query(Message.class).list().stream()
                .map(m -> new MessageView(m.id(), m.authorName(), m.staff(), m.body(), m.at(),
                        byMessage.getOrDefault(m.id(), List.of())))
                .toList();
        List<EventView> history = jdbc.sql("""
                        select e.at, u.display_name as actor_name, e.action, e.from_status, e.to_status, e.comment
                          from claims.claim_event e left join platform.user_account u on u.id = e.actor_id
                         where e.claim_id = :id and (:staff or e.action <> 'ASSIGNED')
                         order by e.id""")
                .param("id", id).param("staff", forStaff).query(EventView.class).list();
        return Optional.of(new ClaimDetail(summary.get(), head.openedByName(), head.description(),
                head.compensation(), head.rejectReason(), head.resolution(), head.replacementOrderId(),
                head.replacementNumber(), head.creditNoteNumber(), head.returnStatus(), head.resolvedAt(),
                head.closedAt(), head.ratingComment(), lines,
                files.stream().filter(f -> f.messageId() == null).toList(), messages, history));
    }

    /** The seller's internal notes of a claim: for staff pages and the staff API only. */
    public List<NoteView> notes(long claimId) {
        return jdbc.sql("""
                        select n.id, u.display_name as author_name, n.body, n.at
                          from claims.internal_note n join platform.user_account u on u.id = n.author_id
                         where n.claim_id = :id order by n.id""")
                .param("id", claimId).query(NoteView.class).list();
    }

    /** A stored file of a claim with the name of its blob. */
    public record StoredFile(long id, long claimId, String fileName, String blobSha256, String contentType) {
    }

    public Optional<StoredFile> file(long claimId, long fileId) {
        return jdbc.sql("""
                        select id, claim_id, file_name, blob_sha256, content_type from claims.claim_file
                         where id = :file and claim_id = :claim""")
                .param("file", fileId).param("claim", claimId).query(StoredFile.class).optional();
    }

    /** Members of staff a claim may be assigned to: operations, and the account manager of the customer. */
    public record Assignable(long id, String displayName, String role) {
    }

    public List<Assignable> assignable(long companyId) {
        return jdbc.sql("""
                        select u.id, u.display_name, 'OPERATIONS' as role
                          from platform.user_account u
                         where u.enabled and 'OPERATIONS' = any(u.roles)
                        union
                        select u.id, u.display_name, 'ACCOUNT_MANAGER' as role
                          from customers.company c join platform.user_account u on u.id = c.account_manager_id
                         where c.id = :company and u.enabled
                         order by 3 desc, 2""")
                .param("company", companyId).query(Assignable.class).list();
    }

    /** How much of each order line is claimed already, over all claims of the order. */
    public Map<Long, BigDecimal> claimed(long orderId) {
        record Claimed(long orderLineId, BigDecimal quantity) {
        }
        return jdbc.sql("""
                        select l.order_line_id, sum(l.quantity) as quantity
                          from claims.claim_line l join claims.claim c on c.id = l.claim_id
                         where c.order_id = :order group by l.order_line_id""")
                .param("order", orderId).query(Claimed.class).list().stream()
                .collect(Collectors.toMap(Claimed::orderLineId, Claimed::quantity));
    }
}
