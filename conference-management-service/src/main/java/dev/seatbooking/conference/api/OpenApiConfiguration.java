package dev.seatbooking.conference.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description springdoc serves at {@code /v3/api-docs} (and the UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String OWNER_SECURITY = "owner";

    @Bean
    OpenAPI conferenceManagementApi() {
        return new OpenAPI()
                .info(new Info().title("Conference management").version("v1")
                        .description("Conferences and seat types for their owners. Errors are RFC 9457 problem"
                                + " details (application/problem+json)."))
                .components(new Components().addSecuritySchemes(OWNER_SECURITY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The conference owner's email as user name and the conference's access code"
                                + " as password, on every call under /api/conferences/{conferenceId}")));
    }
}
