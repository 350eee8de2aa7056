package io.b2bportal.ordering;

import io.b2bportal.support.TestProducts;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products of a test's own, so that each test states its case in one line and shares no stock with any other: a
 * price in the base list (with VAT), stock in one warehouse, backorders or not. And the demo customers' ids and
 * contract terms, changed for one test and put back after it.
 */
final class OrderFixture {

    static final String ALPHA_STROY = "7704123450";
    static final String ALPHA_REMONT = "7704987650";
    static final String BETA = "5027123457";

    private final JdbcClient jdbc;

    OrderFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // the demo gives Alpha's buyer an approval limit; a test that is not about approvals orders without one
        // (ApprovalTests set their own)
        jdbc.sql("""
                        delete from customers.approval_limit
                         where user_id = (select id from platform.user_account where email = 'buyer@alpha.demo')""")
                .update();
        // every test that orders leaves unpaid invoices on Alpha Stroy's deferral contract; one that is not about credit
        // must not run out of the credit that earlier tests used up: keep at least 1,000,000 of it free
        jdbc.sql("""
                        update customers.contract c
                           set credit_limit = greatest(c.credit_limit, 1000000
                                   + (select coalesce(sum(o.total_gross), 0) from ordering.orders o
                                       where o.legal_entity_id = c.legal_entity_id
                                         and o.status = 'AWAITING_APPROVAL')
                                   + (select greatest(coalesce(sum(p.amount), 0), 0) from ledger.posting p
                                       where p.legal_entity_id = c.legal_entity_id and p.account = 'RECEIVABLE'))
                         where c.legal_entity_id = (select id from customers.legal_entity where inn = :inn)
                           and c.payment_terms = 'DEFERRAL'""")
                .param("inn", ALPHA_STROY).update();
    }

    /**
     * Alpha Stroy's company administrator accepts the current supply agreement (again, if another test published a new
     * version since), so that the legal entity may order whatever ran before.
     */
    static void acceptAgreement(io.b2bportal.support.Http http, long entity) {
        CartClient admin = new CartClient(http, "admin@alpha.demo").actingFor(entity);
        String sha = CartClient.json(admin.get("/api/v1/agreement"), 200).get("pdfSha256").asString();
        var accepted = admin.post("/api/v1/agreement/accept", "{\"pdfSha256\": \"" + sha + "\"}");
        org.assertj.core.api.Assertions.assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    long company(String inn) {
        return jdbc.sql("select company_id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :email").param("email", email)
                .query(Long.class).single();
    }

    /** A new product in pieces, this base price a piece (with VAT), this much on hand; backorders with 10 days lead. */
    String product(String price, int onHand, boolean backorder) {
        return TestProducts.create(jdbc, "T", "Тестовый товар", "Test product", price, onHand, backorder);
    }

    BigDecimal reserved(String sku) {
        return stock(sku, "reserved");
    }

    BigDecimal onHand(String sku) {
        return stock(sku, "on_hand");
    }

    void setOnHand(String sku, int onHand) {
        jdbc.sql("""
                        update catalog.stock set on_hand = :onHand
                         where product_id = (select id from catalog.product where sku = :sku)""")
                .param("sku", sku).param("onHand", onHand).update();
    }

    private BigDecimal stock(String sku, String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from catalog.stock s join catalog.product p"
                        + " on p.id = s.product_id where p.sku = :sku")
                .param("sku", sku).query(BigDecimal.class).single().stripTrailingZeros();
    }

    /** The contract's terms as they are, to put back after a test changed them. */
    record Terms(String paymentTerms, int deferralDays, BigDecimal creditLimit, BigDecimal minOrderAmount) {
    }

    Terms terms(long entity) {
        return jdbc.sql("""
                        select payment_terms, deferral_days, credit_limit, min_order_amount from customers.contract
                         where legal_entity_id = :entity""")
                .param("entity", entity).query(Terms.class).single();
    }

    void setTerms(long entity, Terms terms) {
        jdbc.sql("""
                        update customers.contract
                           set payment_terms = :terms, deferral_days = :days, credit_limit = :limit,
                               min_order_amount = :minimum
                         where legal_entity_id = :entity""")
                .param("terms", terms.paymentTerms()).param("days", terms.deferralDays()).param("limit", terms.creditLimit())
                .param("minimum", terms.minOrderAmount()).param("entity", entity).update();
    }

    /** The legal entity's credit exposure now: orders waiting for approval plus its unpaid invoices (the ledger). */
    BigDecimal openOrders(long entity) {
        return jdbc.sql("""
                        select (select coalesce(sum(total_gross), 0) from ordering.orders
                                 where legal_entity_id = :entity and status = 'AWAITING_APPROVAL')
                             + (select coalesce(sum(amount), 0) from ledger.posting
                                 where legal_entity_id = :entity and account = 'RECEIVABLE')""")
                .param("entity", entity).query(BigDecimal.class).single();
    }

    long orderCount() {
        return jdbc.sql("select count(*) from ordering.orders").query(Long.class).single();
    }
}
