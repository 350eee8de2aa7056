package io.b2bportal.customers.requisites;

/**
 * The control-digit algorithms of Russian registration and bank numbers. Every method takes a string
 * of ASCII digits of the right length; callers check that first.
 */
final class Checksums {

    private static final int[] INN_10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN_12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN_12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ACCOUNT_KEY = {7, 1, 3};

    private Checksums() {
    }

    /** FNS order on the INN: weighted sum mod 11, then mod 10 (a remainder of 10 becomes 0). */
    static boolean innOfOrganisation(String inn) {
        return innControlDigit(inn, INN_10) == digit(inn, 9);
    }

    /** A personal INN has two control digits; the second one also covers the first. */
    static boolean innOfPerson(String inn) {
        return innControlDigit(inn, INN_12_FIRST) == digit(inn, 10)
                && innControlDigit(inn, INN_12_SECOND) == digit(inn, 11);
    }

    /** OGRN (13 digits): the first 12 as a number, mod 11, mod 10. */
    static boolean ogrn(String ogrn) {
        return Long.parseLong(ogrn.substring(0, 12)) % 11 % 10 == digit(ogrn, 12);
    }

    /** OGRNIP (15 digits): the first 14 as a number, mod 13, mod 10. */
    static boolean ogrnip(String ogrnip) {
        return Long.parseLong(ogrnip.substring(0, 14)) % 13 % 10 == digit(ogrnip, 14);
    }

    /**
     * Bank of Russia's control key (order No. 515 of 08.09.1997): the 3-digit number of the bank (or
     * of the Bank of Russia unit) followed by the 20-digit account, weighted 7,1,3 repeating; the
     * weighted sum must end in 0. The weights are coprime with 10, so any single mistyped digit of
     * the account or of those three BIK digits is caught.
     */
    static boolean accountKey(String bankNumber, String account) {
        String digits = bankNumber + account;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digit(digits, i) * ACCOUNT_KEY[i % ACCOUNT_KEY.length];
        }
        return sum % 10 == 0;
    }

    /** A client account is keyed with the bank's own number: the last three digits of its BIK. */
    static boolean settlementAccount(String account, String bik) {
        return accountKey(bik.substring(6, 9), account);
    }

    /**
     * A correspondent account is held at a Bank of Russia unit, so it is keyed with that unit's
     * number: "0" and the 5th and 6th digits of the BIK (order No. 515, example 1).
     */
    static boolean correspondentAccount(String account, String bik) {
        return accountKey("0" + bik.substring(4, 6), account);
    }

    private static int innControlDigit(String inn, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(inn, i) * weights[i];
        }
        return sum % 11 % 10;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
