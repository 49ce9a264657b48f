package dev.seatbooking.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.time.Clock;

/**
 * Spring Security at every service and the gateway: two filter chains.
 * <ul>
 *     <li><b>ops</b> — {@code /actuator/**} (but the health probes) and {@code /api/admin/**}: HTTP Basic with the ops
 *     credential ({@code seatbooking.ops.*}), role {@code OPS}, a client that keeps presenting wrong ones held back
 *     before its password is checked ({@link OpsSignInThrottle}). The public gateway does not route them at all.</li>
 *     <li><b>everything else</b> — open to anonymous clients at this layer: who may see or change an order, a payment
 *     or a conference is decided by the resource's own secret (the order's access code, the owner's credentials, the
 *     payment link's secret), checked where the resource is loaded. No other authentication mechanism listens here, so
 *     an owner's own Basic credentials pass through untouched.</li>
 * </ul>
 * Both chains are stateless (no session, no cookie, hence no CSRF token to carry) and write the security headers:
 * a strict Content-Security-Policy (scripts only from this origin, none inline), {@code nosniff},
 * {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}, {@code Referrer-Policy: same-origin}, and
 * {@code Cache-Control: no-store} on every answer that does not say how it may be cached itself (see
 * {@link #headers}). Refusals are problems.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeSecurityProperties.class)
public class EdgeSecurityConfiguration {

    public static final String OPS_ROLE = "OPS";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain opsEndpoints(HttpSecurity http, EdgeSecurityProperties properties,
                                     ObjectProvider<Clock> clock) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers("operations");
        common(http.securityMatcher(properties.paths().toArray(String[]::new)), problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(properties.openPaths().toArray(String[]::new)).permitAll()
                        .anyRequest().hasRole(OPS_ROLE))
                .httpBasic(basic -> basic.realmName("operations").authenticationEntryPoint(problems))
                .addFilterBefore(new OpsSignInThrottle(properties.signIn(), clock.getIfAvailable(Clock::systemUTC)),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Only the security headers: nobody signs in here, so none of the filters that keep, derive or check who the
     * client is (security context, anonymous user, session management, servlet API, logout, authorization) would do
     * anything but cost every request their time — most of the platform's traffic comes through this chain.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        headers(http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable));
        return http.build();
    }

    /**
     * No observations of Spring Security's filter chains: the platform traces nothing, and the timers they would feed
     * (one per filter, per request) cost each request more than the chain itself. Said through Spring Security's own
     * setting, so that the chain is not even wrapped: an {@code ObservationPredicate} refusing them still had every
     * filter of every request pass through an observing wrapper that made a context and a no-op observation.
     * {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static HttpSecurity common(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return headers(http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems)));
    }

    /**
     * The security headers of both chains. Caching: an answer that does not say it may be cached is not to be stored.
     * Most answers are private (an order read with its access code, the owner's dashboard, exports and registrants,
     * a payment), and without a {@code Cache-Control} a browser (a shared computer at a venue's desk) or an
     * intermediary may keep them by heuristics. Spring Security's own {@code CacheControlHeadersWriter} says so
     * ({@code no-cache, no-store, max-age=0, must-revalidate}, with {@code Pragma: no-cache} and {@code Expires: 0}),
     * not a filter of ours: in Spring Security 7 the {@code HeaderWriterFilter} writes the headers when the response
     * is committed (through the wrapper the other headers already pay for: no further wrapper or filter), and the
     * writer leaves alone an answer with a {@code Cache-Control}, {@code Expires} or {@code Pragma} of its own, and
     * every 304. So the answers that set their own keep it (the read model's ETag'd pages and their 304s, the
     * limits of a new conference and of an order, the gateway's front end and {@code /front-end.json}), and
     * everything else, problems included, is {@code no-store}. On the hot path: three header lookups an answer, and
     * three headers added to the uncacheable ones. (It was off, "left to each answer (the read model's ETags)", which
     * it does not touch; the owner's and the order's answers then said nothing.) WebEdgeTest,
     * PrivateAnswersNotStoredTest, OrderReadsNotStoredTest.
     */
    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http
                .headers(headers -> headers
                        .cacheControl(Customizer.withDefaults())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    UserDetailsService opsUsers(EdgeSecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (!properties.password().isBlank()) {
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            String password = properties.password().startsWith("{") ? properties.password()
                    : encoder.encode(properties.password());
            users.createUser(User.withUsername(properties.username()).password(password).roles(OPS_ROLE).build());
        }
        return users;
    }
}
