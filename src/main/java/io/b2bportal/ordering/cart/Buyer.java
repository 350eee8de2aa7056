package io.b2bportal.ordering.cart;

/**
 * Who works with carts in this request: a customer user acting for one legal entity, or a staff member viewing the
 * portal as that entity ({@code viewAs}: may read the entity's carts, never change them).
 */
public record Buyer(long userId, long legalEntityId, long companyId, boolean viewAs) {
}
