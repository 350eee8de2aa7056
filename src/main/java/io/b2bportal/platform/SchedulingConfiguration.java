package io.b2bportal.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work runs on a schedule on every node: the import queue, standing orders, mail delivery, credit control,
 * payment reminders (each claims its work in the database, so several nodes never do it twice). The tests switch it off
 * with {@code portal.scheduling.enabled=false} and call the workers themselves, so that nothing runs behind a test's
 * back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {
}
