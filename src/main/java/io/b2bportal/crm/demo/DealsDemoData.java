package io.b2bportal.crm.demo;

import io.b2bportal.crm.deal.DealStages;
import io.b2bportal.crm.deal.Deals;
import io.b2bportal.crm.deal.Deals.DealInput;
import io.b2bportal.crm.deal.Pipelines;
import io.b2bportal.crm.lead.Leads;
import io.b2bportal.platform.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two pipelines with deals in every stage, spread over both demo account managers and the demo clients, and
 * leads in every status (one from the public form, some from a CSV import).
 */
@Component
class DealsDemoData implements DemoData {

    private final Pipelines pipelines;
    private final Deals deals;
    private final DealStages stages;
    private final Leads leads;
    private final JdbcClient jdbc;

    DealsDemoData(Pipelines pipelines, Deals deals, DealStages stages, Leads leads, JdbcClient jdbc) {
        this.pipelines = pipelines;
        this.deals = deals;
        this.stages = stages;
        this.leads = leads;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 920;
    }

    private record StageDef(String name, int probability, String outcome) {
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long manager = seeding.accountId("manager@demo.local");
        long manager2 = seeding.accountId("manager2@demo.local");
        long head = seeding.accountId("head@demo.local");
        long alpha = company("Группа «Альфа»");
        long beta = company("ООО «Бета Инструмент»");
        long gamma = company("ИП Гаммова Е. В.");

        long leadWeb = leads.createDemo("WEB_FORM", "ООО «Дельта Монтаж»", null, "Сергей Дельцов", "+7 916 555-10-20",
                "delta@example.ru", "Нужны крепёж и инструмент для объекта, прошу перезвонить", null, "NEW", null);
        leads.createDemo("CSV_IMPORT", "ООО «Эпсилон Строй»", "7707083893", "Ирина Эпсилонова", "+7 495 100-20-30",
                null, "С выставки «Стройтех»", manager, "NEW", null);
        long leadQualified = leads.createDemo("CSV_IMPORT", "АО «Зета Девелопмент»", null, "Павел Зетов", null,
                "zeta@example.ru", "С выставки «Стройтех»", manager, "QUALIFIED", null);
        leads.createDemo("CSV_IMPORT", "ИП Этов А. А.", null, "Андрей Этов", "+7 999 000-11-22", null,
                "С выставки «Стройтех»", manager2, "DISQUALIFIED", "Розничный покупатель, опт не нужен");
        leads.createDemo("MANUAL", "ООО «Тета Ремонт»", null, "Ольга Тетова", "+7 812 300-40-50", null,
                "Рекомендация от «Альфы»", manager2, "QUALIFIED", null);

        long newClients = pipelines.create("new-clients", "Новые клиенты");
        List<Long> nc = stages(newClients, List.of(new StageDef("Первый контакт", 10, "OPEN"),
                new StageDef("Потребности", 25, "OPEN"), new StageDef("Предложение", 50, "OPEN"),
                new StageDef("Переговоры", 70, "OPEN"), new StageDef("Договор", 90, "OPEN"),
                new StageDef("Выиграна", 100, "WON"), new StageDef("Проиграна", 0, "LOST")));
        long expansion = pipelines.create("expansion", "Расширение ассортимента");
        List<Long> ex = stages(expansion, List.of(new StageDef("Идея", 10, "OPEN"),
                new StageDef("Образцы", 30, "OPEN"), new StageDef("Тестовая партия", 60, "OPEN"),
                new StageDef("Выиграна", 100, "WON"), new StageDef("Проиграна", 0, "LOST")));

        LocalDate today = LocalDate.now();
        deal(newClients, nc, 0, "Дельта: крепёж для объекта", null, leadWeb, "120000", today.plusDays(30), "WEBSITE", manager, head);
        deal(newClients, nc, 1, "Зета: поставки на жилой комплекс", null, leadQualified, "2400000", today.plusDays(60), "EXHIBITION", manager, manager);
        deal(newClients, nc, 2, "Бета: второй склад", beta, null, "850000", today.plusDays(20), "REFERRAL", manager, manager);
        deal(newClients, nc, 3, "Гаммова: годовой контракт", gamma, null, "640000", today.minusDays(3), "COLD_CALL", manager2, manager2);
        deal(newClients, nc, 4, "Альфа: филиал в Казани", alpha, null, "1750000", today.plusDays(10), "EXISTING_CLIENT", manager, manager);
        deal(newClients, nc, 5, "Бета: электроинструмент", beta, null, "420000", today.minusDays(12), "PORTAL", manager, manager);
        deal(newClients, nc, 6, "Гаммова: сантехника", gamma, null, "300000", today.minusDays(20), "WEBSITE", manager2, manager2);
        deal(newClients, nc, 0, "Гаммова: спецодежда", gamma, null, "95000", today.plusDays(45), "PORTAL", manager2, manager2);
        deal(expansion, ex, 0, "Альфа: лакокрасочные материалы", alpha, null, "380000", today.plusDays(40), "EXISTING_CLIENT", manager, manager);
        deal(expansion, ex, 1, "Бета: абразивы", beta, null, "210000", today.plusDays(25), "EXISTING_CLIENT", manager, manager);
        deal(expansion, ex, 2, "Гаммова: смесители", gamma, null, "160000", today.plusDays(15), "EXISTING_CLIENT", manager2, manager2);
        deal(expansion, ex, 3, "Альфа: метизы", alpha, null, "540000", today.minusDays(5), "EXISTING_CLIENT", manager, manager);
        deal(expansion, ex, 4, "Гаммова: плитка", gamma, null, "120000", today.minusDays(30), "EXISTING_CLIENT", manager2, manager2);
    }

    private List<Long> stages(long pipeline, List<StageDef> defs) {
        return defs.stream().map(d -> pipelines.addStage(pipeline, d.name(), d.probability(), d.outcome())).toList();
    }

    private void deal(long pipeline, List<Long> stageIds, int stageIndex, String title, Long company, Long lead,
            String amount, LocalDate close, String source, long owner, long actor) {
        long id = deals.create(new DealInput(title, pipeline, stageIds.getFirst(), company, lead,
                new BigDecimal(amount), "RUB", close, null, source, owner), actor);
        for (int i = 1; i <= stageIndex; i++) {
            boolean lostAtEnd = i == stageIds.size() - 1;
            if (i == stageIds.size() - 2 && stageIndex == stageIds.size() - 1) {
                continue;
            }
            stages.move(id, stageIds.get(i), actor, null, lostAtEnd ? "Выбрали поставщика с отсрочкой 60 дней" : null);
        }
    }

    private long company(String name) {
        return jdbc.sql("select id from customers.company where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
