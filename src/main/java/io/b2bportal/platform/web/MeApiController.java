package io.b2bportal.platform.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.MeDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Account", description = "Who the caller is")
class MeApiController {

    private final List<MeDetails> details;

    MeApiController(List<MeDetails> details) {
        this.details = details;
    }

    @GetMapping
    @Operation(summary = "The user this call acts as: roles, side (CUSTOMER or SELLER) and, for customers, the "
            + "company and the legal entities they act for (the active one per X-Legal-Entity)")
    Map<String, Object> me(@AuthenticationPrincipal PortalUser user) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", user.id());
        me.put("email", user.email());
        me.put("displayName", user.displayName());
        me.put("side", user.side());
        me.put("roles", user.roles().stream().sorted().toList());
        me.put("locale", LocaleContextHolder.getLocale().getLanguage());
        details.forEach(module -> me.putAll(module.describe(user)));
        return me;
    }
}
