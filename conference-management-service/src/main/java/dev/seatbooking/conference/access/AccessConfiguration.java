package dev.seatbooking.conference.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessConfiguration.AccessProperties.class)
public class AccessConfiguration implements WebMvcConfigurer {

    /**
     * {@code conference.access.*}
     *
     * @param maxFailures   failed sign-ins a client may make within {@code failureWindow} before it is refused
     * @param failureWindow how long a failure counts
     */
    @ConfigurationProperties("conference.access")
    public record AccessProperties(@DefaultValue("5") int maxFailures, @DefaultValue("5m") Duration failureWindow) {
    }

    private final OwnerAccess access;

    public AccessConfiguration(OwnerAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new OwnerAccessInterceptor(access)).addPathPatterns("/api/**");
    }

    @Configuration(proxyBeanMethods = false)
    static class Throttling {
        @Bean
        FailedSignIns failedSignIns(AccessProperties properties, Clock clock) {
            return new FailedSignIns(properties.maxFailures(), properties.failureWindow(), clock);
        }
    }
}
