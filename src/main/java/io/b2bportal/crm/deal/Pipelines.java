package io.b2bportal.crm.deal;

import io.b2bportal.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pipelines and their stages, as administrators and sales heads configure them: a stage has a position (the
 * board's column order), the probability a deal gets on entering it and an outcome (OPEN, WON, LOST). A stage
 * that holds deals cannot be removed, so no deal is ever left without a stage.
 */
@Service
public class Pipelines {

    public static final List<String> OUTCOMES = List.of("OPEN", "WON", "LOST");

    private final JdbcClient jdbc;

    Pipelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Pipeline(long id, String code, String name, boolean archived) {
    }

    public record Stage(long id, long pipelineId, String code, String name, int position, int probability,
            String outcome, long deals) {
    }

    public List<Pipeline> list() {
        return jdbc.sql("select id, code, name, archived from crm.pipeline order by archived, id")
                .query(Pipeline.class).list();
    }

    public Optional<Pipeline> byCode(String code) {
        return jdbc.sql("select id, code, name, archived from crm.pipeline where code = :code").param("code", code)
                .query(Pipeline.class).optional();
    }

    public Optional<Pipeline> byId(long id) {
        return jdbc.sql("select id, code, name, archived from crm.pipeline where id = :id").param("id", id)
                .query(Pipeline.class).optional();
    }

    public List<Stage> stages(long pipelineId) {
        return jdbc.sql("""
                select s.id, s.pipeline_id, s.code, s.name, s.position, s.probability, s.outcome,
                       (select count(*) from crm.deal d where d.stage_id = s.id) as deals
                  from crm.pipeline_stage s where s.pipeline_id = :pipeline order by s.position, s.id
                """).param("pipeline", pipelineId).query(Stage.class).list();
    }

    public Optional<Stage> stage(long stageId) {
        return jdbc.sql("""
                select s.id, s.pipeline_id, s.code, s.name, s.position, s.probability, s.outcome,
                       (select count(*) from crm.deal d where d.stage_id = s.id) as deals
                  from crm.pipeline_stage s where s.id = :id
                """).param("id", stageId).query(Stage.class).optional();
    }

    @Transactional
    public long create(String code, String name) {
        String c = code == null ? "" : code.strip().toLowerCase();
        if (!c.matches("[a-z0-9-]{2,40}")) {
            throw DomainException.invalid("pipeline-code", "crm.deals.pipeline.code-invalid");
        }
        String n = required(name, 120);
        if (byCode(c).isPresent()) {
            throw DomainException.conflict("pipeline-code-taken", "crm.deals.pipeline.code-taken", c);
        }
        return jdbc.sql("insert into crm.pipeline (code, name) values (:code, :name) returning id")
                .param("code", c).param("name", n).query(Long.class).single();
    }

    /** Adds a stage at the end (before the closing stages, if any: those stay last). */
    @Transactional
    public long addStage(long pipelineId, String name, int probability, String outcome) {
        lockPipeline(pipelineId);
        String n = required(name, 120);
        checkProbability(probability);
        String o = outcome == null || outcome.isBlank() ? "OPEN" : outcome;
        if (!OUTCOMES.contains(o)) {
            throw DomainException.invalid("stage-outcome", "crm.deals.stage.outcome-invalid");
        }
        List<Stage> stages = stages(pipelineId);
        int position = stages.size();
        if ("OPEN".equals(o)) {
            int firstClosed = stages.stream().filter(s -> !"OPEN".equals(s.outcome())).mapToInt(Stage::position)
                    .min().orElse(position);
            jdbc.sql("update crm.pipeline_stage set position = position + 1 where pipeline_id = :p and position >= :from")
                    .param("p", pipelineId).param("from", firstClosed).update();
            position = firstClosed;
        }
        String code = uniqueCode(pipelineId, n);
        return jdbc.sql("""
                insert into crm.pipeline_stage (pipeline_id, code, name, position, probability, outcome)
                values (:p, :code, :name, :position, :probability, :outcome) returning id
                """).param("p", pipelineId).param("code", code).param("name", n).param("position", position)
                .param("probability", probability).param("outcome", o).query(Long.class).single();
    }

    @Transactional
    public void updateStage(long pipelineId, long stageId, String name, int probability) {
        lockPipeline(pipelineId);
        checkProbability(probability);
        int updated = jdbc.sql("update crm.pipeline_stage set name = :name, probability = :prob where id = :id and pipeline_id = :p")
                .param("name", required(name, 120)).param("prob", probability).param("id", stageId)
                .param("p", pipelineId).update();
        if (updated == 0) {
            throw DomainException.notFound("stage", stageId);
        }
    }

    /** Moves a stage one place up (-1) or down (+1). */
    @Transactional
    public void moveStage(long pipelineId, long stageId, int direction) {
        lockPipeline(pipelineId);
        List<Stage> stages = stages(pipelineId);
        int index = indexOf(stages, stageId);
        int other = index + (direction < 0 ? -1 : 1);
        if (other < 0 || other >= stages.size()) {
            return;
        }
        jdbc.sql("""
                update crm.pipeline_stage set position = case id when :a then :posB when :b then :posA end
                 where id in (:a, :b)
                """).param("a", stages.get(index).id()).param("b", stages.get(other).id())
                .param("posA", stages.get(index).position()).param("posB", stages.get(other).position()).update();
    }

    /** Sets the order of all stages at once (the API): every stage of the pipeline, each once. */
    @Transactional
    public void reorder(long pipelineId, List<Long> stageIds) {
        lockPipeline(pipelineId);
        List<Stage> stages = stages(pipelineId);
        if (stageIds == null || stageIds.size() != stages.size() || stageIds.stream().distinct().count() != stages.size()
                || !stages.stream().map(Stage::id).toList().containsAll(stageIds)) {
            throw DomainException.invalid("stage-order", "crm.deals.stage.order-invalid");
        }
        for (int i = 0; i < stageIds.size(); i++) {
            jdbc.sql("update crm.pipeline_stage set position = :pos where id = :id").param("pos", i)
                    .param("id", stageIds.get(i)).update();
        }
    }

    /** Removes a stage that holds no deal (nor ever did: the history keeps its stages). */
    @Transactional
    public void removeStage(long pipelineId, long stageId) {
        lockPipeline(pipelineId);
        List<Stage> stages = stages(pipelineId);
        Stage stage = stages.get(indexOf(stages, stageId));
        boolean used = stage.deals() > 0 || jdbc.sql("""
                select exists (select 1 from crm.deal_stage_history where from_stage = :id or to_stage = :id)
                """).param("id", stageId).query(Boolean.class).single();
        if (used) {
            throw DomainException.conflict("stage-has-deals", "crm.deals.stage.has-deals", stage.name());
        }
        jdbc.sql("delete from crm.pipeline_stage where id = :id").param("id", stageId).update();
        jdbc.sql("update crm.pipeline_stage set position = position - 1 where pipeline_id = :p and position > :pos")
                .param("p", pipelineId).param("pos", stage.position()).update();
    }

    private void lockPipeline(long pipelineId) {
        jdbc.sql("select id from crm.pipeline where id = :id for update").param("id", pipelineId).query(Long.class)
                .optional().orElseThrow(() -> DomainException.notFound("pipeline", pipelineId));
    }

    private static int indexOf(List<Stage> stages, long stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id() == stageId) {
                return i;
            }
        }
        throw DomainException.notFound("stage", stageId);
    }

    private String uniqueCode(long pipelineId, String name) {
        String base = java.text.Normalizer.normalize(latin(name.toLowerCase()), java.text.Normalizer.Form.NFKD)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.length() < 2) {
            base = "stage";
        }
        base = base.length() > 30 ? base.substring(0, 30) : base;
        String code = base;
        int n = 2;
        while (jdbc.sql("select exists (select 1 from crm.pipeline_stage where pipeline_id = :p and code = :c)")
                .param("p", pipelineId).param("c", code).query(Boolean.class).single()) {
            code = base + "-" + n++;
        }
        return code;
    }

    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
        "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"};

    /** Stage codes from Russian names: "Переговоры" becomes "peregovory". */
    static String latin(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int i = CYRILLIC.indexOf(c);
            out.append(i >= 0 ? LATIN[i] : String.valueOf(c));
        }
        return out.toString();
    }

    private static void checkProbability(int probability) {
        if (probability < 0 || probability > 100) {
            throw DomainException.invalid("probability", "crm.deals.probability-invalid");
        }
    }

    static String required(String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("required", "crm.deals.field-required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.invalid("too-long", "crm.deals.field-too-long", max);
        }
        return v;
    }
}
