package io.b2bportal.documents.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.b2bportal.platform.Seller;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.imageio.ImageIO;

/**
 * The payment QR code of an invoice in the format of ГОСТ Р 56042-2014 that Russian banking apps read: the header
 * {@code ST00012} (format ST, version 0001, encoding 2 = UTF-8), then {@code key=value} pairs separated by {@code |}:
 * the payee's name, account, bank, BIC, correspondent account, INN, KPP, the purpose and the sum in kopecks.
 * ZXing encodes it; the PNG is drawn here (ZXing's own image writer lives in a separate artifact) and embedded in the
 * PDF as a data URI.
 */
public final class PaymentQr {

    private static final int MODULE_PIXELS = 4;

    private PaymentQr() {
    }

    /** The payload; {@code |} inside a value would end it early, so it becomes a space. */
    public static String payload(Seller payee, String purpose, BigDecimal amount) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Name", payee.legalName());
        fields.put("PersonalAcc", payee.settlementAccount());
        fields.put("BankName", payee.bankName());
        fields.put("BIC", payee.bik());
        fields.put("CorrespAcc", payee.correspondentAccount());
        fields.put("PayeeINN", payee.inn());
        fields.put("KPP", payee.kpp());
        fields.put("Purpose", purpose);
        fields.put("Sum", amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).toPlainString());
        StringJoiner out = new StringJoiner("|");
        out.add("ST00012");
        fields.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                out.add(key + "=" + value.replace('|', ' ').strip());
            }
        });
        return out.toString();
    }

    /** The payload as a QR code: a PNG data URI ({@code data:image/png;base64,…}). */
    public static String dataUri(String payload) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(payload));
    }

    static byte[] png(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION,
                            ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int size = matrix.getWidth() * MODULE_PIXELS;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / MODULE_PIXELS, y / MODULE_PIXELS) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the payment QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
