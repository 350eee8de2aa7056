package io.b2bportal.platform.security;

import io.b2bportal.platform.Role;
import io.b2bportal.support.PortalTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Demo passwords are for demo mode only: outside demo mode, demo accounts cannot sign in; others can. */
@PortalTest
@TestPropertySource(properties = "portal.demo=false")
@Transactional // rolled back: the shared test database must stay empty for the demo seeding of the other tests
class DemoModeOffTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void demoAccountsCannotSignInOutsideDemoMode() throws Exception {
        String demo = account(true);
        String real = account(false);

        mvc.perform(post("/login").param("email", demo).param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(post("/login").param("email", real).param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/admin"));
    }

    private String account(boolean demo) {
        String email = "demo-off-" + UUID.randomUUID() + "@test.local";
        accounts.create(email, "Demo Off", Role.Side.SELLER, Set.of(Role.OPERATIONS), passwordEncoder.encode("demo"), demo);
        return email;
    }
}
