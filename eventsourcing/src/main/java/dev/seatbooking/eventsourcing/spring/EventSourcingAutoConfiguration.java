package dev.seatbooking.eventsourcing.spring;

import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.aggregate.SnapshotStore;
import dev.seatbooking.eventsourcing.contracts.ContractsEventSerializer;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.inbox.Inbox;
import dev.seatbooking.eventsourcing.inbox.InboxProcessor;
import dev.seatbooking.eventsourcing.messaging.DeadLetterPolicy;
import dev.seatbooking.eventsourcing.messaging.KafkaProducers;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessageDispatcher;
import dev.seatbooking.eventsourcing.outbox.OutgoingMessages;
import dev.seatbooking.eventsourcing.relay.EventRelay;
import dev.seatbooking.eventsourcing.relay.RelaySettings;
import dev.seatbooking.eventsourcing.relay.TopicRouting;
import dev.seatbooking.eventsourcing.schema.EventSourcingSchema;
import dev.seatbooking.eventsourcing.store.EventNotifications;
import dev.seatbooking.eventsourcing.store.EventSerializer;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Wires the library into a Spring Boot service that has a {@link DataSource}: the schema, the event store
 * with the contracts' codec, notifications, snapshots, inbox, outgoing messages and their dispatcher, the
 * relay of the event table to Kafka, and {@link MessageConsumers} for the service's subscriptions.
 * Every bean backs off when the service declares its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EventSourcingProperties.class)
public class EventSourcingAutoConfiguration {

    /** Our tables exist before any bean of ours touches them; see ADR 3 for why it has its own history. */
    @Bean
    InitializingBean eventSourcingSchema(DataSource dataSource) {
        return () -> EventSourcingSchema.migrate(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    MessageCodec messageCodec() {
        return MessageCodec.contracts();
    }

    @Bean
    @ConditionalOnMissingBean
    EventSerializer eventSerializer(MessageCodec codec) {
        return new ContractsEventSerializer(codec);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    EventNotifications eventNotifications(DataSource dataSource) {
        return new EventNotifications(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    PostgresEventStore eventStore(DataSource dataSource, EventSerializer serializer, EventNotifications notifications) {
        return new PostgresEventStore(dataSource, serializer, notifications);
    }

    @Bean
    @ConditionalOnMissingBean
    SnapshotStore snapshotStore(DataSource dataSource) {
        return new SnapshotStore(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxProcessor inboxProcessor(DataSource dataSource, PlatformTransactionManager transactions) {
        return new InboxProcessor(new Inbox(dataSource), transactions);
    }

    @Bean
    @ConditionalOnMissingBean
    OutgoingMessages outgoingMessages(DataSource dataSource) {
        return new OutgoingMessages(dataSource);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "seatbooking.eventsourcing.dispatcher.enabled", matchIfMissing = true)
    OutgoingMessageDispatcher outgoingMessageDispatcher(DataSource dataSource, OutgoingMessages outgoing,
                                                        EventSourcingProperties properties, Environment environment) {
        var settings = OutgoingMessageDispatcher.Settings.defaults()
                .withName(serviceName(environment) + "-dispatcher")
                .withBatchSize(properties.dispatcher().batchSize())
                .withPollTimeout(properties.dispatcher().pollTimeout());
        return new OutgoingMessageDispatcher(dataSource, outgoing.enqueued(),
                OutgoingMessageDispatcher.kafkaProducers(bootstrapServers(environment), settings.name()), settings);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "seatbooking.eventsourcing.relay.enabled", matchIfMissing = true)
    EventRelay eventRelay(DataSource dataSource, PostgresEventStore store, MessageCodec codec,
                          EventSourcingProperties properties, Environment environment) {
        var relay = properties.relay();
        var settings = RelaySettings.defaults(serviceName(environment) + "-relay").withBatchSize(relay.batchSize());
        String bootstrap = bootstrapServers(environment);
        // A MeterBinder bean: Spring Boot's metrics binds its gauges, when the service has a MeterRegistry.
        return new EventRelay(dataSource, store, () -> KafkaProducers.idempotent(bootstrap, settings.name()),
                TopicRouting.byStreamType(relay.topics()), ContractsMessaging.envelopeEncoder(codec), settings);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPolicy deadLetterPolicy(EventSourcingProperties properties) {
        var d = properties.deadLetters();
        return new DeadLetterPolicy(d.maxRetries(), d.initialInterval(), d.multiplier(), d.maxInterval());
    }

    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<String, byte[]> deadLetterProducerFactory(Environment environment) {
        return KafkaProducers.producerFactory(bootstrapServers(environment), serviceName(environment) + "-dead-letters");
    }

    @Bean
    @ConditionalOnMissingBean
    MessageConsumers messageConsumers(Environment environment, MessageCodec codec, InboxProcessor inbox,
                                      DeadLetterPolicy policy,
                                      DefaultKafkaProducerFactory<String, byte[]> deadLetterProducerFactory) {
        return new MessageConsumers(bootstrapServers(environment), codec, inbox, policy,
                new KafkaTemplate<>(deadLetterProducerFactory));
    }

    static String bootstrapServers(Environment environment) {
        return environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
    }

    static String serviceName(Environment environment) {
        return environment.getProperty("spring.application.name", "service");
    }
}
