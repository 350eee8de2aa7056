package io.b2bportal.customers.demo;

import io.b2bportal.customers.document.DocumentType;
import io.b2bportal.customers.document.FoundingDocuments;
import io.b2bportal.customers.document.FoundingDocuments.NewFoundingDocument;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.DemoData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Founding documents of Alpha's first legal entity (ООО «Альфа Строй»): a charter the account manager has
 * accepted, and a scanned power of attorney waiting for review. Both files are generated, small and real: a PDF
 * with Cyrillic text and a PNG "scan".
 */
@Component
class FoundingDocumentsDemoData implements DemoData {

    private static final String ALPHA_STROY_INN = "7704123450";
    private static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

    private final FoundingDocuments documents;
    private final BlobStore blobs;
    private final JdbcClient jdbc;

    FoundingDocumentsDemoData(FoundingDocuments documents, BlobStore blobs, JdbcClient jdbc) {
        this.documents = documents;
        this.blobs = blobs;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long entity = jdbc.sql("select id from customers.legal_entity where inn = :inn")
                .param("inn", ALPHA_STROY_INN).query(Long.class).single();
        long buyerAdmin = seeding.accountId("admin@alpha.demo");
        long manager = seeding.accountId("manager@demo.local");

        String charterName = "Устав ООО Альфа Строй.pdf";
        long charter = documents.add(new NewFoundingDocument(entity, DocumentType.CHARTER,
                "Устав в редакции 2025 года", charterName, blobs.put(charterPdf(), charterName), buyerAdmin));
        documents.accept(charter, manager, "Сверено с выпиской ЕГРЮЛ.");

        String powerName = "doverennost-2026-04.png";
        documents.add(new NewFoundingDocument(entity, DocumentType.POWER_OF_ATTORNEY,
                "Доверенность на Закупкина Б. (скан)", powerName, blobs.put(powerOfAttorneyPng(), powerName),
                buyerAdmin));
    }

    /** One A4 page of Cyrillic text, the font embedded (as a subset) so any viewer shows it. */
    static byte[] charterPdf() {
        List<String> lines = List.of("УСТАВ", "Общества с ограниченной ответственностью «Альфа Строй»",
                "ИНН 7704123450, ОГРН 1027700123450", "г. Москва, 2025 год", "",
                "1. Общие положения", "1.1. Общество создано в соответствии с Гражданским кодексом РФ",
                "и Федеральным законом «Об обществах с ограниченной ответственностью».",
                "1.2. Место нахождения общества: г. Москва.", "", "Демонстрационный документ B2B-портала.");
        try (PDDocument pdf = new PDDocument(); InputStream font = FoundingDocumentsDemoData.class.getResourceAsStream(FONT)) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDFont dejaVu = PDType0Font.load(pdf, font);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(dejaVu, 12);
                text.setLeading(18);
                text.newLineAtOffset(72, 760);
                for (String line : lines) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small grey "scan": lines of text, a signature and a round stamp, drawn without any font. */
    static byte[] powerOfAttorneyPng() {
        BufferedImage image = new BufferedImage(420, 594, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF4F3EF));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(0x555555));
            g.fillRect(150, 40, 120, 10);
            for (int y = 90; y < 420; y += 22) {
                g.fillRect(40, y, y % 66 == 2 ? 260 : 340, 5);
            }
            g.setStroke(new BasicStroke(2));
            g.drawPolyline(new int[] {60, 80, 95, 110, 130, 150}, new int[] {500, 470, 505, 475, 500, 480}, 6);
            g.setColor(new Color(0x2B4DB3));
            g.setStroke(new BasicStroke(3));
            g.drawOval(250, 440, 110, 110);
            g.drawOval(262, 452, 86, 86);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
