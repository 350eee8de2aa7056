package io.b2bportal.platform;

import com.sun.net.httpserver.HttpServer;
import io.b2bportal.platform.web.MoneyFormat;
import io.b2bportal.shared.Hashes;
import io.b2bportal.shared.Money;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renders templates/pdf-test/sample.html and reads the PDF back with PDFBox, as a person would read it. */
class PdfRendererTests {

    private static final Locale RU = Locale.of("ru");
    private static final String TEMPLATE = "pdf-test/sample";
    private static final String TERMS_START = "Поставщик обязуется передать в собственность Покупателя товар";
    private static final String TERMS_END = "Конец условий поставки.";

    private final PdfRenderer renderer = new PdfRenderer(templateEngine());

    @Test
    void russianTextReadsBackAsTheModelSaysIt() throws IOException {
        String text = text(renderer.render(TEMPLATE, contract(), RU));

        assertThat(text)
                .contains("Договор поставки № 17")
                .contains("ООО «Альфа»")
                .contains("Бумага офисная А4, 500 л.")
                .contains("1 234,56 ₽")
                .contains("Итого")
                .contains(TERMS_START);
    }

    @Test
    void everyFontIsEmbeddedDejaVuSans() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(TEMPLATE, contract(), RU))) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }

            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void theSameInputGivesTheSameBytesASecondLater() throws InterruptedException {
        byte[] first = renderer.render(TEMPLATE, contract(), RU);
        Thread.sleep(1_100); // PDF dates have whole seconds: a clock left in the file would show now
        byte[] second = renderer.render(TEMPLATE, contract(), RU);

        assertThat(second).isEqualTo(first);
        assertThat(Hashes.sha256Hex(second)).isEqualTo(Hashes.sha256Hex(first));
    }

    @Test
    void theSameInputWithADateGivesTheSameBytes() {
        Instant signed = Instant.parse("2026-11-27T09:30:00Z");

        assertThat(renderer.render(TEMPLATE, contract(), RU, signed))
                .isEqualTo(renderer.render(TEMPLATE, contract(), RU, signed));
    }

    @Test
    void anotherBuyerGivesAnotherHash() {
        Map<String, Object> beta = contract();
        beta.put("buyer", "ООО «Бета»");

        assertThat(Hashes.sha256Hex(renderer.render(TEMPLATE, beta, RU)))
                .isNotEqualTo(Hashes.sha256Hex(renderer.render(TEMPLATE, contract(), RU)));
    }

    @Test
    void theDocumentDateIsTheOnlyDateInTheMetadata() throws Exception {
        Instant signed = Instant.parse("2026-11-27T09:30:00Z");

        try (PDDocument pdf = Loader.loadPDF(renderer.render(TEMPLATE, contract(), RU, signed))) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(signed);
            assertThat(pdf.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(signed);
            XMPMetadata xmp = xmp(pdf);
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(signed);
            assertThat(xmp.getXMPBasicSchema().getModifyDate().toInstant()).isEqualTo(signed);
        }
        try (PDDocument pdf = Loader.loadPDF(renderer.render(TEMPLATE, contract(), RU))) {
            assertThat(pdf.getDocumentInformation().getCreationDate()).isNull();
            assertThat(pdf.getDocumentInformation().getModificationDate()).isNull();
            XMPMetadata xmp = xmp(pdf);
            assertThat(xmp.getXMPBasicSchema() == null ? null : xmp.getXMPBasicSchema().getCreateDate()).isNull();
        }
    }

    @Test
    void declaresPdfA2uWithTitleAndLanguage() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(TEMPLATE, contract(), RU))) {
            XMPMetadata xmp = xmp(pdf);

            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("U");
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Договор поставки № 17");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Договор поставки № 17");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ru");
        }
    }

    @Test
    void aLongParagraphRunsOntoTheSecondPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(TEMPLATE, contract(), RU))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(pageText(pdf, 1)).contains(TERMS_START).doesNotContain(TERMS_END);
            assertThat(pageText(pdf, pdf.getNumberOfPages())).contains(TERMS_END);
        }
    }

    @Test
    void everyPageSaysWhichPageOfHowManyItIs() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(TEMPLATE, contract(), RU))) {
            int pages = pdf.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                assertThat(pageText(pdf, page)).contains("Стр. " + page + " из " + pages);
            }
        }
    }

    @Test
    void anEnglishDocumentNumbersItsPagesInEnglish() throws IOException {
        String text = text(renderer.render(TEMPLATE, contract(), Locale.ENGLISH));

        assertThat(text).contains("Page 1 of ").doesNotContain("Стр.");
    }

    @Test
    void aMissingTemplateIsAnError() {
        assertThatThrownBy(() -> renderer.render("pdf-test/no-such-template", contract(), RU))
                .isInstanceOf(PdfRenderingException.class)
                .hasMessageContaining("pdf-test/no-such-template");
    }

    @Test
    void aTemplateThatIsNotXhtmlIsAnError() {
        assertThatThrownBy(() -> renderer.render("pdf-test/not-xhtml", contract(), RU))
                .isInstanceOf(PdfRenderingException.class)
                .hasMessageContaining("pdf-test/not-xhtml");
    }

    @Test
    void aDocumentFetchesNothingOverTheNetwork() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/logo.png";

            String text = text(renderer.render("pdf-test/remote-image", new HashMap<>(Map.of("imageUrl", url)), RU));

            assertThat(text).contains("Логотип поставщика");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    /** The model a documents module would build: view values already formatted for the reader. */
    private static Map<String, Object> contract() {
        List<Line> lines = List.of(
                new Line("Бумага офисная А4, 500 л.", "10", Money.rub("123.456"), Money.rub("1234.56")),
                new Line("Папка-регистратор «Эконом», 75 мм", "24", Money.rub("189.90"), Money.rub("4557.60")),
                new Line("Ручка шариковая синяя", "1 000", Money.rub("12.05"), Money.rub("12050.00")));
        StringBuilder terms = new StringBuilder(TERMS_START)
                .append(" надлежащего качества в количестве и ассортименте, указанных в спецификации.");
        for (int i = 1; i <= 25; i++) {
            terms.append(" Пункт ").append(i).append(": приёмка по количеству и качеству производится в день"
                    + " получения товара на складе Покупателя в соответствии с Инструкциями П-6 и П-7,"
                    + " а обнаруженные расхождения оформляются актом с участием представителя Поставщика.");
        }
        terms.append(' ').append(TERMS_END);
        return new HashMap<>(Map.of(
                "title", "Договор поставки № 17",
                "buyer", "ООО «Альфа»",
                "lines", lines.stream().map(Line::view).toList(),
                "total", rub(Money.rub("17842.16")),
                "terms", terms.toString()));
    }

    private record Line(String product, String quantity, Money price, Money amount) {
        Map<String, String> view() {
            return Map.of("product", product, "quantity", quantity, "price", rub(price), "amount", rub(amount));
        }
    }

    private static String rub(Money money) {
        return MoneyFormat.format(money, RU);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalized(new PDFTextStripper().getText(document));
        }
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return normalized(stripper.getText(pdf));
    }

    /** Money is grouped with no-break spaces; a reader sees spaces, and lines wrap where the layout chose. */
    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
    }

    private static XMPMetadata xmp(PDDocument pdf) throws Exception {
        byte[] packet = pdf.getDocumentCatalog().getMetadata().toByteArray();
        assertThat(new String(packet, StandardCharsets.UTF_8)).contains("pdfaid");
        return new DomXmpParser().parse(packet);
    }

    /** Configured as Spring Boot configures the application's engine, without starting the application. */
    private static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
