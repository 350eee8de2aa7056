package io.b2bportal.ordering.cart;

/**
 * Who works with carts in this request: a customer user acting for one legal entity, or a staff member viewing the
 * portal as that entity ({@code viewAs}: may read the entity's carts, never change them), or a staff member acting on
 * the entity's behalf ({@code onBehalf}: their own carts for that entity, checkout as channel ON_BEHALF, the entity's
 * orders before confirmation).
 */
public record Buyer(long userId, long legalEntityId, long companyId, boolean viewAs, boolean onBehalf) {

    public Buyer(long userId, long legalEntityId, long companyId, boolean viewAs) {
        this(userId, legalEntityId, companyId, viewAs, false);
    }
}
