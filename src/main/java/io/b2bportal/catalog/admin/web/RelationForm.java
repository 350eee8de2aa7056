package io.b2bportal.catalog.admin.web;

/** An analog or related product to add (or remove) by SKU. */
record RelationForm(String kind, String relatedSku) {

    static RelationForm blank() {
        return new RelationForm("ANALOG", "");
    }
}
