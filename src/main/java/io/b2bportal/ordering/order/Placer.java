package io.b2bportal.ordering.order;

/** Who places an order for which legal entity, and through which channel. */
public record Placer(long userId, long legalEntityId, long companyId, Channel channel) {
}
