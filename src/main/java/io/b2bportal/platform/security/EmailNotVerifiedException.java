package io.b2bportal.platform.security;

import org.springframework.security.authentication.AccountStatusException;

/** The password was right, but the account's e-mail address is not confirmed yet. */
class EmailNotVerifiedException extends AccountStatusException {

    EmailNotVerifiedException() {
        super("E-mail address not confirmed");
    }
}
