package io.b2bportal.customers.demo;

import io.b2bportal.customers.ContractTerms.DeliveryTerms;
import io.b2bportal.customers.ContractTerms.PaymentTerms;
import io.b2bportal.customers.address.Addresses;
import io.b2bportal.customers.address.Addresses.AddressData;
import io.b2bportal.customers.contract.Contracts;
import io.b2bportal.customers.contract.Contracts.ContractData;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.NewLegalEntity;
import io.b2bportal.platform.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo customers of PRODUCT.md: Alpha with two legal entities (one on a 30-day deferral with a credit
 * limit), Beta on prepayment, Gamma a sole proprietor on a 30-day deferral (the credit-hold demo) with a second
 * entity still pending verification. Requisites pass the real checksums.
 */
@Component
class CustomersDemoData implements DemoData {

    private static final String SBER_BIK = "044525225";
    private static final String SBER_CORR = "30101810400000000225";

    private final Companies companies;
    private final LegalEntities legalEntities;
    private final Contracts contracts;
    private final Addresses addresses;

    CustomersDemoData(Companies companies, LegalEntities legalEntities, Contracts contracts, Addresses addresses) {
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.contracts = contracts;
        this.addresses = addresses;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long wholesale = companies.createGroup("wholesale", "Оптовые покупатели");
        long dealers = companies.createGroup("dealers", "Дилеры");
        companies.createGroup("retail-chains", "Розничные сети");
        long manager = seeding.accountId("manager@demo.local");
        long manager2 = seeding.accountId("manager2@demo.local");
        long admin = seeding.accountId("admin@demo.local");

        long alpha = companies.create("Группа «Альфа»", wholesale, manager);
        long alphaStroy = approved(alpha, new NewLegalEntity("ООО «Альфа Строй»", "ORGANISATION", "RU", "7704123450",
                "770401001", "1027700123450", null, "119034, г. Москва, ул. Пречистенка, д. 10, офис 5",
                "119034, г. Москва, ул. Пречистенка, д. 10", SBER_BIK, "ПАО Сбербанк", "40702810938000012345",
                SBER_CORR, true), admin);
        long alphaRemont = approved(alpha, new NewLegalEntity("ООО «Альфа Ремонт»", "ORGANISATION", "RU",
                "7704987650", "770401001", "1037700987653", null, "119034, г. Москва, ул. Остоженка, д. 7",
                null, SBER_BIK, "ПАО Сбербанк", "40702810338000098765", SBER_CORR, false), admin);
        members(seeding, alpha, List.of(alphaStroy, alphaRemont),
                "admin@alpha.demo", "buyer@alpha.demo", "approver@alpha.demo", "accountant@alpha.demo");
        contracts.save(alphaStroy, new ContractData("П-2026/014", LocalDate.of(2026, 1, 15), LocalDate.of(2027, 1, 14),
                "wholesale", PaymentTerms.DEFERRAL, 30, new BigDecimal("1500000"), new BigDecimal("10000"), "RUB",
                null, DeliveryTerms.DELIVERY, "ACTIVE"), admin);
        contracts.save(alphaRemont, new ContractData("П-2026/027", LocalDate.of(2026, 3, 1), null, "base",
                PaymentTerms.PREPAYMENT, 0, BigDecimal.ZERO, new BigDecimal("5000"), "RUB", null,
                DeliveryTerms.PICKUP, "ACTIVE"), admin);
        addresses.add(alphaStroy, new AddressData("Центральный склад", "142703, Московская обл., г. Видное, "
                + "Белокаменное ш., д. 1, стр. 3", "Сергей Кладовщиков", "+7 916 100-20-30"));
        addresses.add(alphaStroy, new AddressData("Объект «Пречистенка»", "119034, г. Москва, ул. Пречистенка, д. 10",
                "Прораб Николай", "+7 916 200-30-40"));
        String[] streets = {"Ленинский пр-т", "Профсоюзная ул.", "Варшавское ш.", "Дмитровское ш.", "Щёлковское ш.",
            "Каширское ш.", "Ярославское ш.", "Рязанский пр-т"};
        for (int i = 1; i <= 120; i++) {
            addresses.add(alphaStroy, new AddressData("Объект №" + (100 + i),
                    "г. Москва, " + streets[i % streets.length] + ", д. " + (i * 3 % 170 + 1),
                    "Прораб объекта №" + (100 + i), "+7 916 " + (300 + i) + "-00-" + String.format("%02d", i % 100)));
        }
        addresses.add(alphaRemont, new AddressData("Мастерская", "119034, г. Москва, ул. Остоженка, д. 7",
                "Олег Мастеров", "+7 916 500-60-70"));

        long beta = companies.create("ООО «Бета Инструмент»", dealers, manager);
        long betaEntity = approved(beta, new NewLegalEntity("ООО «Бета Инструмент»", "ORGANISATION", "RU",
                "5027123457", "502701001", "1055000123452", null, "140000, Московская обл., г. Люберцы, "
                + "Октябрьский пр-т, д. 112", null, "044525593", "АО «Альфа-Банк»", "40702810002000054321",
                "30101810200000000593", true), admin);
        members(seeding, beta, List.of(betaEntity), "buyer@beta.demo");
        contracts.save(betaEntity, new ContractData("Д-2025/101", LocalDate.of(2025, 9, 1), null, "dealer",
                PaymentTerms.PREPAYMENT, 0, BigDecimal.ZERO, new BigDecimal("20000"), "RUB", "fasteners",
                DeliveryTerms.CARRIER, "ACTIVE"), admin);
        addresses.add(betaEntity, new AddressData("Склад Люберцы", "140000, Московская обл., г. Люберцы, "
                + "Октябрьский пр-т, д. 112", "Дмитрий Бетов", "+7 926 111-22-33"));

        long gamma = companies.create("ИП Гаммова Е. В.", null, manager2);
        long gammaEntity = approved(gamma, new NewLegalEntity("ИП Гаммова Елена Викторовна", "SOLE_PROPRIETOR", "RU",
                "773123456716", null, "318774600123452", null, "127055, г. Москва, ул. Новослободская, д. 20, кв. 4",
                null, SBER_BIK, "ПАО Сбербанк", "40802810438000077777", SBER_CORR, false), admin);
        long gammaPlus = legalEntities.create(gamma, new NewLegalEntity("ООО «Гамма Плюс»", "ORGANISATION", "RU",
                "7731555554", "773101001", "1207700555556", null, "127055, г. Москва, ул. Новослободская, д. 20",
                null, null, null, null, null, true));
        members(seeding, gamma, List.of(gammaEntity, gammaPlus), "buyer@gamma.demo");
        // the credit-control demo's customer (payments, issue 7): a 30-day deferral, at base prices, whose unpaid
        // order of 45 days ago puts it on credit hold
        contracts.save(gammaEntity, new ContractData("Г-2026/003", LocalDate.of(2026, 2, 1), null, "base",
                PaymentTerms.DEFERRAL, 30, new BigDecimal("500000"), BigDecimal.ZERO, "RUB", null,
                DeliveryTerms.DELIVERY, "ACTIVE"), admin);
        addresses.add(gammaEntity, new AddressData("Магазин", "127055, г. Москва, ул. Новослободская, д. 20",
                "Елена Гаммова", "+7 903 777-88-99"));
    }

    private long approved(long company, NewLegalEntity entity, long staff) {
        long id = legalEntities.create(company, entity);
        legalEntities.approve(id, staff);
        return id;
    }

    private void members(DemoSeeding seeding, long company, List<Long> entities, String... emails) {
        for (String email : emails) {
            companies.addMember(seeding.accountId(email), company, entities);
        }
    }
}
