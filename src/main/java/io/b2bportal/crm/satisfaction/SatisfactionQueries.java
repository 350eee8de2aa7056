package io.b2bportal.crm.satisfaction;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A client's satisfaction as the CRM shows it: average ratings, NPS of the latest answers, the last comments. */
@Service
public class SatisfactionQueries {

    /** One answer: DELIVERY and CLAIM 1-5 (subject: order or claim number), NPS 0-10. */
    public record Answer(String source, String subject, String userName, int score, String comment,
            OffsetDateTime answeredAt) {
    }

    /**
     * @param deliveryAverage average delivery rating, one decimal (HALF_UP), null without answers
     * @param nps             over each user's latest NPS answer
     */
    public record Summary(long companyId, BigDecimal deliveryAverage, long deliveryAnswers, BigDecimal claimAverage,
            long claimAnswers, Nps nps, BigDecimal npsScore, List<Answer> latestNps, List<Answer> comments) {
    }

    private final JdbcClient jdbc;

    SatisfactionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Averages(BigDecimal deliveryAverage, long deliveryAnswers, BigDecimal claimAverage,
            long claimAnswers) {
    }

    public Summary of(long companyId) {
        Averages averages = jdbc.sql("""
                        select round(avg(score) filter (where source = 'DELIVERY'), 1) as delivery_average,
                               count(*) filter (where source = 'DELIVERY') as delivery_answers,
                               round(avg(score) filter (where source = 'CLAIM'), 1) as claim_average,
                               count(*) filter (where source = 'CLAIM') as claim_answers
                          from crm.satisfaction_response where company_id = :company""")
                .param("company", companyId).query(Averages.class).single();
        List<Answer> latestNps = jdbc.sql(ANSWER + """
                         where r.company_id = :company and r.source = 'NPS'
                           and r.id in (select distinct on (coalesce(user_id, -id)) id from crm.satisfaction_response
                                         where company_id = :company and source = 'NPS'
                                         order by coalesce(user_id, -id), answered_at desc, id desc)
                         order by r.answered_at desc, r.id desc""")
                .param("company", companyId).query(Answer.class).list();
        List<Answer> comments = jdbc.sql(ANSWER + """
                         where r.company_id = :company and r.comment is not null
                         order by r.answered_at desc, r.id desc limit 10""")
                .param("company", companyId).query(Answer.class).list();
        Nps nps = Nps.of(latestNps.stream().map(Answer::score).toList());
        return new Summary(companyId, averages.deliveryAverage(), averages.deliveryAnswers(), averages.claimAverage(),
                averages.claimAnswers(), nps, nps.score(), latestNps, comments);
    }

    private static final String ANSWER = """
            select r.source, r.subject, u.display_name as user_name, r.score, r.comment, r.answered_at
              from crm.satisfaction_response r
              left join platform.user_account u on u.id = r.user_id
            """;
}
