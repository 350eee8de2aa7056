package io.b2bportal.platform;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The roles a portal user can hold. A user is either customer-side or seller-side, never both. */
public enum Role {

    CUSTOMER_ADMIN(Side.CUSTOMER),
    BUYER(Side.CUSTOMER),
    APPROVER(Side.CUSTOMER),
    ACCOUNTANT(Side.CUSTOMER),

    ADMIN(Side.SELLER),
    SALES_HEAD(Side.SELLER),
    ACCOUNT_MANAGER(Side.SELLER),
    OPERATIONS(Side.SELLER),
    SELLER_ACCOUNTANT(Side.SELLER),
    CATALOG_MANAGER(Side.SELLER);

    /** Which side of the trade a role (and so a user) belongs to. */
    public enum Side { CUSTOMER, SELLER }

    private final Side side;

    Role(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Role names of one side, for {@code hasAnyRole(...)}. */
    public static String[] namesOf(Side side) {
        return Arrays.stream(values()).filter(r -> r.side == side).map(Enum::name).toArray(String[]::new);
    }
}
