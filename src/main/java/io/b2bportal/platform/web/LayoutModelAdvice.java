package io.b2bportal.platform.web;

import io.b2bportal.platform.CustomerView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page (who is signed in, in which language), and the error page
 * for a business rule that said no on a page. API controllers have their own advice, which runs first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class LayoutModelAdvice {

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return new ModelAndView("error", Map.of("status", status.value(), "reason", "domain",
                "messageKey", e.messageKey(), "messageArgs", e.arguments()), status);
    }

    @ModelAttribute("currentUser")
    PortalUser currentUser() {
        return PortalUser.current().orElse(null);
    }

    @ModelAttribute("customerView")
    CustomerView.State customerView(jakarta.servlet.http.HttpServletRequest request) {
        return PortalUser.current().filter(PortalUser::isStaff).flatMap(u -> CustomerView.of(request)).orElse(null);
    }

    @ModelAttribute("lang")
    String lang() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage();
    }
}
