package io.b2bportal.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of deals: board columns, the filtered list with its totals, one deal with its stage history and
 * contacts. {@code me} limits everything to what an account manager sees (deals they own and their clients'
 * deals); null for heads and administrators.
 */
@Repository
public class DealQueries {

    private static final String VISIBLE = """
            (cast(:me as bigint) is null or d.owner_id = :me or c.account_manager_id = :me)""";
    private static final String SELECT = """
            select d.id, d.pipeline_id, p.code as pipeline_code, p.name as pipeline_name, d.stage_id,
                   s.name as stage_name, s.outcome, d.title, d.company_id, c.name as company_name, d.lead_id,
                   coalesce(l.company_name, l.contact_name) as lead_name, d.amount, d.currency, d.expected_close,
                   d.probability, d.source, d.owner_id, u.display_name as owner_name, d.lost_reason, d.version,
                   d.created_at, d.stage_changed_at, d.closed_at
              from crm.deal d
              join crm.pipeline p on p.id = d.pipeline_id
              join crm.pipeline_stage s on s.id = d.stage_id
              join platform.user_account u on u.id = d.owner_id
              left join customers.company c on c.id = d.company_id
              left join crm.lead l on l.id = d.lead_id
            """;

    private final JdbcClient jdbc;

    DealQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DealView(long id, long pipelineId, String pipelineCode, String pipelineName, long stageId,
            String stageName, String outcome, String title, Long companyId, String companyName, Long leadId,
            String leadName, BigDecimal amount, String currency, LocalDate expectedClose, int probability,
            String source, long ownerId, String ownerName, String lostReason, int version, OffsetDateTime createdAt,
            OffsetDateTime stageChangedAt, OffsetDateTime closedAt) {

        public String clientName() {
            return companyName != null ? companyName : leadName;
        }

        public boolean overdue() {
            return closedAt == null && expectedClose != null && expectedClose.isBefore(LocalDate.now());
        }
    }

    public record Filter(Long pipelineId, Long stageId, Long ownerId, Long companyId, String state) {
    }

    public record HistoryEntry(OffsetDateTime movedAt, String fromStage, String toStage, String movedBy, Long ruleId) {
    }

    public record DealContact(long contactId, String fullName, String position, String dmuRole, String phone,
            String email) {
    }

    public record Option(long id, String name) {
    }

    /** Open deals and the deals closed in the last 90 days of a pipeline, by rank inside each column. */
    public List<DealView> board(long pipelineId, Long me) {
        return jdbc.sql(SELECT + " where d.pipeline_id = :pipeline and " + VISIBLE + """
                   and (d.closed_at is null or d.closed_at > now() - interval '90 days')
                 order by d.rank, d.expected_close nulls last, d.id""")
                .param("pipeline", pipelineId).param("me", me).query(DealView.class).list();
    }

    public List<DealView> list(Filter f, Long me, int limit) {
        return jdbc.sql(SELECT + " where " + VISIBLE + """
                   and (cast(:pipeline as bigint) is null or d.pipeline_id = :pipeline)
                   and (cast(:stage as bigint) is null or d.stage_id = :stage)
                   and (cast(:owner as bigint) is null or d.owner_id = :owner)
                   and (cast(:company as bigint) is null or d.company_id = :company)
                   and (cast(:state as text) is null or s.outcome = :state)
                 order by d.closed_at is not null, d.expected_close nulls last, d.id
                 limit :limit""")
                .param("me", me).param("pipeline", f.pipelineId()).param("stage", f.stageId())
                .param("owner", f.ownerId()).param("company", f.companyId()).param("state", f.state())
                .param("limit", limit).query(DealView.class).list();
    }

    public Optional<DealView> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(DealView.class).optional();
    }

    public List<HistoryEntry> history(long dealId) {
        return jdbc.sql("""
                select h.moved_at, f.name as from_stage, t.name as to_stage, u.display_name as moved_by, h.rule_id
                  from crm.deal_stage_history h
                  join crm.pipeline_stage t on t.id = h.to_stage
                  left join crm.pipeline_stage f on f.id = h.from_stage
                  left join platform.user_account u on u.id = h.moved_by
                 where h.deal_id = :id order by h.moved_at, h.id
                """).param("id", dealId).query(HistoryEntry.class).list();
    }

    public List<DealContact> contacts(long dealId) {
        return jdbc.sql("""
                select c.id as contact_id, c.full_name, c.position, dc.dmu_role, c.phone, c.email
                  from crm.deal_contact dc join crm.contact c on c.id = dc.contact_id
                 where dc.deal_id = :id order by c.full_name
                """).param("id", dealId).query(DealContact.class).list();
    }

    /** The client's people that may take a role in a deal. */
    public List<DealContact> companyContacts(long companyId) {
        return jdbc.sql("""
                select c.id as contact_id, c.full_name, c.position, c.dmu_role, c.phone, c.email
                  from crm.contact c where c.company_id = :co and not c.archived order by c.full_name
                """).param("co", companyId).query(DealContact.class).list();
    }

    /** The people who may own deals and leads: the sales side. */
    public List<Option> owners() {
        return jdbc.sql("""
                select id, display_name as name from platform.user_account
                 where side = 'SELLER' and enabled and roles && array['ADMIN', 'SALES_HEAD', 'ACCOUNT_MANAGER']
                 order by display_name
                """).query(Option.class).list();
    }

    /** The client companies someone may pick for a deal: an account manager only their own. */
    public List<Option> clients(Long me) {
        return jdbc.sql("""
                select id, name from customers.company
                 where cast(:me as bigint) is null or account_manager_id = :me order by name limit 500
                """).param("me", me).query(Option.class).list();
    }
}
