package io.b2bportal.crm.rules;

import io.b2bportal.crm.rules.RuleDefinition.Action;
import io.b2bportal.crm.rules.RuleDefinition.Condition;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored rules: each edit writes a new version (the executions keep the version they ran), a rule can be
 * switched off and on, and only administrators and sales heads change rules (account managers read them).
 */
@Service
public class Rules {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TriggerCatalog catalog;

    Rules(JdbcClient jdbc, TriggerCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A rule with its current version. */
    public record Rule(long id, String code, String name, boolean enabled, int version, String trigger, Integer days,
            List<Condition> conditions, List<Action> actions, OffsetDateTime updatedAt, int executions,
            OffsetDateTime lastExecutedAt) {

        public RuleDefinition definition() {
            return new RuleDefinition(name, trigger, days, conditions, actions);
        }
    }

    /** One version of a rule, for its history. */
    public record Version(int version, String trigger, Integer days, List<Condition> conditions, List<Action> actions,
            OffsetDateTime createdAt, String createdBy) {
    }

    /** One execution as the log shows it. */
    public record Execution(long id, long ruleId, String ruleName, int version, String trigger, String eventKey,
            Long companyId, String companyName, String outcome, String message, OffsetDateTime executedAt) {
    }

    /** {@code owner}: only executions about this account manager's clients (null: all). */
    public record ExecutionFilter(Long ruleId, String outcome, String trigger, Long owner) {
    }

    public static boolean mayEdit(PortalUser user) {
        return user.isStaff() && (user.roles().contains(Role.ADMIN) || user.roles().contains(Role.SALES_HEAD));
    }

    private static void requireEditor(PortalUser user) {
        if (!mayEdit(user)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    private static final String SELECT = """
            select r.id, r.code, r.name, r.enabled, r.current_version, v.trigger, v.days, v.conditions::text,
                   v.actions::text, r.updated_at,
                   (select count(*)::int from crm.rule_execution x where x.rule_id = r.id) as executions,
                   (select max(executed_at) from crm.rule_execution x where x.rule_id = r.id) as last_executed
              from crm.rule r join crm.rule_version v on v.rule_id = r.id and v.version = r.current_version
            """;

    private Rule row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Rule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                rs.getString(6), (Integer) rs.getObject(7), conditions(rs.getString(8)), actions(rs.getString(9)),
                rs.getObject(10, OffsetDateTime.class), rs.getInt(11), rs.getObject(12, OffsetDateTime.class));
    }

    static List<Condition> conditions(String json) {
        return JSON.readValue(json, new TypeReference<List<Condition>>() { });
    }

    static List<Action> actions(String json) {
        return JSON.readValue(json, new TypeReference<List<Action>>() { });
    }

    @Transactional(readOnly = true)
    public List<Rule> list() {
        return jdbc.sql(SELECT + " order by r.code is null, r.id").query((rs, n) -> row(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Rule> get(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** The enabled rules on a trigger, with their current version. */
    @Transactional(readOnly = true)
    public List<Rule> enabledOn(String trigger) {
        return jdbc.sql(SELECT + " where r.enabled and v.trigger = :trigger order by r.id")
                .param("trigger", trigger).query((rs, n) -> row(rs)).list();
    }

    public Rule require(long id) {
        return get(id).orElseThrow(() -> DomainException.notFound("rule", id));
    }

    @Transactional(readOnly = true)
    public List<Version> versions(long ruleId) {
        return jdbc.sql("""
                select v.version, v.trigger, v.days, v.conditions::text, v.actions::text, v.created_at, u.display_name
                  from crm.rule_version v left join platform.user_account u on u.id = v.created_by
                 where v.rule_id = :id order by v.version desc""")
                .param("id", ruleId)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3),
                        conditions(rs.getString(4)), actions(rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .list();
    }

    @Transactional
    public long create(PortalUser user, RuleDefinition definition) {
        requireEditor(user);
        RuleDefinition d = normalized(definition);
        d.validate(catalog);
        long id = jdbc.sql("insert into crm.rule (name, created_by) values (:name, :by) returning id")
                .param("name", d.name().strip()).param("by", user.id()).query(Long.class).single();
        insertVersion(id, 1, d, user.id());
        return id;
    }

    /** Saves an edit as the rule's next version; returns the version number. */
    @Transactional
    public int newVersion(PortalUser user, long id, RuleDefinition definition) {
        requireEditor(user);
        RuleDefinition d = normalized(definition);
        d.validate(catalog);
        int version = jdbc.sql("""
                update crm.rule set current_version = current_version + 1, name = :name, updated_at = now()
                 where id = :id returning current_version""")
                .param("name", d.name().strip()).param("id", id).query(Integer.class).optional()
                .orElseThrow(() -> DomainException.notFound("rule", id));
        insertVersion(id, version, d, user.id());
        return version;
    }

    @Transactional
    public void enable(PortalUser user, long id, boolean enabled) {
        requireEditor(user);
        if (jdbc.sql("update crm.rule set enabled = :on, updated_at = now() where id = :id")
                .param("on", enabled).param("id", id).update() == 0) {
            throw DomainException.notFound("rule", id);
        }
    }

    private void insertVersion(long id, int version, RuleDefinition d, long by) {
        jdbc.sql("""
                insert into crm.rule_version (rule_id, version, trigger, days, conditions, actions, created_by)
                values (:id, :version, :trigger, :days, cast(:conditions as jsonb), cast(:actions as jsonb), :by)""")
                .param("id", id).param("version", version).param("trigger", d.trigger())
                .param("days", catalog.trigger(d.trigger()).orElseThrow().scheduled() ? d.days() : null)
                .param("conditions", JSON.writeValueAsString(d.conditions()))
                .param("actions", JSON.writeValueAsString(d.actions())).param("by", by).update();
    }

    /** Drops empty rows the editor sends (a condition or action row left blank). */
    private static RuleDefinition normalized(RuleDefinition d) {
        if (d == null) {
            throw DomainException.invalid("rule-name", "crm.rules.invalid.name");
        }
        List<Condition> conditions = d.conditions().stream()
                .filter(c -> c != null && !(blank(c.field()) && blank(c.value())))
                .map(c -> new Condition(c.field() == null ? null : c.field().strip(), c.op(), c.value()))
                .toList();
        List<Action> actions = d.actions().stream().filter(a -> a != null && !blank(a.kind())).toList();
        return new RuleDefinition(d.name(), d.trigger(), d.days(), conditions, actions);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Transactional(readOnly = true)
    public List<Execution> executions(ExecutionFilter filter, int limit) {
        return jdbc.sql("""
                select x.id, x.rule_id, r.name, x.version, x.trigger, x.event_key, x.company_id, c.name, x.outcome,
                       x.message, x.executed_at
                  from crm.rule_execution x join crm.rule r on r.id = x.rule_id
                  left join customers.company c on c.id = x.company_id
                 where (cast(:rule as bigint) is null or x.rule_id = :rule)
                   and (cast(:outcome as text) is null or x.outcome = :outcome)
                   and (cast(:trigger as text) is null or x.trigger = :trigger)
                   and (cast(:owner as bigint) is null or c.account_manager_id = :owner)
                 order by x.executed_at desc, x.id desc limit :limit""")
                .param("rule", filter.ruleId()).param("outcome", blank(filter.outcome()) ? null : filter.outcome())
                .param("trigger", blank(filter.trigger()) ? null : filter.trigger()).param("owner", filter.owner())
                .param("limit", limit)
                .query((rs, n) -> new Execution(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getObject(11, OffsetDateTime.class)))
                .list();
    }
}
