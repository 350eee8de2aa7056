package io.b2bportal.platform.web;

import io.b2bportal.platform.Notifications;
import io.b2bportal.platform.Notifications.Notification;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.context.LazyContextVariable;

/** The signed-in user's own notifications: the page, and opening one (marks it read and follows its link). */
@Controller
class NotificationController {

    static final int LIMIT = 100;

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("notifications", notifications.of(user.id(), LIMIT));
        return "platform/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean open) {
        Notification n = notifications.markRead(user.id(), id)
                .orElseThrow(() -> DomainException.notFound("notification", id));
        return open && n.link() != null && n.link().startsWith("/") && !n.link().startsWith("//")
                ? "redirect:" + n.link() : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal PortalUser user) {
        notifications.markAllRead(user.id());
        return "redirect:/notifications";
    }
}

/** {@code /api/v1/notifications}: the caller's own notifications. */
@RestController
@Tag(name = "Notifications", description = "The caller's in-app notifications (payment reminders, later CRM tasks)")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    record NotificationList(int unread, List<Notification> items) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "The caller's notifications, newest first (up to 100), with the unread count")
    NotificationList list(@AuthenticationPrincipal PortalUser user) {
        return new NotificationList(notifications.unread(user.id()), notifications.of(user.id(),
                NotificationController.LIMIT));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read; another user's is 404")
    Notification read(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return notifications.markRead(user.id(), id).orElseThrow(() -> DomainException.notFound("notification", id));
    }
}

/** The bell in the header: the signed-in user's unread count, asked only when a page renders the header. */
@ControllerAdvice(annotations = Controller.class)
class NotificationBellAdvice {

    private final Notifications notifications;

    NotificationBellAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute
    void bell(Model model) {
        PortalUser.current().ifPresent(user -> model.addAttribute("unreadNotifications",
                new LazyContextVariable<Integer>() {
                    @Override
                    protected Integer loadValue() {
                        return notifications.unread(user.id());
                    }
                }));
    }
}
