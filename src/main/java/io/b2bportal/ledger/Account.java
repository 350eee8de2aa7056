package io.b2bportal.ledger;

/** The accounts the portal posts to, with their number in the Russian chart of accounts. */
public enum Account {
    /** 62: what customers owe (debit) or paid in advance (credit), per legal entity and open item. */
    RECEIVABLE("62"),
    /** 90.01: revenue net of VAT. */
    SALES("90.01"),
    /** 90: returns and price reductions granted by credit notes. */
    SALES_RETURNS("90.02"),
    /** 68.02: VAT charged to customers. */
    VAT("68.02"),
    /** 51: money received on the settlement account (bank transfers and online payments). */
    BANK("51");

    private final String code;

    Account(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
