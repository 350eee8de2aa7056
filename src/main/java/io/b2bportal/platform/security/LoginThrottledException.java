package io.b2bportal.platform.security;

import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins for this account or address; says for how long. */
class LoginThrottledException extends LockedException {

    private final long minutes;

    LoginThrottledException(long minutes) {
        super("Too many failed sign-in attempts; try again in " + minutes + " minutes");
        this.minutes = minutes;
    }

    long minutes() {
        return minutes;
    }
}
