package io.b2bportal.payments.online;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in sandbox provider: it stands for an outside acquiring service, so the whole online flow can be shown and
 * tested without one. Its payer page ({@code /sandbox/pay/{token}}) shows what is to be paid with "Pay", "Decline"
 * and "Time out"; pay and decline call the portal's webhook over HTTP with a JSON body signed by HMAC-SHA256 (header
 * {@value #SIGNATURE_HEADER}, hex), exactly as a real provider would; time out calls nothing.
 */
@Component
public class SandboxProvider implements PaymentProvider {

    public static final String NAME = "sandbox";
    public static final String SIGNATURE_HEADER = "X-Sandbox-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxProvider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxProvider(JdbcClient jdbc, @Value("${portal.payments.sandbox.secret}") String secret) {
        this.jdbc = jdbc;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Started start(StartRequest request) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbc.sql("""
                        insert into payments.sandbox_payment (token, amount, currency, description, callback_url,
                                                              return_url)
                        values (:token, :amount, :currency, :description, :callback, :return)""")
                .param("token", token).param("amount", request.amount()).param("currency", request.currency())
                .param("description", request.description()).param("callback", request.callbackUrl())
                .param("return", request.returnUrl()).update();
        return new Started(token, "/sandbox/pay/" + token);
    }

    @Override
    public Callback verify(byte[] body, Map<String, String> headers) {
        String signature = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(SIGNATURE_HEADER))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new ForgedCallbackException("no signature"));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new ForgedCallbackException("signature is not hex");
        }
        if (!MessageDigest.isEqual(sign(body), given)) {
            throw new ForgedCallbackException("signature does not match");
        }
        try {
            JsonNode json = JSON.readTree(body);
            return new Callback(json.get("token").asString(), Outcome.valueOf(json.get("status").asString()),
                    new BigDecimal(json.get("amount").asString()), json.get("currency").asString());
        } catch (RuntimeException e) {
            throw new ForgedCallbackException("unreadable body");
        }
    }

    @Override
    public Outcome status(String providerRef) {
        return page(providerRef).map(p -> switch (p.state()) {
            case "SUCCEEDED" -> Outcome.SUCCEEDED;
            case "DECLINED" -> Outcome.DECLINED;
            default -> Outcome.PENDING;
        }).orElse(Outcome.PENDING);
    }

    /** What the sandbox's payer page shows. */
    public record SandboxPayment(String token, BigDecimal amount, String currency, String description,
            String callbackUrl, String returnUrl, String state) {
    }

    public Optional<SandboxPayment> page(String token) {
        return jdbc.sql("""
                        select token, amount, currency, description, callback_url, return_url, state
                          from payments.sandbox_payment where token = :token""")
                .param("token", token).query(SandboxPayment.class).optional();
    }

    /**
     * The payer pressed a button on the sandbox page: the sandbox records it once (a second press changes nothing)
     * and, unless it times out, calls the portal back. Returns where to send the payer.
     */
    public Optional<String> act(String token, String action) {
        String state = switch (action) {
            case "pay" -> "SUCCEEDED";
            case "decline" -> "DECLINED";
            case "timeout" -> "TIMED_OUT";
            default -> null;
        };
        if (state == null) {
            return Optional.empty();
        }
        Optional<SandboxPayment> payment = jdbc.sql("""
                        update payments.sandbox_payment set state = :state where token = :token and state = 'NEW'
                        returning token, amount, currency, description, callback_url, return_url, state""")
                .param("state", state).param("token", token).query(SandboxPayment.class).optional();
        payment.filter(p -> !"TIMED_OUT".equals(p.state())).ifPresent(this::callBack);
        return page(token).map(SandboxPayment::returnUrl);
    }

    /**
     * The payer paid (or declined) without the page: the sandbox records it and hands back the signed callback
     * (body and headers) instead of sending it. The demo data uses it, as the server is not listening yet.
     */
    public Optional<SignedCallback> decideQuietly(String token, boolean pay) {
        return jdbc.sql("""
                        update payments.sandbox_payment set state = :state where token = :token and state = 'NEW'
                        returning token, amount, currency, description, callback_url, return_url, state""")
                .param("state", pay ? "SUCCEEDED" : "DECLINED").param("token", token)
                .query(SandboxPayment.class).optional()
                .map(p -> {
                    byte[] body = callbackBody(p.token(), p.state(), p.amount(), p.currency());
                    return new SignedCallback(body, Map.of(SIGNATURE_HEADER, signature(body)));
                });
    }

    /** A callback as the sandbox would send it. */
    public record SignedCallback(byte[] body, Map<String, String> headers) {
    }

    /** The signed callback body, as the webhook receives it (tests forge and replay it). */
    public byte[] callbackBody(String token, String status, BigDecimal amount, String currency) {
        return JSON.writeValueAsBytes(Map.of("token", token, "status", status,
                "amount", amount.setScale(2).toPlainString(), "currency", currency));
    }

    public String signature(byte[] body) {
        return HexFormat.of().formatHex(sign(body));
    }

    private void callBack(SandboxPayment p) {
        byte[] body = callbackBody(p.token(), p.state(), p.amount(), p.currency());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(p.callbackUrl()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, signature(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            LOG.info("Sandbox callback for {}: {}", p.token(), response.statusCode());
        } catch (java.io.IOException e) {
            LOG.warn("Sandbox callback for {} failed: {}", p.token(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
