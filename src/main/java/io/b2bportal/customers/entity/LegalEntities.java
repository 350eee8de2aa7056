package io.b2bportal.customers.entity;

import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Legal entities: the SQL side of registration, verification and "who may act for which". */
@Repository
public class LegalEntities {

    private static final String REF_COLUMNS = """
            le.id, le.company_id, c.name as company_name, le.name, le.inn, le.kpp, le.status""";

    private final JdbcClient jdbc;

    LegalEntities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything about a legal entity, for its card. */
    public record LegalEntityView(long id, long companyId, String companyName, String name, String legalForm,
            String country, String inn, String kpp, String ogrn, String taxId, String legalAddress,
            String actualAddress, String bik, String bankName, String settlementAccount,
            String correspondentAccount, boolean vatPayer, String status, String rejectionReason,
            OffsetDateTime verifiedAt, OffsetDateTime createdAt) {

        public LegalEntityRef ref() {
            return new LegalEntityRef(id, companyId, companyName, name, inn, kpp, status);
        }
    }

    /** A new legal entity, already validated. */
    public record NewLegalEntity(String name, String legalForm, String country, String inn, String kpp, String ogrn,
            String taxId, String legalAddress, String actualAddress, String bik, String bankName,
            String settlementAccount, String correspondentAccount, boolean vatPayer) {
    }

    public List<LegalEntityRef> actingFor(long userId) {
        return jdbc.sql("select " + REF_COLUMNS + """
                         from customers.member_entity me
                         join customers.legal_entity le on le.id = me.legal_entity_id
                         join customers.company c on c.id = le.company_id
                        where me.user_id = :user
                        order by le.name, le.id""")
                .param("user", userId).query(LegalEntityRef.class).list();
    }

    /** The legal entities registered with this INN (several when branches differ by KPP), in a stable order. */
    public List<LegalEntityRef> byInn(String inn) {
        return jdbc.sql("select " + REF_COLUMNS + """
                         from customers.legal_entity le
                         join customers.company c on c.id = le.company_id
                        where le.inn = :inn
                        order by le.id""")
                .param("inn", inn).query(LegalEntityRef.class).list();
    }

    public Optional<Long> defaultFor(long userId) {
        return jdbc.sql("""
                        select default_legal_entity_id from customers.membership
                         where user_id = :user and default_legal_entity_id is not null
                         order by created_at limit 1""")
                .param("user", userId).query(Long.class).optional();
    }

    public Optional<LegalEntityRef> ref(long id) {
        return jdbc.sql("select " + REF_COLUMNS + """
                         from customers.legal_entity le join customers.company c on c.id = le.company_id
                        where le.id = :id""")
                .param("id", id).query(LegalEntityRef.class).optional();
    }

    public Optional<LegalEntityView> view(long id) {
        return jdbc.sql("""
                        select le.*, c.name as company_name
                          from customers.legal_entity le join customers.company c on c.id = le.company_id
                         where le.id = :id""")
                .param("id", id).query(LegalEntityView.class).optional();
    }

    public List<LegalEntityView> ofCompany(long companyId) {
        return jdbc.sql("""
                        select le.*, c.name as company_name
                          from customers.legal_entity le join customers.company c on c.id = le.company_id
                         where le.company_id = :company order by le.name, le.id""")
                .param("company", companyId).query(LegalEntityView.class).list();
    }

    /** The verification queue, oldest first, limited to what staff may see ({@code managerId} null: all). */
    public List<LegalEntityView> pending(Long managerId) {
        return jdbc.sql("""
                        select le.*, c.name as company_name
                          from customers.legal_entity le join customers.company c on c.id = le.company_id
                         where le.status = 'PENDING'
                           and (cast(:manager as bigint) is null or c.account_manager_id = :manager)
                         order by le.created_at, le.id""")
                .param("manager", managerId).query(LegalEntityView.class).list();
    }

    /** Registers a legal entity of a company, pending verification. A known INN+KPP is refused with a hint. */
    public long create(long companyId, NewLegalEntity entity) {
        try {
            return jdbc.sql("""
                            insert into customers.legal_entity (company_id, name, legal_form, country, inn, kpp, ogrn,
                                tax_id, legal_address, actual_address, bik, bank_name, settlement_account,
                                correspondent_account, vat_payer)
                            values (:company, :name, :form, :country, :inn, :kpp, :ogrn, :taxId, :legalAddress,
                                :actualAddress, :bik, :bankName, :account, :corrAccount, :vat)
                            returning id""")
                    .param("company", companyId).param("name", entity.name()).param("form", entity.legalForm())
                    .param("country", entity.country()).param("inn", entity.inn()).param("kpp", entity.kpp())
                    .param("ogrn", entity.ogrn()).param("taxId", entity.taxId())
                    .param("legalAddress", entity.legalAddress()).param("actualAddress", entity.actualAddress())
                    .param("bik", entity.bik()).param("bankName", entity.bankName())
                    .param("account", entity.settlementAccount()).param("corrAccount", entity.correspondentAccount())
                    .param("vat", entity.vatPayer())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("legal-entity-exists", "customers.entity.exists", entity.inn(),
                    entity.kpp() == null ? "—" : entity.kpp());
        }
    }

    /**
     * Approves a pending entity; approving twice is harmless, approving a rejected one is refused. Returns whether
     * this call approved it (false: it was approved already).
     */
    public boolean approve(long id, long staffId) {
        int changed = jdbc.sql("""
                        update customers.legal_entity
                           set status = 'APPROVED', rejection_reason = null, verified_by = :staff, verified_at = now()
                         where id = :id and status = 'PENDING'""")
                .param("id", id).param("staff", staffId).update();
        if (changed == 0) {
            requireStatus(id, "APPROVED");
        }
        return changed > 0;
    }

    public void reject(long id, long staffId, String reason) {
        int changed = jdbc.sql("""
                        update customers.legal_entity
                           set status = 'REJECTED', rejection_reason = :reason, verified_by = :staff, verified_at = now()
                         where id = :id and status = 'PENDING'""")
                .param("id", id).param("staff", staffId).param("reason", reason).update();
        if (changed == 0) {
            requireStatus(id, "REJECTED");
        }
    }

    private void requireStatus(long id, String expected) {
        String status = jdbc.sql("select status from customers.legal_entity where id = :id").param("id", id)
                .query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("legal-entity", id));
        if (!status.equals(expected)) {
            throw DomainException.conflict("legal-entity-not-pending", "customers.entity.not-pending", status);
        }
    }
}
