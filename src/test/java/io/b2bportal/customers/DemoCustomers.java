package io.b2bportal.customers;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo customers' legal entities, found by INN, so that each test names the one it means in one line. */
final class DemoCustomers {

    static final String ALPHA_STROY = "7704123450";
    static final String ALPHA_REMONT = "7704987650";
    static final String BETA = "5027123457";
    static final String GAMMA_PLUS = "7731555554";

    private DemoCustomers() {
    }

    static long entity(JdbcClient jdbc, String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }
}
