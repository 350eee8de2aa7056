package io.b2bportal.pricing.admin.web;

import io.b2bportal.pricing.admin.Decimals;
import io.b2bportal.pricing.admin.Issues;
import io.b2bportal.pricing.admin.Promotions.Definition;
import io.b2bportal.pricing.admin.Promotions.Effect;
import io.b2bportal.pricing.admin.Promotions.Named;
import io.b2bportal.pricing.admin.Promotions.Target;
import io.b2bportal.pricing.admin.Promotions.View;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A promotion as typed on its page. Times are the seller's (Moscow) wall-clock time; SKUs and brands are lists typed
 * one per line (or separated by commas), categories and groups are picked.
 */
public record PromotionForm(String name, String nameEn, String startsAt, String endsAt, String target, List<String> groupIds,
        List<String> companyIds, String skus, List<String> categories, String brands, String effect, String value,
        String minLineQty, String minOrderAmount, String priority, String stacksWithContract, String active) {

    static final ZoneId SELLER_ZONE = ZoneId.of("Europe/Moscow");
    private static final Pattern SKU_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern LINES = Pattern.compile("[\\n,;]+");

    static PromotionForm blank() {
        LocalDate tomorrow = LocalDate.now(SELLER_ZONE).plusDays(1);
        return new PromotionForm("", "", tomorrow.atStartOfDay().toString(),
                tomorrow.plusDays(14).atStartOfDay().toString(), "EVERYONE", List.of(), List.of(), "", List.of(), "",
                "PERCENT_OFF", "", "", "", "0", null, "true");
    }

    static PromotionForm of(View p) {
        Locale locale = LocaleContextHolder.getLocale();
        return new PromotionForm(p.name(), p.nameEn() == null ? "" : p.nameEn(), local(p.startsAt()),
                local(p.endsAt()), p.target().name(), p.groups().stream().map(g -> String.valueOf(g.id())).toList(),
                p.companies().stream().map(c -> String.valueOf(c.id())).toList(), String.join("\n", p.skus()),
                p.categories().stream().map(Named::code).toList(), String.join("\n", p.brands()), p.effect().name(),
                Decimals.input(p.value(), locale), Decimals.input(p.minLineQty(), locale),
                Decimals.input(p.minOrderAmount(), locale), String.valueOf(p.priority()),
                p.stacksWithContract() ? "true" : null, p.active() ? "true" : null);
    }

    static String local(OffsetDateTime at) {
        return at.atZoneSameInstant(SELLER_ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    Definition definition(Issues issues) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Definition(name, nameEn, time(startsAt, "startsAt", issues), time(endsAt, "endsAt", issues),
                parse(Target.class, target, "target", issues), ids(groupIds, "groupIds", issues),
                ids(companyIds, "companyIds", issues), split(skus, SKU_SEPARATORS),
                categories == null ? List.of() : categories, split(brands, LINES),
                parse(Effect.class, effect, "effect", issues), Decimals.read(value, locale, "value", issues),
                Decimals.read(minLineQty, locale, "minLineQty", issues),
                Decimals.read(minOrderAmount, locale, "minOrderAmount", issues), priority(issues),
                stacksWithContract != null, active != null);
    }

    public boolean hasGroup(long id) {
        return groupIds != null && groupIds.contains(String.valueOf(id));
    }

    public boolean hasCategory(String code) {
        return categories != null && categories.contains(code);
    }

    public List<Long> companies() {
        return companyIds == null ? List.of() : companyIds.stream().filter(s -> s.matches("\\d{1,18}"))
                .map(Long::valueOf).distinct().toList();
    }

    private Integer priority(Issues issues) {
        if (priority == null || priority.isBlank()) {
            return 0;
        }
        try {
            return Integer.valueOf(priority.strip());
        } catch (NumberFormatException e) {
            issues.add("priority", "pricing.admin.promotion.priority-range");
            return null;
        }
    }

    private static OffsetDateTime time(String text, String field, Issues issues) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(SELLER_ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            issues.add(field, "pricing.admin.promotion.datetime");
            return null;
        }
    }

    private static List<Long> ids(List<String> values, String field, Issues issues) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> !v.matches("\\d{1,18}"))) {
            issues.add(field, "pricing.admin.choose");
        }
        return values.stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }

    private static List<String> split(String text, Pattern separators) {
        return text == null ? List.of() : Arrays.stream(separators.split(text)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Issues issues) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
            issues.add(field, "pricing.admin.choose");
            return null;
        });
    }
}
