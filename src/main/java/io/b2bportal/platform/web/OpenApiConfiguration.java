package io.b2bportal.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI portalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("B2B Portal API").version("v1")
                        .description("""
                                Every action of the portal's UI, for ERPs and integrators. Authenticate with \
                                `Authorization: Bearer <api key>` (create keys on the API keys page or with \
                                `POST /api/v1/api-keys`) or HTTP Basic. A call acts as that user; \
                                `X-Legal-Entity: <id>` selects the legal entity. Errors are RFC 9457 Problem Details; \
                                `Accept-Language: ru|en` picks their language.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("API key created by a user"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
