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

    /** {@code conference.access.*} */
    @ConfigurationProperties("conference.access")
    public record AccessProperties(@DefaultValue Throttle throttle) {
    }

    /**
     * {@code conference.access.throttle.*}: see {@link SignInThrottle}.
     *
     * @param freeFailures   consecutive failures of one client for one email before its attempts are delayed
     * @param firstDelay     the first such delay; each further failure doubles it (1 s, 2 s, 4 s …)
     * @param maxBackoff     the longest such delay
     * @param failureMemory  how long after its last failure a client's run of failures for an email is remembered
     * @param ownerBurst     attempts for one email that clients deep in failures for it may make at once …
     * @param ownerInterval  … and then one per this interval (the longest wait this limit asks for)
     * @param clientBurst    failed attempts one client may make at once, across emails …
     * @param clientInterval … and then one per this interval
     * @param successMemory  how long a successful sign-in exempts that client and email from the client limit
     * @param maxTracked     the most emails, clients or pairs of them each table of the throttle remembers
     */
    public record Throttle(@DefaultValue("3") int freeFailures, @DefaultValue("1s") Duration firstDelay,
                           @DefaultValue("60s") Duration maxBackoff,
                           @DefaultValue("15m") Duration failureMemory, @DefaultValue("10") int ownerBurst,
                           @DefaultValue("2s") Duration ownerInterval, @DefaultValue("20") int clientBurst,
                           @DefaultValue("5s") Duration clientInterval, @DefaultValue("12h") Duration successMemory,
                           @DefaultValue("100000") long maxTracked) {

        SignInThrottle.Settings settings() {
            return new SignInThrottle.Settings(freeFailures, firstDelay, maxBackoff, failureMemory,
                    new Budget.Rate(ownerBurst, ownerInterval), new Budget.Rate(clientBurst, clientInterval),
                    successMemory, maxTracked);
        }
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
        SignInThrottle signInThrottle(AccessProperties properties, Clock clock) {
            return new SignInThrottle(properties.throttle().settings(), clock);
        }
    }
}
