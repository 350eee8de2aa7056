package io.b2bportal.ordering.order;

import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent checkout: an {@code Idempotency-Key} (or a checkout form's one-time token) is stored with a hash of the
 * request in the same transaction as the orders. The same key again with the same request gets the same orders;
 * with another request it is refused. Two submissions with one key at the same moment: the second waits on the
 * first's key row, then finds it. A refused checkout rolls its key back with everything else, so it may be retried.
 */
@Service
public class Submissions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Checkout checkout;

    Submissions(JdbcClient jdbc, Checkout checkout) {
        this.jdbc = jdbc;
        this.checkout = checkout;
    }

    /** The orders of a submission, and whether they were placed by an earlier one with the same key. */
    public record Placed(List<Long> orderIds, boolean replayed) {
    }

    @Transactional
    public Placed place(Placer placer, CheckoutRequest request, String key) {
        if (key == null) {
            return new Placed(checkout.place(placer, request), false);
        }
        String trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw DomainException.invalid("bad-idempotency-key", "orders.idempotency.bad-key", 200);
        }
        String hash = Hashes.sha256Hex((placer.legalEntityId() + "|" + placer.channel() + "|"
                + JSON.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
        int inserted = jdbc.sql("""
                        insert into ordering.idempotency_key (user_id, key, request_hash) values (:user, :key, :hash)
                        on conflict do nothing""")
                .param("user", placer.userId()).param("key", trimmed).param("hash", hash).update();
        if (inserted == 0) {
            record Stored(String requestHash, Long[] orderIds) {
            }
            Stored stored = jdbc.sql("""
                            select request_hash, order_ids from ordering.idempotency_key
                             where user_id = :user and key = :key""")
                    .param("user", placer.userId()).param("key", trimmed)
                    .query((rs, n) -> new Stored(rs.getString(1), (Long[]) rs.getArray(2).getArray())).single();
            if (!stored.requestHash().equals(hash)) {
                throw DomainException.invalid("idempotency-key-reused", "orders.idempotency.reused");
            }
            return new Placed(Arrays.asList(stored.orderIds()), true);
        }
        List<Long> ids = checkout.place(placer, request);
        jdbc.sql("update ordering.idempotency_key set order_ids = cast(:ids as bigint[]) where user_id = :user and key = :key")
                .param("ids", ids.toArray(Long[]::new)).param("user", placer.userId()).param("key", trimmed).update();
        return new Placed(ids, false);
    }
}
