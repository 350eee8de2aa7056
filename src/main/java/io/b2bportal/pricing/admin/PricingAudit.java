package io.b2bportal.pricing.admin;

import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.PortalUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every pricing change goes into the platform audit log: who, what, when, from where. Contract prices carry their
 * customer's company, so they show on the customer card's audit trail too.
 */
@Component
class PricingAudit {

    private final AuditLog log;

    PricingAudit(AuditLog log) {
        this.log = log;
    }

    void record(PortalUser actor, String action, Long companyId, String subject) {
        String ip = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
        log.record(actor.id(), "pricing." + action, companyId, subject, ip);
    }
}
