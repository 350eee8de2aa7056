package io.b2bportal.claims.demo;

import io.b2bportal.claims.claim.ClaimType;
import io.b2bportal.claims.claim.Claims;
import io.b2bportal.claims.claim.NewClaim;
import io.b2bportal.claims.claim.Remedy;
import io.b2bportal.claims.claim.Upload;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.OrderingApi.OrderDocument;
import io.b2bportal.ordering.OrderingApi.ShippedOrder;
import io.b2bportal.platform.DemoData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo claims of Alpha Stroy against its shipped orders (ПЗ-1102, ПЗ-1077, ПЗ-1041), one in every status, each with
 * a generated photo: a new one past its response deadline, one in review, one waiting for the buyer, accepted,
 * partly accepted, rejected with a reason, one resolved by a zero-price replacement order, and a closed one the buyer
 * rated. Beta has one of its own (for isolation). Runs after the orders (610) and documents (700-709).
 */
@Component
class ClaimsDemoData implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsDemoData.class);

    private final Claims claims;
    private final OrderingApi ordering;
    private final CustomersApi customers;
    private final JdbcClient jdbc;

    ClaimsDemoData(Claims claims, OrderingApi ordering, CustomersApi customers, JdbcClient jdbc) {
        this.claims = claims;
        this.ordering = ordering;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long buyer = seeding.accountId("buyer@alpha.demo");
        long ops = seeding.accountId("ops@demo.local");
        long manager = seeding.accountId("manager@demo.local");
        Optional<LegalEntityRef> stroy = customers.actingEntities(buyer).stream()
                .filter(e -> "7704123450".equals(e.inn())).findFirst();
        if (stroy.isEmpty()) {
            return;
        }
        List<ShippedOrder> shipped = ordering.shippedOrders(stroy.get().id(), 50);
        Optional<OrderDocument> o1102 = order(shipped, "ПЗ-1102");
        Optional<OrderDocument> o1077 = order(shipped, "ПЗ-1077");
        Optional<OrderDocument> o1041 = order(shipped, "ПЗ-1041");
        if (o1102.isEmpty() || o1077.isEmpty() || o1041.isEmpty()) {
            LOG.warn("Demo claims skipped: the demo orders ПЗ-1041, ПЗ-1077 and ПЗ-1102 did not ship");
            return;
        }
        long entity = stroy.get().id();

        long newOne = open(entity, buyer, o1102.get(), 1, ClaimType.SHORTAGE, Remedy.REPLACEMENT,
                "В паллете не хватает одной упаковки, пломба цела.", 3, 0);
        claims.assign(newOne, manager, ops);

        long inReview = open(entity, buyer, o1102.get(), 2, ClaimType.DAMAGED_PACKAGING, Remedy.PRICE_REDUCTION,
                "Коробки смяты при разгрузке, товар внутри цел, но без товарного вида.", 2, 1);
        claims.review(inReview, ops);
        claims.assign(inReview, ops, ops);
        claims.note(inReview, ops, "Водитель подтвердил: паллету уронили при перегрузке. Претензия к перевозчику.");

        long waiting = open(entity, buyer, o1077.get(), 1, ClaimType.DEFECT, Remedy.REPAIR,
                "Два изделия с трещиной по корпусу.", 5, 2);
        claims.review(waiting, manager);
        claims.askBuyer(waiting, manager, "Пришлите, пожалуйста, акт приёмки с подписью водителя.");

        long accepted = open(entity, buyer, o1077.get(), 2, ClaimType.WRONG_ITEM, Remedy.REFUND,
                "Вместо заказанного артикула пришёл другой.", 6, 3);
        claims.review(accepted, ops);
        claims.decide(accepted, ops, Claims.Decision.ACCEPTED, null, Map.of());
        claims.startReturn(accepted, ops);

        long partly = open(entity, buyer, o1077.get(), 3, ClaimType.QUALITY_MISMATCH, Remedy.COMPENSATION,
                "Цвет партии не соответствует образцу.", 7, 4, new BigDecimal("15000.00"), new BigDecimal("2"));
        claims.review(partly, manager);
        long partlyLine = line(o1077.get(), 3);
        claims.decide(partly, manager, Claims.Decision.PARTLY_ACCEPTED, "Принимаем одну единицу из двух",
                Map.of(partlyLine, BigDecimal.ONE));

        long rejected = open(entity, buyer, o1041.get(), 1, ClaimType.SURPLUS, Remedy.REFUND, "Пришло больше, чем заказывали.", 20, 5);
        claims.review(rejected, ops);
        claims.decide(rejected, ops, Claims.Decision.REJECTED,
                "Излишка нет: по накладной отгружено ровно заказанное количество.", Map.of());

        long resolved = open(entity, buyer, o1041.get(), 2, ClaimType.SHORTAGE, Remedy.REPLACEMENT,
                "Недовложение: в упаковке меньше, чем указано.", 14, 6);
        claims.review(resolved, ops);
        claims.message(resolved, buyer, false, "Фото вскрытой упаковки приложили.", List.of());
        claims.decide(resolved, ops, Claims.Decision.ACCEPTED, null, Map.of());
        claims.replacement(resolved, ops);

        long closed = open(entity, buyer, o1041.get(), 3, ClaimType.DEFECT, Remedy.REPLACEMENT,
                "Заводской брак: не работает одно изделие.", 30, 7);
        claims.review(closed, ops);
        claims.decide(closed, ops, Claims.Decision.ACCEPTED, null, Map.of());
        claims.replacement(closed, ops);
        claims.close(closed, ops);
        claims.rate(closed, buyer, 5, "Быстро заменили, спасибо.");

        backdate(newOne, 3);
        backdate(inReview, 2);
        backdate(waiting, 5);
        backdate(accepted, 6);
        backdate(partly, 7);
        backdate(rejected, 20);
        backdate(resolved, 14);
        backdate(closed, 30);

        long betaBuyer = seeding.accountId("buyer@beta.demo");
        customers.actingEntities(betaBuyer).stream().filter(e -> "5027123457".equals(e.inn())).findFirst()
                .flatMap(beta -> order(ordering.shippedOrders(beta.id(), 10), "B-77")
                        .map(o -> open(beta.id(), betaBuyer, o, 1, ClaimType.DEFECT, Remedy.REPLACEMENT,
                                "Резьба сорвана у части крепежа.", 1, 8)));
    }

    private Optional<OrderDocument> order(List<ShippedOrder> shipped, String poNumber) {
        return shipped.stream().filter(o -> poNumber.equals(o.poNumber())).findFirst()
                .flatMap(o -> ordering.order(o.id()));
    }

    private long open(long entity, long buyer, OrderDocument order, int lineNo, ClaimType type, Remedy remedy,
            String description, int daysAgo, int photo) {
        return open(entity, buyer, order, lineNo, type, remedy, description, daysAgo, photo, null, BigDecimal.ONE);
    }

    private long open(long entity, long buyer, OrderDocument order, int lineNo, ClaimType type, Remedy remedy,
            String description, int daysAgo, int photo, BigDecimal compensation, BigDecimal quantity) {
        BigDecimal shipped = order.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .map(OrderingApi.Line::shipped).orElse(BigDecimal.ONE);
        return claims.open(entity, buyer, new NewClaim(order.id(), type, remedy, compensation, description,
                Map.of(lineNo, quantity.min(shipped)), List.of(new Upload("PHOTO", "фото-" + (photo + 1) + ".png",
                        photo(photo)))));
    }

    private static long line(OrderDocument order, int lineNo) {
        return order.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow().id();
    }

    /** The claim and its history as if it happened {@code days} ago (its SLA moves with it). */
    private void backdate(long claimId, int days) {
        jdbc.sql("""
                        update claims.claim set created_at = created_at - make_interval(days => :days),
                               response_due = response_due - make_interval(days => :days),
                               resolution_due = resolution_due - make_interval(days => :days),
                               responded_at = responded_at - make_interval(days => :days) + interval '3 hours',
                               resolved_at = resolved_at - make_interval(days => :days) + interval '2 days',
                               closed_at = closed_at - make_interval(days => :days) + interval '3 days',
                               rated_at = rated_at - make_interval(days => :days) + interval '3 days',
                               updated_at = updated_at - make_interval(days => :days) + interval '3 days'
                         where id = :id""")
                .param("id", claimId).param("days", days).update();
        jdbc.sql("""
                        update claims.claim_event e
                           set at = e.at - make_interval(days => :days) + (e.id - first.id) * interval '5 hours'
                          from (select min(id) as id from claims.claim_event where claim_id = :id) first
                         where e.claim_id = :id""")
                .param("id", claimId).param("days", days).update();
        jdbc.sql("""
                        update claims.message m
                           set at = m.at - make_interval(days => :days) + interval '4 hours'
                         where m.claim_id = :id""")
                .param("id", claimId).param("days", days).update();
        jdbc.sql("""
                        update claims.claim_file f set uploaded_at = f.uploaded_at - make_interval(days => :days)
                         where f.claim_id = :id""")
                .param("id", claimId).param("days", days).update();
    }

    /** A small generated "photo": a box on a shelf with a crack, in a colour of its own, as PNG. */
    static byte[] photo(int variant) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = (variant * 0.13f) % 1f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.15f, 0.95f), 320, 240,
                    Color.getHSBColor(hue, 0.35f, 0.7f)));
            g.fillRect(0, 0, 320, 240);
            g.setColor(new Color(0xC8A46E));
            g.fillRect(70, 60, 180, 130);
            g.setColor(new Color(0x8C6A3C));
            g.setStroke(new BasicStroke(3));
            g.drawRect(70, 60, 180, 130);
            g.drawLine(70, 100, 250, 100);
            g.setColor(new Color(0xB3261E));
            g.setStroke(new BasicStroke(4));
            int x = 110 + variant * 12;
            g.drawPolyline(new int[] {x, x + 20, x + 8, x + 34, x + 22}, new int[] {60, 95, 120, 150, 190}, 5);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
