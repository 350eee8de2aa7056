package io.b2bportal.crm.analytics;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.satisfaction.Nps;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales team's figures for a period, by manager and by department: sales (gross of orders placed by their
 * clients, from ordering), pipeline (open deals now, weighted by probability; deals won and lost in the period),
 * activities (done in the period, overdue now) and satisfaction (average delivery and claim ratings, NPS of the
 * answers in the period). A client counts for its current account manager. An account manager sees their own row.
 */
@Service
public class CrmAnalytics {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 366;

    /** A period of whole days, both ends included, in the business time zone. */
    public record Period(LocalDate from, LocalDate to) {

        public Instant start() {
            return from.atStartOfDay(BusinessDate.ZONE).toInstant();
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay(BusinessDate.ZONE).toInstant();
        }

        /** The current month when neither end is given; refuses a reversed or too long period. */
        public static Period of(LocalDate from, LocalDate to) {
            LocalDate today = BusinessDate.today();
            LocalDate start = from != null ? from : (to != null ? to.withDayOfMonth(1) : today.withDayOfMonth(1));
            LocalDate end = to != null ? to : start.plusMonths(1).withDayOfMonth(1).minusDays(1);
            if (end.isBefore(start)) {
                throw DomainException.invalid("bad-period", "crm.analytics.error.reversed");
            }
            if (end.toEpochDay() - start.toEpochDay() + 1 > MAX_DAYS) {
                throw DomainException.invalid("bad-period", "crm.analytics.error.too-long", MAX_DAYS);
            }
            return new Period(start, end);
        }
    }

    /**
     * One row: a manager, a department or the total. Averages are rounded HALF_UP to one decimal, money to kopecks.
     */
    public record Row(String kind, Long id, String name, String department, long orders, BigDecimal sales,
            long openDeals, BigDecimal openAmount, BigDecimal weightedAmount, long won, BigDecimal wonAmount,
            long lost, BigDecimal lostAmount, long activitiesDone, long overdueNow, long deliveryAnswers,
            BigDecimal deliveryAverage, long claimAnswers, BigDecimal claimAverage, long npsAnswers,
            BigDecimal nps) {
    }

    public record Report(Period period, List<Row> managers, List<Row> departments, Row total) {
    }

    private final JdbcClient jdbc;
    private final OrderingApi ordering;
    private final CrmAccess access;

    CrmAnalytics(JdbcClient jdbc, OrderingApi ordering, CrmAccess access) {
        this.jdbc = jdbc;
        this.ordering = ordering;
        this.access = access;
    }

    /** Sums of one manager, before averages: the department and total rows add these up. */
    private record Figures(long userId, String name, Long departmentId, String departmentName, long openDeals,
            BigDecimal openAmount, BigDecimal weightedAmount, long won, BigDecimal wonAmount, long lost,
            BigDecimal lostAmount, long activitiesDone, long overdueNow, long deliverySum, long deliveryAnswers,
            long claimSum, long claimAnswers, long promoters, long passives, long detractors) {
    }

    @Transactional(readOnly = true)
    public Report report(PortalUser staff, Period period) {
        Long own = access.ownerFilter(staff);
        List<Figures> figures = jdbc.sql("""
                with staff as (
                    select u.id, u.display_name, m.department_id, d.name as department_name
                      from platform.user_account u
                      left join crm.department_member m on m.user_id = u.id
                      left join crm.department d on d.id = m.department_id
                     where u.side = 'SELLER' and u.enabled
                       and u.roles && array['SALES_HEAD', 'ACCOUNT_MANAGER']::text[]
                       and (cast(:own as bigint) is null or u.id = :own)),
                deals as (
                    select x.owner_id,
                           count(*) filter (where x.closed_at is null) as open_deals,
                           coalesce(sum(x.amount) filter (where x.closed_at is null), 0) as open_amount,
                           coalesce(sum(x.amount * x.probability / 100.0) filter (where x.closed_at is null), 0)
                               as weighted_amount,
                           count(*) filter (where s.outcome = 'WON' and x.closed_at >= :start and x.closed_at < :end)
                               as won,
                           coalesce(sum(x.amount) filter (where s.outcome = 'WON' and x.closed_at >= :start
                                                          and x.closed_at < :end), 0) as won_amount,
                           count(*) filter (where s.outcome = 'LOST' and x.closed_at >= :start and x.closed_at < :end)
                               as lost,
                           coalesce(sum(x.amount) filter (where s.outcome = 'LOST' and x.closed_at >= :start
                                                          and x.closed_at < :end), 0) as lost_amount
                      from crm.deal x join crm.pipeline_stage s on s.id = x.stage_id
                     group by x.owner_id),
                acts as (
                    select a.assignee_id,
                           count(*) filter (where a.status = 'DONE' and a.type <> 'NOTE'
                                            and a.completed_at >= :start and a.completed_at < :end) as done,
                           count(*) filter (where a.status = 'OPEN' and a.due_at < now()) as overdue
                      from crm.activity a group by a.assignee_id),
                rated as (
                    select c.account_manager_id as manager_id,
                           coalesce(sum(r.score) filter (where r.source = 'DELIVERY'), 0) as delivery_sum,
                           count(*) filter (where r.source = 'DELIVERY') as delivery_answers,
                           coalesce(sum(r.score) filter (where r.source = 'CLAIM'), 0) as claim_sum,
                           count(*) filter (where r.source = 'CLAIM') as claim_answers,
                           count(*) filter (where r.source = 'NPS' and r.score >= 9) as promoters,
                           count(*) filter (where r.source = 'NPS' and r.score between 7 and 8) as passives,
                           count(*) filter (where r.source = 'NPS' and r.score <= 6) as detractors
                      from crm.satisfaction_response r join customers.company c on c.id = r.company_id
                     where r.answered_at >= :start and r.answered_at < :end and c.account_manager_id is not null
                     group by c.account_manager_id)
                select s.id as user_id, s.display_name as name, s.department_id, s.department_name,
                       coalesce(d.open_deals, 0) as open_deals, coalesce(d.open_amount, 0) as open_amount,
                       round(coalesce(d.weighted_amount, 0), 2) as weighted_amount,
                       coalesce(d.won, 0) as won, coalesce(d.won_amount, 0) as won_amount,
                       coalesce(d.lost, 0) as lost, coalesce(d.lost_amount, 0) as lost_amount,
                       coalesce(a.done, 0) as activities_done, coalesce(a.overdue, 0) as overdue_now,
                       coalesce(r.delivery_sum, 0) as delivery_sum, coalesce(r.delivery_answers, 0) as delivery_answers,
                       coalesce(r.claim_sum, 0) as claim_sum, coalesce(r.claim_answers, 0) as claim_answers,
                       coalesce(r.promoters, 0) as promoters, coalesce(r.passives, 0) as passives,
                       coalesce(r.detractors, 0) as detractors
                  from staff s
                  left join deals d on d.owner_id = s.id
                  left join acts a on a.assignee_id = s.id
                  left join rated r on r.manager_id = s.id
                 order by s.department_name nulls last, s.display_name""")
                .param("own", own).param("start", java.sql.Timestamp.from(period.start()))
                .param("end", java.sql.Timestamp.from(period.end()))
                .query(Figures.class).list();

        Map<Long, Long> managerOf = new HashMap<>();
        jdbc.sql("select id, account_manager_id from customers.company where account_manager_id is not null")
                .query((rs, n) -> managerOf.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, long[]> orders = new HashMap<>();
        Map<Long, BigDecimal> sales = new HashMap<>();
        for (OrderingApi.PlacedTotal placed : ordering.placedTotals(period.start(), period.end())) {
            Long manager = managerOf.get(placed.companyId());
            if (manager != null && "RUB".equals(placed.currency())) {
                orders.computeIfAbsent(manager, m -> new long[1])[0] += placed.orders();
                sales.merge(manager, placed.gross(), BigDecimal::add);
            }
        }

        List<Row> managers = new ArrayList<>();
        Map<Long, List<Figures>> byDepartment = new LinkedHashMap<>();
        for (Figures f : figures) {
            managers.add(row("MANAGER", f.userId(), f.name(), f.departmentName(), List.of(f), orders, sales));
            if (f.departmentId() != null) {
                byDepartment.computeIfAbsent(f.departmentId(), d -> new ArrayList<>()).add(f);
            }
        }
        List<Row> departments = new ArrayList<>();
        Row total = null;
        if (own == null) {
            byDepartment.forEach((id, members) -> departments.add(row("DEPARTMENT", id,
                    members.getFirst().departmentName(), null, members, orders, sales)));
            departments.sort(java.util.Comparator.comparing(Row::name));
            total = row("TOTAL", null, null, null, figures, orders, sales);
        }
        return new Report(period, managers, departments, total);
    }

    private static Row row(String kind, Long id, String name, String department, List<Figures> of,
            Map<Long, long[]> orders, Map<Long, BigDecimal> sales) {
        long orderCount = 0;
        BigDecimal sold = BigDecimal.ZERO;
        long openDeals = 0;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        long won = 0;
        BigDecimal wonAmount = BigDecimal.ZERO;
        long lost = 0;
        BigDecimal lostAmount = BigDecimal.ZERO;
        long done = 0;
        long overdue = 0;
        long deliverySum = 0;
        long deliveryAnswers = 0;
        long claimSum = 0;
        long claimAnswers = 0;
        Nps nps = new Nps(0, 0, 0);
        for (Figures f : of) {
            orderCount += orders.getOrDefault(f.userId(), new long[1])[0];
            sold = sold.add(sales.getOrDefault(f.userId(), BigDecimal.ZERO));
            openDeals += f.openDeals();
            open = open.add(f.openAmount());
            weighted = weighted.add(f.weightedAmount());
            won += f.won();
            wonAmount = wonAmount.add(f.wonAmount());
            lost += f.lost();
            lostAmount = lostAmount.add(f.lostAmount());
            done += f.activitiesDone();
            overdue += f.overdueNow();
            deliverySum += f.deliverySum();
            deliveryAnswers += f.deliveryAnswers();
            claimSum += f.claimSum();
            claimAnswers += f.claimAnswers();
            nps = nps.plus(new Nps(f.promoters(), f.passives(), f.detractors()));
        }
        return new Row(kind, id, name, department, orderCount, sold, openDeals, open, weighted, won, wonAmount, lost,
                lostAmount, done, overdue, deliveryAnswers, average(deliverySum, deliveryAnswers), claimAnswers,
                average(claimSum, claimAnswers), nps.answers(), nps.score());
    }

    static BigDecimal average(long sum, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
