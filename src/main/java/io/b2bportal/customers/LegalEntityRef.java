package io.b2bportal.customers;

/**
 * A legal entity as other modules see it: enough to show it, bill it and check that it may order.
 *
 * @param status PENDING until the seller verifies it, then APPROVED (may order) or REJECTED
 */
public record LegalEntityRef(long id, long companyId, String companyName, String name, String inn, String kpp,
        String status) {

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    /** "ООО «Альфа» (ИНН 7701234567)": how a legal entity is named in lists and headers. */
    public String displayName() {
        return inn == null ? name : name + " (" + inn + (kpp == null ? "" : " / " + kpp) + ")";
    }
}
