package io.b2bportal.crm.deal;

import io.b2bportal.crm.timeline.Timeline;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals: created on the first stage of a pipeline (or a stage given), edited with optimistic locking by their
 * version, moved only through {@link DealStages}. Who may see or touch a deal is decided by the callers through
 * {@code CrmAccess}; here the data is checked.
 */
@Service
public class Deals {

    public static final List<String> SOURCES = List.of("WEBSITE", "REFERRAL", "EXHIBITION", "COLD_CALL", "PORTAL",
            "EXISTING_CLIENT", "OTHER");
    public static final List<String> DMU_ROLES = List.of("SPONSOR", "DECISION_MAKER", "INFLUENCER", "SPECIALIST",
            "USER");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final JdbcClient jdbc;
    private final DealStages stages;
    private final Pipelines pipelines;
    private final Timeline timeline;

    Deals(JdbcClient jdbc, DealStages stages, Pipelines pipelines, Timeline timeline) {
        this.jdbc = jdbc;
        this.stages = stages;
        this.pipelines = pipelines;
        this.timeline = timeline;
    }

    /**
     * What a person types for a deal. {@code stageId} and {@code probability} may be null: the first stage of the
     * pipeline and the stage's probability then.
     */
    public record DealInput(String title, Long pipelineId, Long stageId, Long companyId, Long leadId,
            BigDecimal amount, String currency, LocalDate expectedClose, Integer probability, String source,
            Long ownerId) {
    }

    @Transactional
    public long create(DealInput in, long actorId) {
        if (in.pipelineId() == null) {
            throw DomainException.invalid("pipeline-required", "crm.deals.pipeline-required");
        }
        var pipeline = pipelines.byId(in.pipelineId()).filter(p -> !p.archived())
                .orElseThrow(() -> DomainException.invalid("pipeline-unknown", "crm.deals.pipeline-unknown"));
        List<Pipelines.Stage> all = pipelines.stages(pipeline.id());
        Pipelines.Stage stage = in.stageId() == null
                ? all.stream().filter(s -> "OPEN".equals(s.outcome())).findFirst()
                        .orElseThrow(() -> DomainException.invalid("pipeline-empty", "crm.deals.pipeline-empty"))
                : all.stream().filter(s -> s.id() == in.stageId()).findFirst()
                        .orElseThrow(() -> DomainException.invalid("stage-not-in-pipeline",
                                "crm.deal.stage-not-in-pipeline", in.stageId()));
        if (!"OPEN".equals(stage.outcome())) {
            throw DomainException.invalid("stage-closed", "crm.deals.create-in-closed-stage");
        }
        Checked c = check(in, stage.probability());
        long id = jdbc.sql("""
                insert into crm.deal (pipeline_id, stage_id, company_id, lead_id, title, amount, currency,
                                      expected_close, probability, source, owner_id)
                values (:pipeline, :stage, :company, :lead, :title, :amount, :currency, :close, :probability,
                        :source, :owner) returning id
                """).param("pipeline", pipeline.id()).param("stage", stage.id()).param("company", in.companyId())
                .param("lead", in.leadId()).param("title", c.title()).param("amount", c.amount())
                .param("currency", c.currency()).param("close", in.expectedClose()).param("probability", c.probability())
                .param("source", c.source()).param("owner", in.ownerId()).query(Long.class).single();
        jdbc.sql("insert into crm.deal_stage_history (deal_id, from_stage, to_stage, moved_by) values (:d, null, :s, :a)")
                .param("d", id).param("s", stage.id()).param("a", actorId).update();
        if (in.companyId() != null) {
            timeline.record(new Timeline.Entry(in.companyId(), null, Instant.now(), "DEAL", "crm.timeline.deal.created",
                    List.of(c.title(), stage.name()), "DEAL", id, actorId, "deal-created:" + id));
        }
        return id;
    }

    /** Changes what a person may edit (not the stage: see {@link #move}); a stale {@code version} is refused. */
    @Transactional
    public void update(long id, int version, DealInput in) {
        int current = lockVersion(id);
        if (current != version) {
            throw stale(id);
        }
        int stageProbability = jdbc.sql("select s.probability from crm.deal d join crm.pipeline_stage s on s.id = d.stage_id where d.id = :id")
                .param("id", id).query(Integer.class).single();
        Checked c = check(in, stageProbability);
        jdbc.sql("""
                update crm.deal set title = :title, company_id = :company, lead_id = :lead, amount = :amount,
                       currency = :currency, expected_close = :close, probability = :probability, source = :source,
                       owner_id = :owner, version = version + 1
                 where id = :id
                """).param("title", c.title()).param("company", in.companyId()).param("lead", in.leadId())
                .param("amount", c.amount()).param("currency", c.currency()).param("close", in.expectedClose())
                .param("probability", c.probability()).param("source", c.source()).param("owner", in.ownerId())
                .param("id", id).update();
    }

    /**
     * A person moves the deal on the board or through the API: refused with 409 when someone changed it since
     * {@code version} was read; then {@link DealStages#move} does the rest. Returns the new version.
     */
    @Transactional
    public int move(long id, long stageId, int version, String lostReason, long actorId) {
        if (lockVersion(id) != version) {
            throw stale(id);
        }
        stages.move(id, stageId, actorId, null, lostReason);
        return lockVersion(id);
    }

    /** Replaces the deal's contacts with their roles; every contact must be a person of the deal's client. */
    @Transactional
    public void setContacts(long id, java.util.Map<Long, String> roles) {
        long company = jdbc.sql("select coalesce(company_id, 0) from crm.deal where id = :id for update")
                .param("id", id).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("deal", id));
        Long companyId = company == 0 ? null : company;
        for (var e : roles.entrySet()) {
            if (!DMU_ROLES.contains(e.getValue())) {
                throw DomainException.invalid("dmu-role", "crm.deals.contact-role-invalid");
            }
            boolean ok = companyId != null && jdbc.sql("select exists (select 1 from crm.contact where id = :c and company_id = :co and not archived)")
                    .param("c", e.getKey()).param("co", companyId).query(Boolean.class).single();
            if (!ok) {
                throw DomainException.invalid("contact-foreign", "crm.deals.contact-foreign");
            }
        }
        jdbc.sql("delete from crm.deal_contact where deal_id = :id").param("id", id).update();
        roles.forEach((contact, role) -> jdbc.sql("insert into crm.deal_contact (deal_id, contact_id, dmu_role) values (:d, :c, :r)")
                .param("d", id).param("c", contact).param("r", role).update());
    }

    private int lockVersion(long id) {
        return jdbc.sql("select version from crm.deal where id = :id for update").param("id", id).query(Integer.class)
                .optional().orElseThrow(() -> DomainException.notFound("deal", id));
    }

    private static DomainException stale(long id) {
        return DomainException.conflict("deal-stale", "crm.deals.stale", id);
    }

    private record Checked(String title, BigDecimal amount, String currency, int probability, String source) {
    }

    private Checked check(DealInput in, int defaultProbability) {
        String title = Pipelines.required(in.title(), 200);
        if (in.companyId() == null && in.leadId() == null) {
            throw DomainException.invalid("client-required", "crm.deals.client-required");
        }
        if (in.ownerId() == null) {
            throw DomainException.invalid("owner-required", "crm.deals.owner-required");
        }
        if (in.companyId() != null && !exists("customers.company", in.companyId())) {
            throw DomainException.invalid("client-unknown", "crm.deals.client-unknown");
        }
        if (in.leadId() != null && !exists("crm.lead", in.leadId())) {
            throw DomainException.invalid("lead-unknown", "crm.deals.lead-unknown");
        }
        boolean crmStaff = jdbc.sql("""
                select exists (select 1 from platform.user_account where id = :id and enabled and side = 'SELLER'
                               and roles && array['ADMIN', 'SALES_HEAD', 'ACCOUNT_MANAGER'])
                """).param("id", in.ownerId()).query(Boolean.class).single();
        if (!crmStaff) {
            throw DomainException.invalid("owner-unknown", "crm.deals.owner-unknown");
        }
        BigDecimal amount = in.amount() == null ? BigDecimal.ZERO : in.amount();
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
            throw DomainException.invalid("amount", "crm.deals.amount-invalid");
        }
        String currency = in.currency() == null || in.currency().isBlank() ? "RUB" : in.currency().strip().toUpperCase();
        if (!currency.matches("[A-Z]{3}")) {
            throw DomainException.invalid("currency", "crm.deals.currency-invalid");
        }
        int probability = in.probability() == null ? defaultProbability : in.probability();
        if (probability < 0 || probability > 100) {
            throw DomainException.invalid("probability", "crm.deals.probability-invalid");
        }
        String source = in.source() == null || in.source().isBlank() ? null : in.source();
        if (source != null && !SOURCES.contains(source)) {
            throw DomainException.invalid("source", "crm.deals.source-invalid");
        }
        return new Checked(title, amount.setScale(2, RoundingMode.UNNECESSARY), currency, probability, source);
    }

    private static final Set<String> TABLES = Set.of("customers.company", "crm.lead");

    private boolean exists(String table, long id) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("select exists (select 1 from " + table + " where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }
}
