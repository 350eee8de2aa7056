package io.b2bportal.customers;

/** A customer company got another account manager (or none); {@code changedBy} is the staff member who did it. */
public record AccountManagerChanged(long companyId, Long previousManagerId, Long newManagerId, long changedBy) {
}
