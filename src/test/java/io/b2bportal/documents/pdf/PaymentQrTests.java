package io.b2bportal.documents.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.b2bportal.platform.Seller;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice's payment QR code: the ГОСТ Р 56042-2014 payload, and a PNG that decodes back to exactly it. */
class PaymentQrTests {

    private static final Seller SELLER = new Seller("ТехноСнаб", "ООО «ТехноСнаб»", "7707083893", "770701001",
            "sales@demo.local", null, null, null, "044525225", "ПАО Сбербанк", "40702810938000099999",
            "30101810400000000225");

    @Test
    void thePayloadHasTheStandardFieldsInOrderAndTheSumInKopecks() {
        String payload = PaymentQr.payload(SELLER, "Оплата по счёту № СЧ-2026-00042 от 27.11.2026, в т.ч. НДС 8 114,75",
                new BigDecimal("45000.5"));

        assertThat(payload).isEqualTo("ST00012|Name=ООО «ТехноСнаб»|PersonalAcc=40702810938000099999"
                + "|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=7707083893"
                + "|KPP=770701001|Purpose=Оплата по счёту № СЧ-2026-00042 от 27.11.2026, в т.ч. НДС 8 114,75"
                + "|Sum=4500050");
    }

    @Test
    void aSeparatorInsideAValueCannotEndItEarly() {
        assertThat(PaymentQr.payload(SELLER, "a|b", BigDecimal.ONE)).contains("|Purpose=a b|Sum=100");
    }

    @Test
    void thePngDecodesToThePayload() throws Exception {
        String payload = PaymentQr.payload(SELLER, "Оплата по счёту № СЧ-2026-00001", new BigDecimal("1234.56"));
        String uri = PaymentQr.dataUri(payload);
        assertThat(uri).startsWith("data:image/png;base64,");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();

        assertThat(decoded).isEqualTo(payload);
        assertThat(PaymentQr.dataUri(payload)).as("the same payload, the same image").isEqualTo(uri);
    }
}
