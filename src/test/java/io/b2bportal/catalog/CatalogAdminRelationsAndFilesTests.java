package io.b2bportal.catalog;

import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Analogs, related products and files of a product, edited by the catalog manager over real HTTP. */
@PortalTest
class CatalogAdminRelationsAndFilesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CatalogAdminFixture f;
    WebSession session;
    String token;

    @BeforeEach
    void setUp() {
        f = new CatalogAdminFixture(jdbc);
        session = new WebSession(port).login("catalog@demo.local", "demo");
        token = WebSession.csrfToken(session.get("/admin/catalog/products/" + f.sku + "?lang=en").body());
    }

    private HttpResponse<String> relate(String path, String kind, String relatedSku) {
        return session.post("/admin/catalog/products/" + f.sku + path, "_csrf=" + token + "&kind=" + kind
                + "&relatedSku=" + relatedSku, null);
    }

    private List<String> relations() {
        return jdbc.sql("""
                        select a.sku || '>' || b.sku || ':' || r.kind from catalog.product_relation r
                          join catalog.product a on a.id = r.product_id join catalog.product b on b.id = r.related_id
                         where a.sku in (:one, :two) or b.sku in (:one, :two) order by 1""")
                .param("one", f.sku).param("two", f.other).query(String.class).list();
    }

    @Test
    void anAnalogIsRecordedBothWaysAndRemovedBothWaysWhileARelatedProductIsOneWay() {
        assertThat(relate("/relations", "ANALOG", f.other).statusCode()).isEqualTo(302);
        assertThat(relations()).containsExactlyInAnyOrder(f.other + ">" + f.sku + ":ANALOG",
                f.sku + ">" + f.other + ":ANALOG");

        relate("/relations", "RELATED", f.other);
        assertThat(relations()).contains(f.sku + ">" + f.other + ":RELATED")
                .doesNotContain(f.other + ">" + f.sku + ":RELATED");

        relate("/relations/remove", "ANALOG", f.other);
        assertThat(relations()).containsExactly(f.sku + ">" + f.other + ":RELATED");
        assertThat(session.get("/admin/catalog/products/" + f.sku).body()).contains("relations-RELATED")
                .contains(f.other);
    }

    @Test
    void anUnknownSkuOrTheProductItselfIsRefusedAtTheSkuField() {
        String before = f.snapshot(f.sku);

        assertThat(relate("/relations", "ANALOG", f.sku).body())
                .contains("A product cannot be its own analog or related product.");
        assertThat(relate("/relations", "ANALOG", "NOPE-" + f.id).body())
                .contains("There is no product with the SKU NOPE-" + f.id + ".");
        assertThat(relate("/relations", "SIBLING", f.other).statusCode()).isEqualTo(200);
        assertThat(f.snapshot(f.sku)).isEqualTo(before);
        assertThat(relations()).isEmpty();
    }

    private HttpResponse<String> upload(String kind, String title, String fileName, String type, byte[] content) {
        return session.post("/admin/catalog/products/" + f.sku + "/files?_csrf=" + token,
                new Multipart().field("kind", kind).field("title", title).file("file", fileName, type, content));
    }

    @Test
    void imagesAndDocumentsAreUploadedOrderedAndRemoved() throws IOException {
        byte[] red = png(0xcc3333);
        byte[] blue = png(0x3333cc);
        assertThat(upload("IMAGE", "Красный", "red.png", "image/png", red).statusCode()).isEqualTo(302);
        assertThat(upload("IMAGE", "", "blue.png", "image/png", blue).statusCode()).isEqualTo(302);
        byte[] pdf = ("%PDF-1.4\n% datasheet " + f.id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(upload("DATASHEET", "Паспорт", "passport.pdf", "application/pdf", pdf).statusCode()).isEqualTo(302);
        assertThat(files()).containsExactly("DATASHEET Паспорт 0", "IMAGE Красный 0", "IMAGE blue 1");

        long blueId = fileId("blue");
        session.post("/admin/catalog/products/" + f.sku + "/files/" + blueId + "/move?direction=-1", "_csrf=" + token,
                null);
        assertThat(files()).containsExactly("DATASHEET Паспорт 0", "IMAGE blue 0", "IMAGE Красный 1");
        String buyerPage = new WebSession(port).login("buyer@alpha.demo", "demo").get("/catalog/products/" + f.sku, "en")
                .body();
        assertThat(buyerPage.indexOf("alt=\"blue\"")).isLessThan(buyerPage.indexOf("alt=\"Красный\""));
        assertThat(buyerPage).contains("Паспорт").contains("datasheet");

        session.post("/admin/catalog/products/" + f.sku + "/files/" + blueId + "/remove", "_csrf=" + token, null);
        assertThat(files()).containsExactly("DATASHEET Паспорт 0", "IMAGE Красный 1");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefusedAndNothingIsStored() throws IOException {
        String before = f.snapshot(f.sku);
        byte[] text = ("not a pdf at all " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] picture = png(0x00aa00);

        HttpResponse<String> notPdf = upload("DATASHEET", "Паспорт", "passport.pdf", "application/pdf", text);
        assertThat(notPdf.statusCode()).isEqualTo(200);
        assertThat(notPdf.body()).contains("data-testid=\"file-error\"").contains("passport.pdf");
        assertThat(upload("DATASHEET", "Паспорт", "photo.pdf", "application/pdf", picture).body())
                .contains("The file “photo.pdf” is named as another type but is a PNG");
        byte[] pdf = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(upload("IMAGE", "Фото", "scan.pdf", "application/pdf", pdf).body())
                .contains("an image must be a JPEG or PNG");

        assertThat(f.snapshot(f.sku)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from platform.blob where sha256 = encode(sha256(:b), 'hex')")
                .param("b", picture).query(Integer.class).single()).isZero();
    }

    private List<String> files() {
        return jdbc.sql("""
                        select f.kind || ' ' || f.title || ' ' || f.position from catalog.product_file f
                          join catalog.product p on p.id = f.product_id where p.sku = :s order by f.kind, f.position, f.id""")
                .param("s", f.sku).query(String.class).list();
    }

    private long fileId(String title) {
        return jdbc.sql("""
                        select f.id from catalog.product_file f join catalog.product p on p.id = f.product_id
                         where p.sku = :s and f.title = :t""")
                .param("s", f.sku).param("t", title).query(Long.class).single();
    }

    static byte[] png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, rgb + (int) (Math.random() * 3));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
