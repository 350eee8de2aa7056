package io.b2bportal.customers;

import io.b2bportal.customers.address.Addresses;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.agreement.OrderingPolicy;
import io.b2bportal.customers.contract.Contracts;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules ask the customers module: which legal entities a user acts for, on which terms each one
 * buys, and whether it may order at all. Pricing, ordering and documents resolve "the buyer's legal entity"
 * through {@link LegalEntityContext} and then come here for its contract.
 */
@Service
public class CustomersApi {

    private final LegalEntities legalEntities;
    private final Contracts contracts;
    private final Agreements agreements;
    private final OrderingPolicy orderingPolicy;
    private final Companies companies;
    private final CustomerAccess access;
    private final Addresses addresses;
    private final io.b2bportal.customers.entity.ApprovalLimits approvalLimits;
    private final io.b2bportal.customers.web.CustomerAdministration administration;

    CustomersApi(LegalEntities legalEntities, Contracts contracts, Agreements agreements,
            OrderingPolicy orderingPolicy, Companies companies, CustomerAccess access, Addresses addresses,
            io.b2bportal.customers.entity.ApprovalLimits approvalLimits,
            io.b2bportal.customers.web.CustomerAdministration administration) {
        this.administration = administration;
        this.addresses = addresses;
        this.approvalLimits = approvalLimits;
        this.companies = companies;
        this.access = access;
        this.legalEntities = legalEntities;
        this.contracts = contracts;
        this.agreements = agreements;
        this.orderingPolicy = orderingPolicy;
    }

    /** The legal entities a customer user may act for, approved or not, in a stable order. */
    public List<LegalEntityRef> actingEntities(long userId) {
        return legalEntities.actingFor(userId);
    }

    public Optional<LegalEntityRef> legalEntity(long legalEntityId) {
        return legalEntities.ref(legalEntityId);
    }

    /** The legal entities with this INN (payments match a bank payment's payer by it). */
    public List<LegalEntityRef> legalEntitiesByInn(String inn) {
        return inn == null || inn.isBlank() ? List.of() : legalEntities.byInn(inn.strip());
    }

    /** The legal entity's requisites for documents (invoices, transfer documents, acts). */
    public Optional<LegalEntityRequisites> requisites(long legalEntityId) {
        return legalEntities.view(legalEntityId).map(v -> new LegalEntityRequisites(v.id(), v.companyId(),
                v.companyName(), v.name(), v.inn(), v.kpp(), v.ogrn(), v.taxId(), v.legalAddress(), v.bik(),
                v.bankName(), v.settlementAccount(), v.correspondentAccount(), v.vatPayer()));
    }

    /**
     * The legal entity's company, customer group and contract terms, in one statement: what pricing needs to know of
     * the buyer for every page and cart. Empty for an unknown legal entity.
     */
    public Optional<BuyingTerms> buyingTerms(long legalEntityId) {
        return contracts.buyingTerms(legalEntityId);
    }

    /** The contract terms of a legal entity, or the default terms when it has no contract. */
    public ContractTerms termsOf(long legalEntityId) {
        return contracts.termsOf(legalEntityId);
    }

    /**
     * Why a legal entity may not place an order now, as a message key (bundle {@code i18n/customers-agreement});
     * empty when it may. It may not while the seller has not approved it, nor (unless
     * {@code portal.customers.require-accepted-agreement} is false) before it has accepted the current version of
     * the supply agreement. An unknown id gets {@code customers.agreement.order.unknown}.
     */
    public Optional<String> whyCannotOrder(long legalEntityId) {
        return agreements.standing(legalEntityId).map(orderingPolicy::whyCannotOrder)
                .orElseGet(() -> Optional.of(OrderingPolicy.UNKNOWN_ENTITY));
    }

    /** What a buyer of the company may order without an approver (set by the company's administrator). */
    public ApprovalLimit approvalLimit(long companyId, long userId) {
        return approvalLimits.of(companyId, userId);
    }

    /** A customer group (pricing assigns price types and targets promotions to groups). */
    public record CustomerGroup(long id, String code, String name) {
    }

    /** A company as other modules list it (promotion targets, pickers). */
    public record CompanyRef(long id, String name, Long groupId) {
    }

    public List<CustomerGroup> groups() {
        return companies.groups().stream().map(g -> new CustomerGroup(g.id(), g.code(), g.name())).toList();
    }

    /** The customer group of a company, if it is in one. */
    public Optional<Long> groupOf(long companyId) {
        return companies.groupOf(companyId);
    }

    /** Companies whose name contains the text (any case), by name, at most {@code limit}. */
    public List<CompanyRef> companies(String text, int limit) {
        return companies.named(text, limit);
    }

    /** The companies with these ids (unknown ids are left out), by name. */
    public List<CompanyRef> companies(java.util.Collection<Long> ids) {
        return companies.byIds(ids);
    }

    /** The legal entities of a company, by name. */
    public List<LegalEntityRef> legalEntitiesOf(long companyId) {
        return legalEntities.ofCompany(companyId).stream().map(LegalEntities.LegalEntityView::ref).toList();
    }

    /** Whether a member of staff may see this customer: an account manager only their own clients, a catalog manager none. */
    public boolean staffSees(PortalUser staff, long companyId) {
        return staff.isStaff() && access.canSeeCompany(staff, companyId);
    }

    /** Whether a member of staff may change this customer's terms: administrators, sales heads and its account manager. */
    public boolean staffManages(PortalUser staff, long companyId) {
        return staffSees(staff, companyId) && access.sellerManages(staff, companyId);
    }

    /**
     * For staff order lists: null when this member of staff sees every customer, otherwise the account manager id
     * whose clients alone they see (-1: none).
     */
    public Long staffManagerFilter(PortalUser staff) {
        return access.managerFilter(staff);
    }

    /** Whether an INN (10 digits of an organisation or 12 of a person) passes its checksum. */
    public boolean isValidInn(String inn) {
        return inn != null && io.b2bportal.customers.requisites.Requisites.isValidInn(inn.strip());
    }

    /**
     * Creates a customer company with no legal entity yet (the CRM converts a lead into one; its legal entities are
     * added and verified later as usual). Returns its id.
     */
    @org.springframework.transaction.annotation.Transactional
    public long createCompany(String name, Long accountManagerId) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("A company name of 1 to 200 characters");
        }
        return companies.create(name.strip(), null, accountManagerId);
    }

    /** The account manager of a customer company, if it has one. */
    public Optional<Long> accountManagerOf(long companyId) {
        return companies.accountManagerOf(companyId);
    }

    /**
     * Gives a customer company another account manager, keeping its group: the same rights check (administrators
     * and sales heads), the same validation and the same {@link AccountManagerChanged} as the admin page and API.
     */
    public void assignAccountManager(PortalUser staff, long companyId, long accountManagerId) {
        administration.assign(staff, companyId, companies.groupOf(companyId).orElse(null), accountManagerId);
    }

    /** The delivery addresses of a legal entity (not archived), the default first, at most {@code limit}. */
    public List<DeliveryAddress> deliveryAddresses(long legalEntityId, int limit) {
        return addresses.search(legalEntityId, null, limit, 0).stream().map(CustomersApi::address).toList();
    }

    /** One delivery address of a legal entity, if it is its own and not archived. */
    public Optional<DeliveryAddress> deliveryAddress(long legalEntityId, long addressId) {
        return addresses.find(legalEntityId, addressId).map(CustomersApi::address);
    }

    private static DeliveryAddress address(Addresses.AddressView a) {
        return new DeliveryAddress(a.id(), a.legalEntityId(), a.label(), a.address(), a.contactName(),
                a.contactPhone(), a.isDefault());
    }
}
