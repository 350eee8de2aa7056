package io.b2bportal.ordering.cart;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named carts of a buyer per legal entity: create, rename, duplicate, delete, choose the current one, share with a
 * colleague. Every query names the acting legal entity and the user, so a cart of someone else is never found: another
 * company's, another legal entity's, a colleague's not shared with this user (all 404). Only the owner renames,
 * deletes or shares a cart; whoever it is shared with may change its lines.
 */
@Service
public class Carts {

    /** A cart the buyer may see: theirs or shared with them, of the acting legal entity (staff viewing as: all). */
    static final String READABLE = """
            c.legal_entity_id = :entity and c.status = 'OPEN'
            and (:viewAs or c.owner_id = :user
                 or exists (select 1 from ordering.cart_share s where s.cart_id = c.id and s.user_id = :user))""";

    private static final String SUMMARY = """
            select c.id, c.name, c.owner_id, o.display_name as owner_name, c.owner_id = :user as mine,
                   (select count(*) from ordering.cart_line l where l.cart_id = c.id) as lines, c.updated_at,
                   exists (select 1 from ordering.current_cart cc
                            where cc.user_id = :user and cc.legal_entity_id = :entity and cc.cart_id = c.id) as current,
                   coalesce((select array_agg(u.display_name order by u.display_name)
                               from ordering.cart_share s join platform.user_account u on u.id = s.user_id
                              where s.cart_id = c.id), '{}') as shared_with
              from ordering.cart c
              join platform.user_account o on o.id = c.owner_id
            """;

    private final JdbcClient jdbc;
    private final PlatformApi platform;
    private final CustomersApi customers;

    Carts(JdbcClient jdbc, PlatformApi platform, CustomersApi customers) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.customers = customers;
    }

    /** The buyer's own carts first, then those shared with them, most recently changed first. */
    @Transactional(readOnly = true)
    public List<CartSummary> list(Buyer buyer) {
        return jdbc.sql(SUMMARY + " where " + READABLE + " order by c.owner_id = :user desc, c.updated_at desc, c.id desc")
                .params(params(buyer)).query(Carts::summary).list();
    }

    @Transactional(readOnly = true)
    public CartSummary get(Buyer buyer, long cartId) {
        return find(buyer, cartId).orElseThrow(() -> DomainException.notFound("cart", cartId));
    }

    Optional<CartSummary> find(Buyer buyer, long cartId) {
        return jdbc.sql(SUMMARY + " where c.id = :id and " + READABLE).params(params(buyer)).param("id", cartId)
                .query(Carts::summary).optional();
    }

    /**
     * The cart the buyer adds to: the one they chose, else the one they changed last; on first use a cart with the
     * given name is created. Staff viewing as the customer get the entity's last changed cart, never a new one.
     */
    @Transactional
    public Optional<CartSummary> current(Buyer buyer, String defaultName) {
        Optional<CartSummary> chosen = currentIfAny(buyer);
        if (chosen.isPresent() || buyer.viewAs()) {
            return chosen;
        }
        long id = jdbc.sql("""
                        insert into ordering.cart (legal_entity_id, owner_id, name, updated_by)
                        values (:entity, :user, :name, :user)
                        on conflict (owner_id, legal_entity_id, lower(name)) where status = 'OPEN' do nothing
                        returning id""")
                .params(params(buyer)).param("name", defaultName).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                select id from ordering.cart
                                 where owner_id = :user and legal_entity_id = :entity and lower(name) = lower(:name)
                                   and status = 'OPEN'""")
                        .params(params(buyer)).param("name", defaultName).query(Long.class).single());
        select(buyer, id);
        return find(buyer, id);
    }

    /** The current cart without creating one (the header shows it on every page). */
    @Transactional(readOnly = true)
    public Optional<CartSummary> currentIfAny(Buyer buyer) {
        Optional<CartSummary> chosen = jdbc.sql(SUMMARY + """
                         join ordering.current_cart cc on cc.cart_id = c.id
                                                      and cc.user_id = :user and cc.legal_entity_id = :entity
                        where""" + " " + READABLE)
                .params(params(buyer)).query(Carts::summary).optional();
        if (chosen.isPresent()) {
            return chosen;
        }
        return jdbc.sql(SUMMARY + " where " + READABLE + " order by c.owner_id = :user desc, c.updated_at desc limit 1")
                .params(params(buyer)).query(Carts::summary).optional();
    }

    /** Makes a cart the buyer may see their current one. */
    @Transactional
    public void select(Buyer buyer, long cartId) {
        requireWritable(buyer, cartId);
        jdbc.sql("""
                        insert into ordering.current_cart (user_id, legal_entity_id, cart_id) values (:user, :entity, :id)
                        on conflict (user_id, legal_entity_id) do update set cart_id = excluded.cart_id""")
                .params(params(buyer)).param("id", cartId).update();
    }

    @Transactional
    public long create(Buyer buyer, String name) {
        refuseViewAs(buyer);
        String valid = validName(name);
        try {
            return jdbc.sql("""
                            insert into ordering.cart (legal_entity_id, owner_id, name, updated_by)
                            values (:entity, :user, :name, :user) returning id""")
                    .params(params(buyer)).param("name", valid).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("cart-name-taken", "ordering.cart.name.taken", valid);
        }
    }

    @Transactional
    public void rename(Buyer buyer, long cartId, String name) {
        requireOwner(buyer, cartId);
        String valid = validName(name);
        try {
            jdbc.sql("update ordering.cart set name = :name, updated_at = now(), updated_by = :user where id = :id")
                    .params(params(buyer)).param("id", cartId).param("name", valid).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("cart-name-taken", "ordering.cart.name.taken", valid);
        }
    }

    /** Deletes the cart with its lines, history and shares; whoever had it as current falls back to another. */
    @Transactional
    public void delete(Buyer buyer, long cartId) {
        requireOwner(buyer, cartId);
        jdbc.sql("delete from ordering.cart where id = :id").param("id", cartId).update();
    }

    /** A new cart of the buyer's with the same lines (the history of the copy starts with them). */
    @Transactional
    public long duplicate(Buyer buyer, long cartId, String name) {
        CartSummary source = get(buyer, cartId);
        long copy = create(buyer, name);
        CartLines.upsert(jdbc, buyer, copy, """
                        select product_id, quantity, backorder from ordering.cart_line where cart_id = :from""",
                Map.of("from", cartId), Source.DUPLICATE, source.name());
        return copy;
    }

    /** Who the cart is shared with. */
    @Transactional(readOnly = true)
    public List<Share> shares(Buyer buyer, long cartId) {
        get(buyer, cartId);
        return jdbc.sql("""
                        select u.id as user_id, u.display_name, u.email, s.shared_at
                          from ordering.cart_share s join platform.user_account u on u.id = s.user_id
                         where s.cart_id = :id order by u.display_name""")
                .param("id", cartId).query(Share.class).list();
    }

    /** A colleague the cart is shared with. */
    public record Share(long userId, String displayName, String email, java.time.OffsetDateTime sharedAt) {
    }

    /**
     * Shares the cart with a colleague, named by e-mail, who acts for the same legal entity and may order. Anyone
     * else gets the same refusal, whether the address exists or not.
     */
    @Transactional
    public void share(Buyer buyer, long cartId, String email) {
        requireOwner(buyer, cartId);
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        long colleague = platform.accountId(address)
                .filter(id -> id != buyer.userId())
                .filter(id -> platform.account(id).filter(PortalUser::isEnabled).filter(u -> !u.isStaff())
                        .filter(BuyerContext::mayOrder).isPresent())
                .filter(id -> customers.actingEntities(id).stream()
                        .anyMatch(entity -> entity.id() == buyer.legalEntityId()))
                .orElseThrow(() -> DomainException.invalid("not-a-colleague", "ordering.share.not-a-colleague",
                        address));
        jdbc.sql("""
                        insert into ordering.cart_share (cart_id, user_id, shared_by) values (:id, :colleague, :user)
                        on conflict do nothing""")
                .params(params(buyer)).param("id", cartId).param("colleague", colleague).update();
    }

    @Transactional
    public void unshare(Buyer buyer, long cartId, long colleague) {
        requireOwner(buyer, cartId);
        jdbc.sql("delete from ordering.cart_share where cart_id = :id and user_id = :colleague")
                .param("id", cartId).param("colleague", colleague).update();
    }

    /** The cart, if the buyer may change its lines (and locked against deletion until the transaction ends). */
    public CartSummary requireWritable(Buyer buyer, long cartId) {
        refuseViewAs(buyer);
        CartSummary cart = get(buyer, cartId);
        jdbc.sql("select id from ordering.cart where id = :id for share").param("id", cartId).query(Long.class).single();
        return cart;
    }

    private void requireOwner(Buyer buyer, long cartId) {
        CartSummary cart = requireWritable(buyer, cartId);
        if (!cart.mine()) {
            throw new DomainException(403, "cart-not-yours", "ordering.cart.not-owner", cart.name());
        }
    }

    static void refuseViewAs(Buyer buyer) {
        if (buyer.viewAs()) {
            throw new DomainException(403, "view-as", "ordering.cart.view-as");
        }
    }

    static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw DomainException.invalid("cart-name", "ordering.cart.name.blank");
        }
        if (stripped.length() > 100) {
            throw DomainException.invalid("cart-name", "ordering.cart.name.long", 100);
        }
        return stripped;
    }

    static Map<String, Object> params(Buyer buyer) {
        return Map.of("user", buyer.userId(), "entity", buyer.legalEntityId(), "viewAs", buyer.viewAs());
    }

    private static CartSummary summary(ResultSet rs, int row) throws SQLException {
        return new CartSummary(rs.getLong("id"), rs.getString("name"), rs.getLong("owner_id"),
                rs.getString("owner_name"), rs.getBoolean("mine"), rs.getInt("lines"),
                rs.getObject("updated_at", java.time.OffsetDateTime.class), rs.getBoolean("current"),
                Arrays.asList((String[]) rs.getArray("shared_with").getArray()));
    }
}
