package io.b2bportal.crm.deal;

import io.b2bportal.crm.deal.Deals.DealInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo people, clients and pipelines by name, and fresh deals, so that each test says what it means in a line. */
public final class DealFixture {

    public static final String ALPHA = "Группа «Альфа»";
    public static final String BETA = "ООО «Бета Инструмент»";
    public static final String GAMMA = "ИП Гаммова Е. В.";

    private final JdbcClient jdbc;
    private final Deals deals;

    public DealFixture(JdbcClient jdbc, Deals deals) {
        this.jdbc = jdbc;
        this.deals = deals;
    }

    public long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :e").param("e", email)
                .query(Long.class).single();
    }

    public long company(String name) {
        return jdbc.sql("select id from customers.company where name = :n").param("n", name).query(Long.class).single();
    }

    public long pipeline(String code) {
        return jdbc.sql("select id from crm.pipeline where code = :c").param("c", code).query(Long.class).single();
    }

    /** The stages of a pipeline, in board order. */
    public List<Long> stages(String pipelineCode) {
        return jdbc.sql("select id from crm.pipeline_stage where pipeline_id = :p order by position")
                .param("p", pipeline(pipelineCode)).query(Long.class).list();
    }

    public long lostStage(String pipelineCode) {
        return jdbc.sql("select id from crm.pipeline_stage where pipeline_id = :p and outcome = 'LOST'")
                .param("p", pipeline(pipelineCode)).query(Long.class).single();
    }

    /** A new deal on the first stage of "new-clients", with a title no other test uses. */
    public long deal(String titlePrefix, String companyName, String ownerEmail) {
        return deals.create(new DealInput(titlePrefix + " " + UUID.randomUUID().toString().substring(0, 8),
                pipeline("new-clients"), null, company(companyName), null, new BigDecimal("12345.67"), "RUB",
                LocalDate.now().plusDays(14), null, "WEBSITE", user(ownerEmail)), user(ownerEmail));
    }

    public long stageOf(long dealId) {
        return jdbc.sql("select stage_id from crm.deal where id = :id").param("id", dealId).query(Long.class).single();
    }

    public int version(long dealId) {
        return jdbc.sql("select version from crm.deal where id = :id").param("id", dealId).query(Integer.class).single();
    }

    public String title(long dealId) {
        return jdbc.sql("select title from crm.deal where id = :id").param("id", dealId).query(String.class).single();
    }
}
