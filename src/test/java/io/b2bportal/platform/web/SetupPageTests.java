package io.b2bportal.platform.web;

import io.b2bportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The one-time setup page: there while no administrator exists, gone once one does. */
@PortalTest
@Transactional
class SetupPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void isGoneWhileAnAdministratorExists() throws Exception {
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(csrf()).param("email", "x@y.z").param("displayName", "X")
                .param("password", "long enough password").param("passwordConfirmation", "long enough password"))
                .andExpect(status().isNotFound());
    }

    @Test
    void createsTheFirstAdministratorOnceAndThenDisappears() throws Exception {
        jdbc.sql("update platform.user_account set enabled = false where 'ADMIN' = any (roles)").update();

        mvc.perform(get("/setup").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Create the first administrator")));
        mvc.perform(post("/setup").with(csrf()).param("email", "Owner@Example.com").param("displayName", "Owner")
                .param("password", "long enough password").param("passwordConfirmation", "long enough password"))
                .andExpect(redirectedUrl("/login?setup"));

        assertThat(jdbc.sql("select roles[1] from platform.user_account where email = 'owner@example.com'")
                .query(String.class).single()).isEqualTo("ADMIN");
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
    }

    @Test
    void refusesAShortOrMismatchedPasswordAndCreatesNothing() throws Exception {
        jdbc.sql("update platform.user_account set enabled = false where 'ADMIN' = any (roles)").update();

        mvc.perform(post("/setup").with(csrf()).header("Accept-Language", "en").param("email", "owner@example.com")
                        .param("displayName", "Owner").param("password", "short").param("passwordConfirmation", "other"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The passwords do not match.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("between 12 and 200")));

        assertThat(jdbc.sql("select count(*) from platform.user_account where email = 'owner@example.com'")
                .query(Long.class).single()).isZero();
    }
}
