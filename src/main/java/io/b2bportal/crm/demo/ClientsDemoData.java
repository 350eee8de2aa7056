package io.b2bportal.crm.demo;

import io.b2bportal.crm.contact.Contacts;
import io.b2bportal.crm.contact.Contacts.ContactForm;
import io.b2bportal.platform.DemoData;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clients' people: three to five contacts with their roles in the decision at each demo customer, one of
 * them the client's portal user. (The timeline fills itself from the other modules' demo orders, invoices, payments
 * and claims once the seeding commits.)
 */
@Component
class ClientsDemoData implements DemoData {

    private final JdbcClient jdbc;
    private final Contacts contacts;

    ClientsDemoData(JdbcClient jdbc, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @Override
    public int order() {
        return 910;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long manager = seeding.accountId("manager@demo.local");
        company("Группа «Альфа»").ifPresent(alpha -> {
            add(alpha, manager, new ContactForm("Альфин Сергей Петрович", "Генеральный директор", "SPONSOR",
                    "+7 495 100-20-30", "s.alfin@alpha.demo", "MEETING", "Решает по годовому договору; встречи раз в квартал.", null));
            add(alpha, manager, new ContactForm("Строева Марина Олеговна", "Коммерческий директор", "DECISION_MAKER",
                    "+7 495 100-20-31", "m.stroeva@alpha.demo", "PHONE", "Согласует условия оплаты и скидки.", null));
            add(alpha, manager, new ContactForm("Закупов Андрей Ильич", "Руководитель отдела закупок", "INFLUENCER",
                    "+7 916 200-11-22", "buyer@alpha.demo", "EMAIL", "Заказывает через портал, просит сроки заранее.",
                    user("buyer@alpha.demo")));
            add(alpha, manager, new ContactForm("Прорабов Игорь Николаевич", "Главный инженер", "SPECIALIST",
                    "+7 926 300-44-55", null, "MESSENGER", "Выбирает марки крепежа и инструмента.", null));
            add(alpha, manager, new ContactForm("Счётова Елена Викторовна", "Главный бухгалтер", "USER",
                    "+7 495 100-20-35", "accountant@alpha.demo", "EMAIL", null, user("accountant@alpha.demo")));
        });
        company("ООО «Бета Инструмент»").ifPresent(beta -> {
            add(beta, manager, new ContactForm("Бетин Олег Александрович", "Директор", "DECISION_MAKER",
                    "+7 498 555-01-02", "o.betin@beta.demo", "PHONE", "Перезванивать после 11:00.", null));
            add(beta, manager, new ContactForm("Инструментова Ольга Сергеевна", "Менеджер по закупкам", "INFLUENCER",
                    "+7 903 555-01-03", "buyer@beta.demo", "EMAIL", null, user("buyer@beta.demo")));
            add(beta, manager, new ContactForm("Складов Пётр Ильич", "Заведующий складом", "USER",
                    "+7 903 555-01-04", null, "PHONE", "Принимает поставки, подписывает УПД.", null));
        });
        company("ИП Гаммова Е. В.").ifPresent(gamma -> {
            long manager2 = seeding.accountId("manager2@demo.local");
            add(gamma, manager2, new ContactForm("Гаммова Екатерина Викторовна", "Индивидуальный предприниматель",
                    "DECISION_MAKER", "+7 912 777-00-01", "buyer@gamma.demo", "PHONE",
                    "Платит с задержкой; напоминать о счетах заранее.", user("buyer@gamma.demo")));
            add(gamma, manager2, new ContactForm("Гаммов Виктор Павлович", "Снабженец", "SPECIALIST",
                    "+7 912 777-00-02", null, "MESSENGER", null, null));
            add(gamma, manager2, new ContactForm("Бухова Анна Львовна", "Бухгалтер (аутсорсинг)", "USER",
                    null, "a.buhova@gamma.demo", "EMAIL", "Сверка раз в квартал.", null));
        });
    }

    private void add(long company, long manager, ContactForm form) {
        contacts.create(company, form, manager);
    }

    private Optional<Long> company(String name) {
        return jdbc.sql("select id from customers.company where name = :name order by id limit 1")
                .param("name", name).query(Long.class).optional();
    }

    private Long user(String email) {
        List<Long> ids = jdbc.sql("select id from platform.user_account where email = :email")
                .param("email", email).query(Long.class).list();
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
