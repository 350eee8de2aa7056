package io.b2bportal.customers;

import io.b2bportal.customers.contract.Contracts;
import io.b2bportal.customers.entity.LegalEntities;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules ask the customers module: which legal entities a user acts for, and on which terms
 * each one buys. Pricing, ordering and documents resolve "the buyer's legal entity" through
 * {@link LegalEntityContext} and then come here for its contract.
 */
@Service
public class CustomersApi {

    private final LegalEntities legalEntities;
    private final Contracts contracts;

    CustomersApi(LegalEntities legalEntities, Contracts contracts) {
        this.legalEntities = legalEntities;
        this.contracts = contracts;
    }

    /** The legal entities a customer user may act for, approved or not, in a stable order. */
    public List<LegalEntityRef> actingEntities(long userId) {
        return legalEntities.actingFor(userId);
    }

    public Optional<LegalEntityRef> legalEntity(long legalEntityId) {
        return legalEntities.ref(legalEntityId);
    }

    /** The contract terms of a legal entity, or the default terms when it has no contract. */
    public ContractTerms termsOf(long legalEntityId) {
        return contracts.termsOf(legalEntityId);
    }
}
