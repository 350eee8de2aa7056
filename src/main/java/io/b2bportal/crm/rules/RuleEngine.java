package io.b2bportal.crm.rules;

import io.b2bportal.crm.activity.Activities;
import io.b2bportal.crm.deal.DealStages;
import io.b2bportal.crm.rules.RuleDefinition.Action;
import io.b2bportal.crm.rules.Rules.Rule;
import io.b2bportal.crm.rules.TriggerCatalog.Occurrence;
import io.b2bportal.crm.rules.TriggerCatalog.Trigger;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.Notifications;
import io.b2bportal.platform.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the enabled rules of a trigger on one occurrence. Each rule runs in a transaction of its own, so a failing
 * rule does not stop the others: the execution row is claimed first (unique per rule, version and event key, so a
 * redelivered event runs nothing twice), then the conditions decide SKIPPED or the actions run (SUCCESS); when an
 * action fails, everything the rule did rolls back and a FAILED execution with the message is written instead.
 */
@Service
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final JdbcClient jdbc;
    private final Rules rules;
    private final TriggerCatalog catalog;
    private final Activities activities;
    private final DealStages stages;
    private final CustomersApi customers;
    private final Notifications notifications;
    private final Mailer mailer;
    private final TransactionTemplate tx;

    RuleEngine(JdbcClient jdbc, Rules rules, TriggerCatalog catalog, Activities activities, DealStages stages,
            CustomersApi customers, Notifications notifications, Mailer mailer,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.catalog = catalog;
        this.activities = activities;
        this.stages = stages;
        this.customers = customers;
        this.notifications = notifications;
        this.mailer = mailer;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs every enabled rule of the event's trigger. */
    public void fire(Object event) {
        fire(catalog.occurrence(event));
    }

    public void fire(Occurrence occurrence) {
        fire(occurrence, rules.enabledOn(occurrence.trigger()));
    }

    /** Runs these rules (all on the occurrence's trigger); the scheduled triggers pass each rule's own matches. */
    void fire(Occurrence occurrence, List<Rule> candidates) {
        Trigger trigger = catalog.trigger(occurrence.trigger()).orElseThrow();
        for (Rule rule : candidates) {
            try {
                tx.executeWithoutResult(status -> run(rule, trigger, occurrence));
            } catch (RuntimeException e) {
                log.warn("Rule {} v{} failed on {}: {}", rule.id(), rule.version(), occurrence.key(), e.toString());
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                tx.executeWithoutResult(status -> jdbc.sql("""
                        insert into crm.rule_execution (rule_id, version, trigger, event_key, company_id, outcome, message)
                        values (:rule, :version, :trigger, :key, :company, 'FAILED', :message)
                        on conflict (rule_id, version, event_key) do nothing""")
                        .param("rule", rule.id()).param("version", rule.version())
                        .param("trigger", occurrence.trigger()).param("key", occurrence.key())
                        .param("company", occurrence.companyId())
                        .param("message", message.length() > 2000 ? message.substring(0, 2000) : message).update());
            }
        }
    }

    private void run(Rule rule, Trigger trigger, Occurrence occurrence) {
        Optional<Long> execution = jdbc.sql("""
                insert into crm.rule_execution (rule_id, version, trigger, event_key, company_id, outcome)
                values (:rule, :version, :trigger, :key, :company, 'SUCCESS')
                on conflict (rule_id, version, event_key) do nothing returning id""")
                .param("rule", rule.id()).param("version", rule.version()).param("trigger", occurrence.trigger())
                .param("key", occurrence.key()).param("company", occurrence.companyId())
                .query(Long.class).optional();
        if (execution.isEmpty()) {
            return;
        }
        String message;
        String outcome;
        if (!rule.definition().holds(trigger, occurrence.fields())) {
            outcome = "SKIPPED";
            message = null;
        } else {
            List<String> done = new ArrayList<>();
            for (Action action : rule.actions()) {
                done.add(act(rule, action, occurrence));
            }
            outcome = "SUCCESS";
            message = String.join("; ", done);
        }
        jdbc.sql("update crm.rule_execution set outcome = :outcome, message = :message where id = :id")
                .param("outcome", outcome)
                .param("message", message == null || message.length() <= 2000 ? message : message.substring(0, 2000))
                .param("id", execution.get()).update();
    }

    private String act(Rule rule, Action action, Occurrence occurrence) {
        Long company = occurrence.companyId();
        return switch (action.kind()) {
            case "TASK" -> {
                List<Long> assignees = switch (action.recipient()) {
                    case "ROLE" -> roleUsers(action.role());
                    case "ACCOUNT_MANAGER" -> List.of(accountManager(company).orElseGet(this::onDuty));
                    default -> List.of(onDuty(company));
                };
                List<String> created = new ArrayList<>();
                for (long assignee : assignees) {
                    String key = "rule:" + rule.id() + ":" + occurrence.key()
                            + ("ROLE".equals(action.recipient()) ? ":" + assignee : "");
                    Instant due = Instant.now().plus(Duration.ofHours(action.dueHours()));
                    activities.create(new Activities.NewActivity(Activities.Type.valueOf(action.activityType()),
                            company, null, null, null, clip(RuleDefinition.fill(action.subject(), occurrence.fields()), 300),
                            rule.name(), assignee, due, null, null, rule.id(), key))
                            .ifPresent(id -> created.add("task " + id + " → " + email(assignee)));
                }
                yield created.isEmpty() ? "task exists" : String.join(", ", created);
            }
            case "MAIL" -> {
                List<String> to = "COMPANY_ADMINS".equals(action.recipient()) ? companyAdmins(company)
                        : accountManager(company).map(this::email).stream().toList();
                String subject = clip(RuleDefinition.fill(action.subject(), occurrence.fields())
                        .replaceAll("[\\r\\n]+", " "), 300);
                String body = RuleDefinition.fill(action.body(), occurrence.fields());
                for (String address : to) {
                    mailer.send(new OutgoingMail(address, subject, body, "crm.rule"));
                }
                yield "mail → " + (to.isEmpty() ? "nobody" : String.join(", ", to));
            }
            case "NOTIFY" -> {
                List<Long> users = "ROLE".equals(action.recipient()) ? roleUsers(action.role())
                        : accountManager(company).stream().toList();
                String text = RuleDefinition.fill(action.body(), occurrence.fields());
                for (long user : users) {
                    notifications.notify(user, "crm.rule", text, company == null ? "/admin/crm/my-day"
                            : "/admin/crm/clients/" + company);
                }
                yield "notified " + users.size();
            }
            default -> {
                if (company == null) {
                    yield "no client";
                }
                List<Long> deals = jdbc.sql("""
                        select id from crm.deal where company_id = :company and pipeline_id = :pipeline
                           and closed_at is null and stage_id <> :stage order by id""")
                        .param("company", company).param("pipeline", action.pipelineId())
                        .param("stage", action.stageId()).query(Long.class).list();
                for (long deal : deals) {
                    stages.move(deal, action.stageId(), null, rule.id(), rule.name());
                }
                yield "moved " + deals.size() + " deal(s)";
            }
        };
    }

    private static String clip(String text, int max) {
        String t = text.strip();
        return t.isEmpty() ? "—" : t.length() <= max ? t : t.substring(0, max);
    }

    private Optional<Long> accountManager(Long company) {
        return company == null ? Optional.empty() : customers.accountManagerOf(company);
    }

    /** The client's account manager, else the account manager with the fewest open tasks (ties by id). */
    long onDuty(Long company) {
        return accountManager(company).orElseGet(this::onDuty);
    }

    private long onDuty() {
        return jdbc.sql("""
                select u.id from platform.user_account u
                 where u.side = 'SELLER' and u.enabled and 'ACCOUNT_MANAGER' = any (u.roles)
                 order by (select count(*) from crm.activity a where a.assignee_id = u.id and a.status = 'OPEN'), u.id
                 limit 1""").query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("No account manager to assign the task to"));
    }

    private List<Long> roleUsers(String role) {
        List<Long> users = jdbc.sql("""
                select id from platform.user_account where side = 'SELLER' and enabled and :role = any (roles)
                 order by id""").param("role", role).query(Long.class).list();
        if (users.isEmpty()) {
            throw new IllegalStateException("Nobody has the role " + role);
        }
        return users;
    }

    private String email(long user) {
        return jdbc.sql("select email from platform.user_account where id = :id").param("id", user)
                .query(String.class).single();
    }

    private List<String> companyAdmins(Long company) {
        if (company == null) {
            return List.of();
        }
        return jdbc.sql("""
                select u.email from customers.membership m join platform.user_account u on u.id = m.user_id
                 where m.company_id = :company and u.enabled and 'CUSTOMER_ADMIN' = any (u.roles) order by u.id""")
                .param("company", company).query(String.class).list();
    }
}
