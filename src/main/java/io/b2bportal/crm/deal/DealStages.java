package io.b2bportal.crm.deal;

import io.b2bportal.crm.timeline.Timeline;
import io.b2bportal.shared.DomainException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a deal to another stage of its pipeline: the one way it happens, from the board, the API or a rule.
 * The deal is locked, the stage must belong to its pipeline, the probability becomes the stage's, a WON or LOST
 * stage closes the deal (LOST needs a reason), and the move is kept in the history and on the client's timeline.
 */
@Service
public class DealStages {

    private final JdbcClient jdbc;
    private final Timeline timeline;

    DealStages(JdbcClient jdbc, Timeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    private record Locked(long pipelineId, long stageId, Long companyId, String title) {
    }

    private record Stage(long id, String name, int probability, String outcome) {
    }

    /**
     * Moves the deal; {@code actorId} is the person (null for a rule, then {@code ruleId} is set). Returns false
     * when it already was in that stage.
     */
    @Transactional
    public boolean move(long dealId, long stageId, Long actorId, Long ruleId, String lostReason) {
        Locked deal = jdbc.sql("select pipeline_id, stage_id, company_id, title from crm.deal where id = :id for update")
                .param("id", dealId)
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4)))
                .optional().orElseThrow(() -> DomainException.notFound("deal", dealId));
        Stage stage = jdbc.sql("""
                select id, name, probability, outcome from crm.pipeline_stage where id = :stage and pipeline_id = :pipeline
                """).param("stage", stageId).param("pipeline", deal.pipelineId())
                .query((rs, n) -> new Stage(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .optional().orElseThrow(() -> DomainException.invalid("stage-not-in-pipeline",
                        "crm.deal.stage-not-in-pipeline", stageId));
        if (deal.stageId() == stageId) {
            return false;
        }
        String reason = lostReason == null || lostReason.isBlank() ? null : lostReason.strip();
        if ("LOST".equals(stage.outcome()) && reason == null) {
            throw DomainException.invalid("lost-reason-required", "crm.deal.lost-reason-required");
        }
        jdbc.sql("""
                update crm.deal set stage_id = :stage, probability = :probability, stage_changed_at = now(),
                       closed_at = case when :outcome = 'OPEN' then null else now() end,
                       lost_reason = case when :outcome = 'LOST' then :reason else null end,
                       version = version + 1
                where id = :id
                """).param("stage", stageId).param("probability", stage.probability())
                .param("outcome", stage.outcome()).param("reason", reason).param("id", dealId).update();
        long historyId = jdbc.sql("""
                insert into crm.deal_stage_history (deal_id, from_stage, to_stage, moved_by, rule_id)
                values (:deal, :from, :to, :actor, :rule) returning id
                """).param("deal", dealId).param("from", deal.stageId()).param("to", stageId)
                .param("actor", actorId).param("rule", ruleId).query(Long.class).single();
        if (deal.companyId() != null) {
            timeline.record(new Timeline.Entry(deal.companyId(), null, Instant.now(), "DEAL",
                    "crm.timeline.deal.moved", List.of(deal.title(), stage.name()), "DEAL", dealId, actorId,
                    "deal-move:" + historyId));
        }
        return true;
    }
}
