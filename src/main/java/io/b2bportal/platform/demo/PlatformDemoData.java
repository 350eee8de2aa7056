package io.b2bportal.platform.demo;

import io.b2bportal.platform.DemoData;
import io.b2bportal.platform.Role;
import io.b2bportal.platform.security.UserAccounts;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The seller and the demo logins of PRODUCT.md, all with the password {@code demo}. */
@Component
class PlatformDemoData implements DemoData {

    static final String PASSWORD = "demo";

    record DemoAccount(String email, String name, Role.Side side, Set<Role> roles) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@demo.local", "Администратор Портала", Role.Side.SELLER, Set.of(Role.ADMIN)),
            new DemoAccount("head@demo.local", "Ольга Руководова", Role.Side.SELLER, Set.of(Role.SALES_HEAD)),
            new DemoAccount("manager@demo.local", "Иван Менеджеров", Role.Side.SELLER, Set.of(Role.ACCOUNT_MANAGER)),
            new DemoAccount("manager2@demo.local", "Мария Продажина", Role.Side.SELLER, Set.of(Role.ACCOUNT_MANAGER)),
            new DemoAccount("ops@demo.local", "Пётр Складской", Role.Side.SELLER, Set.of(Role.OPERATIONS)),
            new DemoAccount("accountant@demo.local", "Анна Бухгалтерова", Role.Side.SELLER,
                    Set.of(Role.SELLER_ACCOUNTANT)),
            new DemoAccount("catalog@demo.local", "Сергей Каталогов", Role.Side.SELLER, Set.of(Role.CATALOG_MANAGER)),
            new DemoAccount("admin@alpha.demo", "Алексей Альфин", Role.Side.CUSTOMER, Set.of(Role.CUSTOMER_ADMIN)),
            new DemoAccount("buyer@alpha.demo", "Борис Закупкин", Role.Side.CUSTOMER, Set.of(Role.BUYER)),
            new DemoAccount("approver@alpha.demo", "Вера Согласова", Role.Side.CUSTOMER, Set.of(Role.APPROVER)),
            new DemoAccount("accountant@alpha.demo", "Галина Счетова", Role.Side.CUSTOMER, Set.of(Role.ACCOUNTANT)),
            new DemoAccount("buyer@beta.demo", "Дмитрий Бетов", Role.Side.CUSTOMER, Set.of(Role.BUYER)),
            new DemoAccount("buyer@gamma.demo", "Елена Гаммова", Role.Side.CUSTOMER, Set.of(Role.BUYER)));

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;

    PlatformDemoData(UserAccounts accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        jdbc.sql("""
                        insert into platform.seller (name, legal_name, inn, kpp, email, phone, ogrn, legal_address,
                                                     bik, bank_name, settlement_account, correspondent_account)
                        values ('ТехноСнаб', 'ООО «ТехноСнаб»', '7707083893', '770701001', 'sales@demo.local',
                                '+7 495 000-00-00', '1027700132195',
                                '115114, г. Москва, ул. Дербеневская, д. 20, стр. 1', '044525225', 'ПАО Сбербанк',
                                '40702810938000099999', '30101810400000000225')
                        on conflict (id) do nothing""").update();
        // One Argon2 hash for all demo accounts: the password is public anyway, and hashing is slow on purpose.
        String hash = passwordEncoder.encode(PASSWORD);
        for (DemoAccount account : ACCOUNTS) {
            accounts.create(account.email(), account.name(), account.side(), account.roles(), hash, true);
        }
    }
}
