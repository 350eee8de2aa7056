package io.b2bportal.platform.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
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

    /** The caller as the API sees them. */
    record MeView(long id, String email, String displayName, Role.Side side, List<Role> roles, String locale) {
    }

    @GetMapping
    @Operation(summary = "The user this call acts as, with roles and side (CUSTOMER or SELLER)")
    MeView me(@AuthenticationPrincipal PortalUser user) {
        return new MeView(user.id(), user.email(), user.displayName(), user.side(),
                user.roles().stream().sorted().toList(), LocaleContextHolder.getLocale().getLanguage());
    }
}
