package io.b2bportal.customers;

/** A delivery address of a legal entity, as ordering shows and snapshots it. */
public record DeliveryAddress(long id, long legalEntityId, String label, String address, String contactName,
        String contactPhone, boolean isDefault) {

    /** "Центральный склад — 142703, г. Видное, …": how an order names it. */
    public String text() {
        return label + " — " + address;
    }
}
