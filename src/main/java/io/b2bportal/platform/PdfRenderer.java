package io.b2bportal.platform;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import io.b2bportal.shared.Hashes;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a Thymeleaf template from {@code templates/<name>.html} to a PDF on A4 pages: the supply contract,
 * invoices, transfer documents (УПД), reconciliation acts.
 *
 * <p>Templates build on {@code templates/pdf-layout.html}, which sets the font, the margins and the
 * "Стр. N из M" footer. They are processed as XML, because the PDF library reads XHTML only: close every
 * element ({@code <br/>}), write {@code &#160;} rather than {@code &nbsp;}. A malformed template fails here,
 * on the first render, rather than printing half a document.
 *
 * <p>DejaVu Sans ships inside the application and is embedded (subset) in every document, so Cyrillic,
 * {@code №} and {@code ₽} print the same on a machine with no fonts at all. Documents declare PDF/A-2u:
 * every font embedded and every glyph mapped to Unicode, so the text can be searched and copied.
 *
 * <p>The same template, model, locale and document date give byte-identical PDFs, because a contract
 * acceptance refers to the SHA-256 of the exact file ({@link Hashes#sha256Hex(byte[])}): the metadata dates
 * are the document date (or absent) rather than the clock, and the file identifier is derived from the
 * content. Byte identity holds for one build of the application; a newer PDF library or font may lay the
 * same text out differently, so store the PDF you hashed rather than rendering it again later.
 */
@Component
public class PdfRenderer {

    /** The family name that pdf-layout.html sets on the page, its margins and the body. */
    private static final String FONT_FAMILY = "DejaVu Sans";

    private static final String FONT_DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String PRODUCER = "B2B Portal";
    private static final Pattern XMP_DATES =
            Pattern.compile("\\s*<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\\1>");
    private static final Pattern XMP_BASIC = Pattern.compile("(<rdf:Description[^>]*xmlns:xmp=\"[^\"]*\"[^>]*>)");

    static {
        // openhtmltopdf has one static logger for the JVM
        XRLog.setLoggerImpl(new PdfLibraryLog());
    }

    private final ITemplateEngine templates;
    private final List<Face> faces;
    private final byte[] srgbProfile;
    private final String templatesRoot;

    public PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
        // read once: a supplier is asked for a fresh stream on every document
        this.faces = List.of(
                Face.load("DejaVuSans.ttf", 400, FontStyle.NORMAL),
                Face.load("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
                Face.load("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
                Face.load("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));
        // PDF/A wants an output intent; the JDK's own sRGB profile saves shipping one
        this.srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        URL root = PdfRenderer.class.getResource("/templates/");
        this.templatesRoot = root == null ? null : root.toExternalForm();
    }

    /**
     * Renders {@code templates/<template>.html} with the model, messages in the given locale, and no date in
     * the PDF's metadata.
     *
     * @throws PdfRenderingException if the template is missing or is not well-formed XHTML
     */
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        return renderTemplate(template, model, locale, null);
    }

    /**
     * As {@link #render(String, Map, Locale)}, with the document's own date (the contract's or the invoice's)
     * as the PDF's creation and modification date, so a viewer's "Properties" shows something true.
     */
    public byte[] render(String template, Map<String, Object> model, Locale locale, Instant documentDate) {
        return renderTemplate(template, model, locale, Objects.requireNonNull(documentDate, "documentDate"));
    }

    private byte[] renderTemplate(String template, Map<String, Object> model, Locale locale, Instant documentDate) {
        try {
            String xhtml = templates.process(
                    new TemplateSpec(template, null, TemplateMode.XML, null), new Context(locale, model));
            return toPdf(xhtml, documentDate);
        } catch (IOException | RuntimeException e) {
            throw new PdfRenderingException(template, e);
        }
    }

    private byte[] toPdf(String xhtml, Instant documentDate) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(xhtml, templatesRoot)
                .useDefaultPageSize(210, 297, PageSizeUnits.MM)
                .usePdfAConformance(PdfAConformance.PDFA_2_U)
                .useColorProfile(srgbProfile)
                .withProducer(PRODUCER)
                .useExternalResourceAccessControl(
                        this::isBundled, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        for (Face face : faces) {
            // also the fallback before PDFBox's built-in fonts, which have no Cyrillic and which PDF/A forbids
            builder.useFont(face.stream(), FONT_FAMILY, face.weight(), face.style(), true,
                    EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
        }
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer();
             PDDocument pdf = renderer.createPDFKeepOpen()) {
            makeReproducible(pdf, xhtml, documentDate);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * Replaces the two things PDFBox and openhtmltopdf take from the clock: the metadata dates (in the
     * information dictionary and, for PDF/A, again in the XMP packet, where they must agree) and the file
     * identifier in the trailer. The XMP packet is edited in place, so the rest of it stays as openhtmltopdf
     * wrote it.
     */
    private static void makeReproducible(PDDocument pdf, String xhtml, Instant documentDate) throws IOException {
        // whole seconds: the information dictionary holds no more, and PDF/A wants the XMP to say the same
        Instant seconds = documentDate == null ? null : documentDate.truncatedTo(ChronoUnit.SECONDS);
        Calendar date = seconds == null ? null : utc(seconds);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(date);
        info.setModificationDate(date);

        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
            metadata.importXMPMetadata(withDates(xmp, seconds).getBytes(StandardCharsets.UTF_8));
        }

        byte[] digest = Hashes.sha256((xhtml + '\n' + seconds).getBytes(StandardCharsets.UTF_8));
        COSString id = new COSString(Arrays.copyOf(digest, 16));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static String withDates(String xmp, Instant date) {
        String dates = date == null ? ""
                : "<xmp:CreateDate>%1$s</xmp:CreateDate><xmp:ModifyDate>%1$s</xmp:ModifyDate>".formatted(date);
        return XMP_BASIC.matcher(XMP_DATES.matcher(xmp).replaceAll("")).replaceFirst("$1" + dates);
    }

    private static Calendar utc(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /**
     * Documents embed only what ships with the application: an image or stylesheet from a URL would make
     * the PDF depend on the network (and let a template fetch arbitrary addresses on the server's behalf).
     */
    private boolean isBundled(String uri, ExternalResourceType type) {
        if (uri == null) {
            return false;
        }
        return uri.startsWith("data:")
                || templatesRoot != null && uri.startsWith(templatesRoot) && !uri.contains("..");
    }

    private record Face(int weight, FontStyle style, byte[] bytes) {

        static Face load(String file, int weight, FontStyle style) {
            try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIRECTORY + file)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + file + " is missing from the classpath"
                            + " (it comes with net.sf.jasperreports:jasperreports-fonts)");
                }
                return new Face(weight, style, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        FSSupplier<InputStream> stream() {
            return () -> new ByteArrayInputStream(bytes);
        }
    }
}
