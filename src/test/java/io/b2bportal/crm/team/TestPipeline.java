package io.b2bportal.crm.team;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A pipeline of the team tests' own (open, won and lost stages), so their deals do not depend on demo pipelines. */
public final class TestPipeline {

    private TestPipeline() {
    }

    /** The stage of the test pipeline with this outcome (OPEN at 40 %, WON, LOST), creating the pipeline once. */
    public static synchronized long stage(JdbcClient jdbc, String outcome) {
        jdbc.sql("""
                insert into crm.pipeline (code, name) values ('team-tests', 'Team tests') on conflict (code) do nothing
                """).update();
        jdbc.sql("""
                insert into crm.pipeline_stage (pipeline_id, code, name, position, probability, outcome)
                select p.id, s.code, s.name, s.position, s.probability, s.outcome
                  from crm.pipeline p,
                       (values ('tt-open', 'Open', 0, 40, 'OPEN'), ('tt-won', 'Won', 1, 100, 'WON'),
                               ('tt-lost', 'Lost', 2, 0, 'LOST')) as s(code, name, position, probability, outcome)
                 where p.code = 'team-tests'
                on conflict (pipeline_id, code) do nothing""").update();
        return jdbc.sql("""
                        select s.id from crm.pipeline_stage s join crm.pipeline p on p.id = s.pipeline_id
                         where p.code = 'team-tests' and s.outcome = :outcome""")
                .param("outcome", outcome).query(Long.class).single();
    }
}
