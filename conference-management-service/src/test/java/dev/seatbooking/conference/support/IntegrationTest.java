package dev.seatbooking.conference.support;

import dev.seatbooking.conference.ConferenceManagementApplication;
import dev.seatbooking.testinfra.TestKafka;
import dev.seatbooking.testinfra.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of this module's integration tests (every test class extends this and adds no
 * configuration, so Spring's test-context cache starts the service once): a real PostgreSQL database of its own
 * and the shared real Kafka broker, both from {@code test-infrastructure}.
 */
@SpringBootTest(classes = ConferenceManagementApplication.class)
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.newDatabase("conference");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    /** The admin API as a test drives it. */
    protected AdminApi api() {
        return new AdminApi(mvc, json);
    }
}
