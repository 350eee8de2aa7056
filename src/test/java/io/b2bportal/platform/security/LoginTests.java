package io.b2bportal.platform.security;

import io.b2bportal.platform.Role;
import io.b2bportal.support.PortalTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The login form: who lands where, and how password guessing is slowed down per account and per address. */
@PortalTest
class LoginTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void staffLandInTheBackOfficeAndBuyersInThePortal() throws Exception {
        mvc.perform(login("admin@demo.local", "demo", "192.0.2.1")).andExpect(redirectedUrl("/admin"));
        mvc.perform(login("buyer@alpha.demo", "demo", "192.0.2.1")).andExpect(redirectedUrl("/"));
    }

    @Test
    void emailIsCaseInsensitive() throws Exception {
        mvc.perform(login("  Buyer@Alpha.DEMO ", "demo", "192.0.2.1")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordSendsBackToTheFormWithAReason() throws Exception {
        mvc.perform(login("buyer@alpha.demo", "wrong", "192.0.2.2")).andExpect(redirectedUrl("/login?error=credentials"));
        mvc.perform(login("nobody@nowhere.test", "demo", "192.0.2.2")).andExpect(redirectedUrl("/login?error=credentials"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        String email = newAccount("correct horse battery");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(email, "guess-" + i, "198.51.100." + i)).andExpect(redirectedUrl("/login?error=credentials"));
        }

        String target = mvc.perform(login(email, "correct horse battery", "198.51.100.99"))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(target).startsWith("/login?error=throttled&minutes=");
        assertThat(Integer.parseInt(target.substring(target.indexOf("minutes=") + 8))).isBetween(14, 15);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailuresOfTheAccount() throws Exception {
        String email = newAccount("correct horse battery");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(login(email, "guess", "203.0.113.50"));
            }
            mvc.perform(login(email, "correct horse battery", "203.0.113.50")).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedOut() throws Exception {
        String address = "203.0.113." + (100 + (int) (Math.random() * 100));
        for (int i = 0; i < 20; i++) {
            mvc.perform(login("spray-" + i + "@nowhere.test", "123456", address));
        }

        mvc.perform(login("buyer@alpha.demo", "demo", address))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .startsWith("/login?error=throttled"));
        mvc.perform(login("buyer@alpha.demo", "demo", "192.0.2.77")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aDeactivatedAccountIsToldSo() throws Exception {
        String email = newAccount("correct horse battery");
        accounts.setEnabled(accounts.idByEmail(email).orElseThrow(), false);

        mvc.perform(login(email, "correct horse battery", "192.0.2.3")).andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void theLoginFormRefusesAPostWithoutCsrfToken() throws Exception {
        mvc.perform(post("/login").param("email", "buyer@alpha.demo").param("password", "demo"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        String email = newAccount("correct horse battery");
        var account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.user().getPassword()).startsWith("{argon2}$argon2id$");
    }

    private String newAccount(String password) {
        String email = "login-" + UUID.randomUUID() + "@test.local";
        accounts.create(email, "Login Test", Role.Side.CUSTOMER, Set.of(Role.BUYER), passwordEncoder.encode(password),
                false);
        return email;
    }

    private static MockHttpServletRequestBuilder login(String email, String password, String address) {
        return post("/login").param("email", email).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
