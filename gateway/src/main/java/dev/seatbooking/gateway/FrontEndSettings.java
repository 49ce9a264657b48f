package dev.seatbooking.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /front-end.json}: what the static pages learn of this deployment's settings, read once when the page
 * loads — today only the development mailbox's address ({@code gateway.mailbox-url}, null when there is none). A
 * small JSON answer of this origin rather than a generated script or an inline value: the Content-Security-Policy
 * stays {@code script-src 'self'} with nothing inline, and the static files stay files.
 */
@Configuration(proxyBeanMethods = false)
class FrontEndSettings {

    static final String PATH = "/front-end.json";

    /** @param mailboxUrl the development mailbox's page, null when the deployment has none (production) */
    record Settings(String mailboxUrl) {
    }

    @Bean
    RouterFunction<ServerResponse> frontEndSettingsRoute(GatewayProperties properties) {
        Settings settings = new Settings(properties.mailboxUrl().isEmpty() ? null : properties.mailboxUrl());
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache()).body(settings))
                .build();
    }
}
