package dev.seatbooking.web;

import dev.seatbooking.web.edge.GatewayTrustFilter;
import dev.seatbooking.web.edge.RequestSanityFilter;
import dev.seatbooking.web.json.StrictJson;
import dev.seatbooking.web.problem.ApiProblemHandler;
import dev.seatbooking.web.problem.DatabaseProblems;
import dev.seatbooking.web.problem.ProblemErrorController;
import dev.seatbooking.web.problem.ProblemErrorReportValve;
import dev.seatbooking.web.security.EdgeSecurityConfiguration;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP edge of every service and the gateway: the problem vocabulary at every layer, strict JSON, refusal of
 * broken query strings, forwarded headers believed only from the gateway, and Spring Security for the ops credential
 * and the security headers. See {@code docs/problems.md} and ADR 9.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(EdgeSecurityConfiguration.class)
public class WebSupportAutoConfiguration {

    /** Runs before everything else, Spring Security's chain included. */
    public static final int TRUST_ORDER = Ordered.HIGHEST_PRECEDENCE;
    public static final int SANITY_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    ApiProblemHandler apiProblemHandler() {
        return new ApiProblemHandler();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }

    /**
     * Bodies are JSON only, read by {@link StrictJson}'s mapper. Spring adds a converter for every Jackson format it
     * finds on the classpath (YAML comes with springdoc), each with a lenient mapper of its own that reads around every
     * strict rule ({@code quantity: 1.5} as 1, unknown fields): none of them reads or writes here.
     */
    @Bean
    WebMvcConfigurer jsonBodiesOnly() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(converters ->
                        converters.removeIf(WebSupportAutoConfiguration::otherDataFormat));
            }
        };
    }

    static boolean otherDataFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().map(MediaType::getSubtype).anyMatch(subtype ->
                subtype.contains("yaml") || subtype.contains("cbor") || subtype.contains("smile")
                        || subtype.equals("xml") || subtype.endsWith("+xml"));
    }

    @Bean
    @ConditionalOnProperty(name = "seatbooking.gateway.trust-filter", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<GatewayTrustFilter> gatewayTrustFilter(@Value("${seatbooking.gateway.token:}") String token) {
        FilterRegistrationBean<GatewayTrustFilter> registration = new FilterRegistrationBean<>(new GatewayTrustFilter(token));
        registration.setOrder(TRUST_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSanityFilter> requestSanityFilter() {
        FilterRegistrationBean<RequestSanityFilter> registration = new FilterRegistrationBean<>(new RequestSanityFilter());
        registration.setOrder(SANITY_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.CannotGetJdbcConnectionException")
    static class JdbcProblems {

        @Bean
        DatabaseProblems databaseProblems() {
            return new DatabaseProblems();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrors {

        /** Tomcat's own error page becomes a problem: the valve is put in place before the host starts. */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(TomcatErrors::installValve);
        }

        private static void installValve(Context context) {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ProblemErrorReportValve());
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        }
    }
}
