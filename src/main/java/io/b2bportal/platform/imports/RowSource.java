package io.b2bportal.platform.imports;

/** The rows of something to import: an uploaded file, or a batch a module received as JSON. */
public interface RowSource {

    /** Feeds the header and then every row to the sink; a problem with the whole source is a DomainException. */
    void read(RowSink sink);

    /** Whether the source itself says that "1,5" means 1.5 (see {@link TableFile#decimalComma()}). */
    boolean decimalComma();
}
