package io.b2bportal.customers.requisites;

/**
 * Whether a Russian customer is a company or a sole proprietor (ИП). The two have different
 * requisites: an organisation has a 10-digit INN, a KPP and a 13-digit OGRN; a sole proprietor has
 * a 12-digit personal INN, no KPP and a 15-digit OGRNIP.
 */
public enum LegalForm {
    ORGANISATION,
    SOLE_PROPRIETOR
}
