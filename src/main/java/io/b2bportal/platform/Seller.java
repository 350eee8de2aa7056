package io.b2bportal.platform;

/**
 * The seller that runs this portal, as documents name it: the supply contract, invoices and transfer documents
 * print these requisites as the supplier's.
 *
 * @param name      the short trading name ("ТехноСнаб")
 * @param legalName the full name as registered ("ООО «ТехноСнаб»")
 */
public record Seller(String name, String legalName, String inn, String kpp, String email, String phone) {
}
