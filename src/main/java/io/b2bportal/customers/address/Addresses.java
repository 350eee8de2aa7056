package io.b2bportal.customers.address;

import io.b2bportal.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery addresses of a legal entity: companies have hundreds, so the list is searched and paged in SQL.
 * An address in use by past orders is archived, never deleted.
 */
@Repository
public class Addresses {

    private final JdbcClient jdbc;

    Addresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AddressView(long id, long legalEntityId, String label, String address, String contactName,
            String contactPhone, boolean isDefault) {
    }

    public record AddressData(String label, String address, String contactName, String contactPhone) {
    }

    public List<AddressView> search(long legalEntityId, String q, int limit, int offset) {
        String pattern = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase() + "%";
        return jdbc.sql("""
                        select id, legal_entity_id, label, address, contact_name, contact_phone, is_default
                          from customers.address
                         where legal_entity_id = :entity and not archived
                           and (cast(:pattern as text) is null or lower(label) like :pattern
                                or lower(address) like :pattern or lower(coalesce(contact_name, '')) like :pattern)
                         order by is_default desc, label, id
                         limit :limit offset :offset""")
                .param("entity", legalEntityId).param("pattern", pattern).param("limit", limit)
                .param("offset", offset).query(AddressView.class).list();
    }

    public int count(long legalEntityId) {
        return jdbc.sql("select count(*) from customers.address where legal_entity_id = :entity and not archived")
                .param("entity", legalEntityId).query(Integer.class).single();
    }

    public Optional<AddressView> find(long legalEntityId, long id) {
        return jdbc.sql("""
                        select id, legal_entity_id, label, address, contact_name, contact_phone, is_default
                          from customers.address where id = :id and legal_entity_id = :entity and not archived""")
                .param("id", id).param("entity", legalEntityId).query(AddressView.class).optional();
    }

    /** Adds an address; the first address of an entity becomes its default. */
    @Transactional
    public long add(long legalEntityId, AddressData data) {
        return jdbc.sql("""
                        insert into customers.address (legal_entity_id, label, address, contact_name, contact_phone,
                                                       is_default)
                        values (:entity, :label, :address, :contact, :phone,
                                not exists (select 1 from customers.address
                                             where legal_entity_id = :entity and is_default and not archived))
                        returning id""")
                .param("entity", legalEntityId).param("label", data.label()).param("address", data.address())
                .param("contact", data.contactName()).param("phone", data.contactPhone())
                .query(Long.class).single();
    }

    public void update(long legalEntityId, long id, AddressData data) {
        int changed = jdbc.sql("""
                        update customers.address set label = :label, address = :address, contact_name = :contact,
                               contact_phone = :phone
                         where id = :id and legal_entity_id = :entity and not archived""")
                .param("label", data.label()).param("address", data.address()).param("contact", data.contactName())
                .param("phone", data.contactPhone()).param("id", id).param("entity", legalEntityId).update();
        requireChanged(changed, id);
    }

    @Transactional
    public void makeDefault(long legalEntityId, long id) {
        find(legalEntityId, id).orElseThrow(() -> DomainException.notFound("address", id));
        jdbc.sql("update customers.address set is_default = false where legal_entity_id = :entity and is_default")
                .param("entity", legalEntityId).update();
        jdbc.sql("update customers.address set is_default = true where id = :id").param("id", id).update();
    }

    public void archive(long legalEntityId, long id) {
        int changed = jdbc.sql("""
                        update customers.address set archived = true, is_default = false
                         where id = :id and legal_entity_id = :entity and not archived""")
                .param("id", id).param("entity", legalEntityId).update();
        requireChanged(changed, id);
    }

    private static void requireChanged(int changed, long id) {
        if (changed == 0) {
            throw DomainException.notFound("address", id);
        }
    }
}
