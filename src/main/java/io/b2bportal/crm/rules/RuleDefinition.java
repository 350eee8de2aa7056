package io.b2bportal.crm.rules;

import io.b2bportal.crm.activity.Activities;
import io.b2bportal.crm.rules.TriggerCatalog.Field;
import io.b2bportal.crm.rules.TriggerCatalog.FieldType;
import io.b2bportal.crm.rules.TriggerCatalog.Trigger;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one version of a rule says: its name, trigger (with the days of a scheduled trigger), conditions and
 * actions, as people write them in the editor or the API.
 */
public record RuleDefinition(String name, String trigger, Integer days, List<Condition> conditions,
        List<Action> actions) {

    public RuleDefinition {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** {@code op}: EQ, NE, GT, GE, LT, LE or CONTAINS. */
    public record Condition(String field, String op, String value) {
    }

    /**
     * One action. {@code kind}: TASK (activityType, subject, dueHours, recipient ACCOUNT_MANAGER | ROLE | ON_DUTY,
     * role), MAIL (subject, body, recipient COMPANY_ADMINS | ACCOUNT_MANAGER), MOVE_DEAL (pipelineId, stageId),
     * NOTIFY (body, recipient ACCOUNT_MANAGER | ROLE, role). Subjects and bodies may hold {field} placeholders.
     */
    public record Action(String kind, String activityType, String subject, String body, Integer dueHours,
            String recipient, String role, Long pipelineId, Long stageId) {
    }

    public enum Op { EQ, NE, GT, GE, LT, LE, CONTAINS }

    static final Set<String> KINDS = Set.of("TASK", "MAIL", "MOVE_DEAL", "NOTIFY");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** Refuses (400 with the first problem) what cannot run: unknown trigger or field, a value of the wrong type... */
    void validate(TriggerCatalog catalog) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw invalid("name");
        }
        Trigger t = catalog.trigger(trigger).orElseThrow(() -> invalid("trigger", String.valueOf(trigger)));
        if (t.scheduled() && (days == null || days < 1 || days > 3650)) {
            throw invalid("days");
        }
        for (Condition c : conditions) {
            Field field = t.field(c.field() == null ? "" : c.field())
                    .orElseThrow(() -> invalid("field", String.valueOf(c.field())));
            Op op = op(c.op());
            if (op == null) {
                throw invalid("op", String.valueOf(c.op()));
            }
            if (op == Op.CONTAINS && field.type() != FieldType.TEXT
                    || (field.type() == FieldType.TEXT || field.type() == FieldType.BOOLEAN)
                            && op != Op.EQ && op != Op.NE && op != Op.CONTAINS) {
                throw invalid("op-type", c.op(), field.name());
            }
            if (field.type() == FieldType.BOOLEAN && op == Op.CONTAINS) {
                throw invalid("op-type", c.op(), field.name());
            }
            if (c.value() == null || c.value().isBlank() && field.type() != FieldType.TEXT
                    || parse(field.type(), c.value()) == null) {
                throw invalid("value", String.valueOf(c.value()), field.name());
            }
        }
        if (actions.isEmpty()) {
            throw invalid("no-actions");
        }
        for (Action a : actions) {
            if (a.kind() == null || !KINDS.contains(a.kind())) {
                throw invalid("action", String.valueOf(a.kind()));
            }
            switch (a.kind()) {
                case "TASK" -> {
                    if (a.activityType() == null || java.util.Arrays.stream(Activities.Type.values())
                            .noneMatch(x -> x.name().equals(a.activityType()) && x != Activities.Type.NOTE)) {
                        throw invalid("activity-type", String.valueOf(a.activityType()));
                    }
                    text(a.subject(), 300, t, "subject");
                    if (a.dueHours() == null || a.dueHours() < 0 || a.dueHours() > 24 * 365) {
                        throw invalid("due-hours");
                    }
                    recipient(a, Set.of("ACCOUNT_MANAGER", "ROLE", "ON_DUTY"));
                }
                case "MAIL" -> {
                    text(a.subject(), 300, t, "subject");
                    text(a.body(), 4000, t, "body");
                    recipient(a, Set.of("COMPANY_ADMINS", "ACCOUNT_MANAGER"));
                }
                case "NOTIFY" -> {
                    text(a.body(), 1000, t, "body");
                    recipient(a, Set.of("ACCOUNT_MANAGER", "ROLE"));
                }
                default -> {
                    if (a.pipelineId() == null || a.stageId() == null) {
                        throw invalid("stage");
                    }
                }
            }
        }
    }

    private static void recipient(Action a, Set<String> allowed) {
        if (a.recipient() == null || !allowed.contains(a.recipient())) {
            throw invalid("recipient", String.valueOf(a.recipient()));
        }
        if ("ROLE".equals(a.recipient()) && (a.role() == null || Role.parse(a.role()).filter(
                r -> r.side() == Role.Side.SELLER).isEmpty())) {
            throw invalid("role", String.valueOf(a.role()));
        }
    }

    private static void text(String text, int max, Trigger trigger, String what) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw invalid(what);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (trigger.field(m.group(1)).isEmpty()) {
                throw invalid("placeholder", m.group(1));
            }
        }
    }

    static Op op(String op) {
        if (op == null) {
            return null;
        }
        return switch (op.strip()) {
            case "=", "EQ" -> Op.EQ;
            case "≠", "!=", "NE" -> Op.NE;
            case ">", "GT" -> Op.GT;
            case "≥", ">=", "GE" -> Op.GE;
            case "<", "LT" -> Op.LT;
            case "≤", "<=", "LE" -> Op.LE;
            case "contains", "CONTAINS" -> Op.CONTAINS;
            default -> null;
        };
    }

    /** A condition's value read as the field's type; null when it does not read. */
    static Object parse(FieldType type, String value) {
        String v = value.strip();
        try {
            return switch (type) {
                case NUMBER -> new BigDecimal(v.replace(',', '.').replace(" ", ""));
                case DATE -> LocalDate.parse(v);
                case BOOLEAN -> "true".equalsIgnoreCase(v) ? Boolean.TRUE
                        : "false".equalsIgnoreCase(v) ? Boolean.FALSE : null;
                case TEXT -> value;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether every condition holds for these field values. */
    boolean holds(Trigger trigger, Map<String, Object> values) {
        for (Condition c : conditions) {
            Field field = trigger.field(c.field()).orElseThrow();
            Object actual = values.get(c.field());
            Object expected = parse(field.type(), c.value());
            if (!compare(field.type(), op(c.op()), actual, expected)) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(FieldType type, Op op, Object actual, Object expected) {
        if (actual == null) {
            return op == Op.NE;
        }
        int cmp;
        switch (type) {
            case NUMBER -> cmp = new BigDecimal(actual.toString()).compareTo((BigDecimal) expected);
            case DATE -> cmp = ((LocalDate) actual).compareTo((LocalDate) expected);
            case BOOLEAN -> cmp = actual.equals(expected) ? 0 : 1;
            default -> {
                String a = actual.toString().toLowerCase(Locale.ROOT);
                String e = expected.toString().strip().toLowerCase(Locale.ROOT);
                if (op == Op.CONTAINS) {
                    return a.contains(e);
                }
                cmp = a.compareTo(e);
            }
        }
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case CONTAINS -> false;
        };
    }

    /** The template with every {field} replaced by the occurrence's value. */
    static String fill(String template, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            String text = v instanceof BigDecimal d ? d.toPlainString() : Objects.toString(v, "");
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static DomainException invalid(String what, Object... args) {
        return DomainException.invalid("rule-" + what, "crm.rules.invalid." + what, args);
    }
}
