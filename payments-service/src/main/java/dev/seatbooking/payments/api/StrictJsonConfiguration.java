package dev.seatbooking.payments.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;

import java.util.UUID;

/**
 * Request bodies are read strictly: a field the model does not have is an error (a misspelt optional field would
 * otherwise be dropped without a word), and an empty string is not an id (it would otherwise read as no id at all).
 * Runs after Spring Boot's own customizer, which turns unknown-field errors off.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(UUID.class, ids -> ids.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}
