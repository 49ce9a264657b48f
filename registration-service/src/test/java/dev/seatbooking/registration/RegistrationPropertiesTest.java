package dev.seatbooking.registration;

import dev.seatbooking.registration.process.RegistrationProcessManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationPropertiesTest {

    @Test
    void the_expiration_buffer_is_the_process_managers_default_unless_set() {
        assertThat(bind(Map.of()).expirationBuffer()).isEqualTo(RegistrationProcessManager.DEFAULT_EXPIRATION_BUFFER);
        assertThat(bind(Map.of("registration.expiration-buffer", "2s")).expirationBuffer())
                .isEqualTo(Duration.ofSeconds(2));
    }

    private static RegistrationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("registration", RegistrationProperties.class);
    }
}
