package io.b2bportal.platform;

/**
 * A document template could not be turned into a PDF: it is missing, not well-formed XHTML, or the PDF
 * library failed on it. A programming error, not something a user can fix, so it is unchecked.
 */
public class PdfRenderingException extends RuntimeException {

    PdfRenderingException(String template, Throwable cause) {
        super("Could not render template " + template + " to PDF: " + cause.getMessage(), cause);
    }
}
