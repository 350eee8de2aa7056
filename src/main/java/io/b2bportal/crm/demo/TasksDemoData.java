package io.b2bportal.crm.demo;

import io.b2bportal.crm.activity.Activities;
import io.b2bportal.crm.activity.Activities.NewActivity;
import io.b2bportal.crm.activity.Activities.Type;
import io.b2bportal.platform.DemoData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A month of the sales team's work: calls, meetings, mails and notes with every managed demo client, done with their
 * outcomes; for manager@demo.local tasks overdue, due today and in the coming days. Two rules of the sales head's
 * own next to the built-in ones (a big order: thank the client; a cancelled order: tell the sales heads): the orders
 * and claims the other demo data make are published when the seeding commits, so the rules fire on them then and
 * the execution log has entries from the first minute.
 */
@Component
class TasksDemoData implements DemoData {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Activities activities;
    private final JdbcClient jdbc;

    TasksDemoData(Activities activities, JdbcClient jdbc) {
        this.activities = activities;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 930;
    }

    private record Client(long id, String name, long managerId) {
    }

    private static final List<String[]> DONE = List.of(
            new String[] {"CALL", "Уточнить потребность на квартал", "Нужны смеси и крепёж, пришлют список до пятницы"},
            new String[] {"MEETING", "Встреча на объекте", "Показали новую линейку, интерес к сухим смесям"},
            new String[] {"EMAIL", "Отправить прайс и условия отсрочки", "Прайс отправлен, ждут согласования у директора"},
            new String[] {"CALL", "Согласовать график поставок", "Поставки по вторникам и четвергам"},
            new String[] {"CALL", "Напомнить об оплате счёта", "Оплатят до конца недели"},
            new String[] {"MEETING", "Переговоры по годовому договору", "Договорились о скидке 3% при объёме от 5 млн"},
            new String[] {"EMAIL", "Выслать акт сверки", "Акт подписан без расхождений"},
            new String[] {"CALL", "Обратная связь по последней поставке", "Всё пришло, замечаний нет"});

    private static final List<String> NOTES = List.of(
            "Главный инженер — ключевое лицо по выбору поставщика",
            "Бухгалтерия просит счета до 25-го числа",
            "Конкурент предлагает отсрочку 45 дней");

    @Override
    public void seed(DemoSeeding seeding) {
        List<Client> clients = jdbc.sql("""
                select id, name, account_manager_id from customers.company
                 where account_manager_id is not null order by id""")
                .query((rs, n) -> new Client(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
        if (clients.isEmpty()) {
            return;
        }
        RandomGenerator random = seeding.random();
        LocalDate today = LocalDate.now(MOSCOW);
        for (Client client : clients) {
            // a month of done work: two or three things a week
            for (int day = 30; day >= 2; day -= 2 + random.nextInt(3)) {
                String[] done = DONE.get(random.nextInt(DONE.size()));
                Instant at = today.minusDays(day).atTime(LocalTime.of(9 + random.nextInt(8), 30 * random.nextInt(2)))
                        .atZone(MOSCOW).toInstant();
                long id = activities.create(new NewActivity(Type.valueOf(done[0]), client.id(), null, null, null,
                        done[1], null, client.managerId(), at, null, client.managerId(), null, null)).orElseThrow();
                backdate(id, at, done[2]);
            }
            for (int i = 0; i < 2; i++) {
                Instant at = today.minusDays(3 + 11L * i).atTime(18, 0).atZone(MOSCOW).toInstant();
                long id = activities.create(new NewActivity(Type.NOTE, client.id(), null, null, null,
                        NOTES.get((int) ((client.id() + i) % NOTES.size())), null, client.managerId(), null, null,
                        client.managerId(), null, null)).orElseThrow();
                backdate(id, at, null);
            }
        }
        long manager = seeding.accountId("manager@demo.local");
        List<Client> mine = clients.stream().filter(c -> c.managerId() == manager).toList();
        if (!mine.isEmpty()) {
            plan(mine.get(0), Type.CALL, "Перезвонить по коммерческому предложению", today.minusDays(2), 11, 0);
            plan(mine.get(mine.size() - 1), Type.TASK, "Выставить счёт на предоплату", today.minusDays(1), 15, 0);
            plan(mine.get(0), Type.EMAIL, "Отправить спецификацию к договору", today.minusDays(4), 10, 0);
            plan(mine.get(0), Type.CALL, "Созвон с главным инженером", today, 10, 30);
            plan(mine.get(mine.size() - 1), Type.MEETING, "Встреча в офисе клиента", today, 14, 0);
            plan(mine.get(0), Type.TASK, "Подготовить расчёт скидки на объём", today, 17, 30);
            plan(mine.get(mine.size() - 1), Type.CALL, "Уточнить сроки следующей закупки", today.plusDays(2), 12, 0);
            plan(mine.get(0), Type.MEETING, "Презентация новой линейки", today.plusDays(5), 11, 0);
        }
        long head = seeding.accountId("head@demo.local");
        rule(head, "Крупный заказ — поблагодарить клиента", "ORDER_PLACED",
                "[{\"field\": \"gross\", \"op\": \"GT\", \"value\": \"150000\"}]",
                "[{\"kind\": \"TASK\", \"activityType\": \"CALL\", \"subject\": \"Поблагодарить за заказ {number} на {gross} ₽\","
                        + " \"dueHours\": 24, \"recipient\": \"ACCOUNT_MANAGER\"}]");
        rule(head, "Отмена заказа — сообщить руководителю", "ORDER_CANCELLED", "[]",
                "[{\"kind\": \"NOTIFY\", \"body\": \"Клиент отменил заказ {number}: {reason}\", \"recipient\": \"ROLE\","
                        + " \"role\": \"SALES_HEAD\"}]");
    }

    private void plan(Client client, Type type, String subject, LocalDate day, int hour, int minute) {
        Instant due = day.atTime(hour, minute).atZone(MOSCOW).toInstant();
        long id = activities.create(new NewActivity(type, client.id(), null, null, null, subject, null,
                client.managerId(), due, due.minusSeconds(900), client.managerId(), null, null)).orElseThrow();
        Instant created = due.minusSeconds(3 * 24 * 3600L);
        jdbc.sql("update crm.activity set created_at = :at, reminded_at = case when remind_at < now() then remind_at end"
                + " where id = :id").param("at", java.sql.Timestamp.from(created)).param("id", id).update();
        jdbc.sql("update crm.timeline_entry set occurred_at = :at where dedupe_key = :key")
                .param("at", java.sql.Timestamp.from(created)).param("key", "activity:" + id).update();
    }

    /** Moves a new activity (and its timeline entry) back to when it happened; {@code outcome} marks it done. */
    private void backdate(long id, Instant at, String outcome) {
        jdbc.sql("""
                update crm.activity set created_at = :at,
                       status = 'DONE', completed_at = :at, outcome = coalesce(:outcome, outcome)
                 where id = :id""")
                .param("at", java.sql.Timestamp.from(at)).param("outcome", outcome).param("id", id).update();
        jdbc.sql("update crm.timeline_entry set occurred_at = :at where dedupe_key = :key")
                .param("at", java.sql.Timestamp.from(at)).param("key", "activity:" + id).update();
    }

    private void rule(long head, String name, String trigger, String conditions, String actions) {
        long id = jdbc.sql("insert into crm.rule (name, created_by) values (:name, :head) returning id")
                .param("name", name).param("head", head).query(Long.class).single();
        jdbc.sql("""
                insert into crm.rule_version (rule_id, version, trigger, conditions, actions, created_by)
                values (:id, 1, :trigger, cast(:conditions as jsonb), cast(:actions as jsonb), :head)""")
                .param("id", id).param("trigger", trigger).param("conditions", conditions).param("actions", actions)
                .param("head", head).update();
    }
}
