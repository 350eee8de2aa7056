package io.b2bportal.catalog.importing;

/** What a file or a batch updates. */
public enum ImportKind { PRODUCTS, STOCK }
