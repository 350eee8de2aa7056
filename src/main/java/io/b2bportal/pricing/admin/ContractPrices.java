package io.b2bportal.pricing.admin;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices agreed with one legal entity for single products: the most specific pricing rule. Staff see the contract
 * prices of the customers they may see; administrators, sales heads and the customer's account manager change them.
 * Each change is audited on the customer's company.
 */
@Service
public class ContractPrices {

    private final JdbcClient jdbc;
    private final PricingAdminAccess access;
    private final PricingAudit audit;

    ContractPrices(JdbcClient jdbc, PricingAdminAccess access, PricingAudit audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /** One contract price of a legal entity. */
    public record ContractPrice(long productId, String sku, String name, BigDecimal amount, String currency,
            boolean includesVat, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** What the seller sets: the unit price of a product for this legal entity. */
    public record Agreed(String sku, BigDecimal amount, String currency, Boolean includesVat) {
    }

    public List<ContractPrice> of(PortalUser staff, long legalEntityId) {
        access.requireEntityVisible(staff, legalEntityId);
        return jdbc.sql(SELECT + " where cp.legal_entity_id = :entity order by p.sku")
                .param("entity", legalEntityId).query(ContractPrice.class).list();
    }

    public Optional<ContractPrice> find(PortalUser staff, long legalEntityId, long productId) {
        access.requireEntityVisible(staff, legalEntityId);
        return jdbc.sql(SELECT + " where cp.legal_entity_id = :entity and cp.product_id = :product")
                .param("entity", legalEntityId).param("product", productId).query(ContractPrice.class).optional();
    }

    /** Creates or replaces the contract price of one product. */
    @Transactional
    public ContractPrice save(PortalUser staff, long legalEntityId, Agreed agreed) {
        access.requireContractPriceEditor(staff, legalEntityId);
        long company = access.requireEntityVisible(staff, legalEntityId);
        Issues issues = new Issues();
        Long productId = null;
        if (agreed.sku() == null || agreed.sku().isBlank()) {
            issues.add("sku", "pricing.admin.required");
        } else {
            productId = jdbc.sql("select id from catalog.product where sku = :sku").param("sku", agreed.sku().strip())
                    .query(Long.class).optional().orElse(null);
            if (productId == null) {
                issues.add("sku", "pricing.admin.unknown-sku", agreed.sku().strip());
            }
        }
        PriceLists.checkAmount(issues, "amount", agreed.amount());
        String currency = agreed.currency() == null || agreed.currency().isBlank() ? "RUB" : agreed.currency();
        if (!currency.matches("^[A-Z]{3}$") || Currency.getAvailableCurrencies().stream()
                .noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            issues.add("currency", "pricing.admin.currency.invalid");
        }
        issues.throwIfAny();
        boolean vat = agreed.includesVat() == null || agreed.includesVat();
        Optional<ContractPrice> before = find(staff, legalEntityId, productId);
        jdbc.sql("""
                        insert into pricing.contract_price (legal_entity_id, product_id, amount, currency, includes_vat,
                                                            updated_by)
                        values (:entity, :product, :amount, :currency, :vat, :user)
                        on conflict (legal_entity_id, product_id) do update
                           set amount = excluded.amount, currency = excluded.currency,
                               includes_vat = excluded.includes_vat, updated_at = now(), updated_by = excluded.updated_by""")
                .param("entity", legalEntityId).param("product", productId).param("amount", agreed.amount())
                .param("currency", currency).param("vat", vat).param("user", staff.id()).update();
        ContractPrice after = find(staff, legalEntityId, productId).orElseThrow();
        audit.record(staff, "contract-price.saved", company, "entity " + legalEntityId + " " + after.sku() + ": "
                + before.map(ContractPrices::describe).orElse("—") + " → " + describe(after));
        return after;
    }

    @Transactional
    public void remove(PortalUser staff, long legalEntityId, long productId) {
        access.requireContractPriceEditor(staff, legalEntityId);
        long company = access.requireEntityVisible(staff, legalEntityId);
        ContractPrice before = find(staff, legalEntityId, productId)
                .orElseThrow(() -> DomainException.notFound("contract-price", productId));
        jdbc.sql("delete from pricing.contract_price where legal_entity_id = :entity and product_id = :product")
                .param("entity", legalEntityId).param("product", productId).update();
        audit.record(staff, "contract-price.removed", company, "entity " + legalEntityId + " " + before.sku() + ": "
                + describe(before));
    }

    public Optional<Long> productId(String sku) {
        return sku == null ? Optional.empty() : jdbc.sql("select id from catalog.product where sku = :sku")
                .param("sku", sku.strip()).query(Long.class).optional();
    }

    private static String describe(ContractPrice price) {
        return price.amount().stripTrailingZeros().toPlainString() + " " + price.currency()
                + (price.includesVat() ? " VAT incl." : " VAT excl.");
    }

    private static final String SELECT = """
            select cp.product_id, p.sku, p.name, cp.amount, cp.currency, cp.includes_vat, cp.updated_at,
                   u.display_name as updated_by
              from pricing.contract_price cp
              join catalog.product p on p.id = cp.product_id
              left join platform.user_account u on u.id = cp.updated_by""";
}
