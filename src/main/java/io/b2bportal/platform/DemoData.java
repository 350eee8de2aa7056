package io.b2bportal.platform;

/**
 * A module's share of the demo data. The platform runs every contribution once, in {@link #order()},
 * inside one transaction, the first time the portal starts on an empty database in demo mode. Modules
 * implement this as a Spring bean, so the platform never has to know them.
 */
public interface DemoData {

    /** Lower runs first: accounts (0) before customers (100) before catalog (200) and so on. */
    int order();

    void seed(DemoSeeding seeding);

    /** What a contribution may use: the accounts created so far, and a stable random source. */
    interface DemoSeeding {

        /** The id of an account created earlier in this seeding (by its e-mail). */
        long accountId(String email);

        java.util.random.RandomGenerator random();
    }
}
