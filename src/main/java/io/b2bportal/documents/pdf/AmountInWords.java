package io.b2bportal.documents.pdf;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * An amount of roubles in words, as an invoice prints it: "Сорок пять тысяч рублей 00 копеек". ICU4J spells the
 * number (masculine, for рубль: "один", "два"; thousands feminine: "одна тысяча", "две тысячи") and its plural rules
 * choose рубль / рубля / рублей and копейка / копейки / копеек. Kopecks are printed as two digits, as Russian
 * documents do. English: "Forty-five thousand roubles 00 kopecks".
 */
public final class AmountInWords {

    private static final ULocale RU = new ULocale("ru");

    private AmountInWords() {
    }

    /** The amount (rounded HALF_UP to kopecks) in words in the locale's language (Russian unless English). */
    public static String of(BigDecimal amount, Locale locale) {
        return "en".equals(locale.getLanguage()) ? english(amount) : russian(amount);
    }

    public static String russian(BigDecimal amount) {
        BigDecimal kopecks = amount.setScale(2, RoundingMode.HALF_UP);
        long roubles = kopecks.abs().longValue();
        int cents = kopecks.abs().remainder(BigDecimal.ONE).movePointRight(2).intValue();
        RuleBasedNumberFormat spell = new RuleBasedNumberFormat(RU, RuleBasedNumberFormat.SPELLOUT);
        PluralRules plural = PluralRules.forLocale(RU);
        String words = spell.format(roubles, "%spellout-cardinal-masculine");
        String rouble = switch (plural.select(roubles)) {
            case "one" -> "рубль";
            case "few" -> "рубля";
            default -> "рублей";
        };
        String kopeck = switch (plural.select(cents)) {
            case "one" -> "копейка";
            case "few" -> "копейки";
            default -> "копеек";
        };
        String text = words + " " + rouble + " " + "%02d".formatted(cents) + " " + kopeck;
        return kopecks.signum() < 0 ? "Минус " + text : capitalise(text);
    }

    public static String english(BigDecimal amount) {
        BigDecimal kopecks = amount.setScale(2, RoundingMode.HALF_UP);
        long roubles = kopecks.abs().longValue();
        int cents = kopecks.abs().remainder(BigDecimal.ONE).movePointRight(2).intValue();
        String words = new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT)
                .format(roubles, "%spellout-cardinal");
        String text = capitalise(words) + (roubles == 1 ? " rouble " : " roubles ") + "%02d".formatted(cents)
                + (cents == 1 ? " kopeck" : " kopecks");
        return kopecks.signum() < 0 ? "Minus " + text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1)
                : text;
    }

    private static String capitalise(String words) {
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
