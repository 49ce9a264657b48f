package dev.seatbooking.eventsourcing.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * What every service gets for operations: the correlation id filter on HTTP requests, and a {@code kafka} health
 * indicator (for the readiness group, beside Spring Boot's {@code db}).
 */
@AutoConfiguration
public class OperationsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    static class CorrelationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CorrelationIdFilter correlationIdFilter() {
            return new CorrelationIdFilter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty("spring.kafka.bootstrap-servers")
    static class KafkaHealthConfiguration {

        @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(Environment environment) {
            return new KafkaHealthIndicator(environment.getProperty("spring.kafka.bootstrap-servers"),
                    environment.getProperty("seatbooking.health.kafka-timeout", Duration.class, Duration.ofSeconds(3)));
        }
    }
}
