package dev.seatbooking.readmodel;

import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.readmodel.api.OrderAccess;
import dev.seatbooking.readmodel.api.ReadYourWrites;
import dev.seatbooking.readmodel.conference.ConferenceQueries;
import dev.seatbooking.readmodel.conference.ConferencesProjection;
import dev.seatbooking.readmodel.draftorder.DraftOrderQueries;
import dev.seatbooking.readmodel.draftorder.DraftOrdersProjection;
import dev.seatbooking.readmodel.lag.ProjectionHealth;
import dev.seatbooking.readmodel.lag.ProjectionLag;
import dev.seatbooking.readmodel.orderseats.OrderSeatsProjection;
import dev.seatbooking.readmodel.orderseats.OrderSeatsQueries;
import dev.seatbooking.readmodel.pricedorder.PricedOrderQueries;
import dev.seatbooking.readmodel.pricedorder.PricedOrdersProjection;
import dev.seatbooking.readmodel.projection.AppliedVersions;
import dev.seatbooking.readmodel.projection.BatchApplier;
import dev.seatbooking.readmodel.projection.GenerationRepository;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.QueryAdmission;
import dev.seatbooking.readmodel.projection.ReadTransactions;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.rebuild.ProjectionLifecycle;
import dev.seatbooking.web.throttle.GuessThrottle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.InstantSource;
import java.util.List;

/** The projection engine, the projections and their queries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelProperties.class)
public class ReadModelConfiguration {

    @Bean
    ConferencesProjection conferencesProjection() {
        return new ConferencesProjection();
    }

    @Bean
    DraftOrdersProjection draftOrdersProjection() {
        return new DraftOrdersProjection();
    }

    @Bean
    PricedOrdersProjection pricedOrdersProjection() {
        return new PricedOrdersProjection();
    }

    @Bean
    OrderSeatsProjection orderSeatsProjection() {
        return new OrderSeatsProjection();
    }

    @Bean
    Projections projections(List<Projection> projections) {
        return new Projections(projections);
    }

    @Bean
    GenerationRepository generationRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new GenerationRepository(jdbc, transactions);
    }

    @Bean
    ServingGenerations servingGenerations(JdbcTemplate jdbc) {
        return new ServingGenerations(jdbc);
    }

    @Bean
    BatchApplier batchApplier(MessageCodec codec, PlatformTransactionManager transactions) {
        return new BatchApplier(codec, transactions);
    }

    @Bean
    AppliedVersions appliedVersions() {
        return new AppliedVersions();
    }

    @Bean
    ProjectionLifecycle projectionLifecycle(Projections projections, GenerationRepository generations,
                                            ServingGenerations serving, BatchApplier applier,
                                            AppliedVersions appliedVersions, JdbcTemplate jdbc, DataSource dataSource,
                                            Environment environment, ReadModelProperties properties) {
        return new ProjectionLifecycle(projections, generations, serving, applier, appliedVersions, jdbc, dataSource,
                environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"), properties);
    }

    @Bean
    ProjectionLag projectionLag(Projections projections, ProjectionLifecycle lifecycle) {
        return new ProjectionLag(projections, lifecycle);
    }

    @Bean
    ProjectionHealth projectionsHealthIndicator(Projections projections, ServingGenerations serving,
                                                ProjectionLifecycle lifecycle, ProjectionLag lag) {
        return new ProjectionHealth(projections, serving, lifecycle, lag);
    }

    @Bean
    QueryAdmission queryAdmission(ReadModelProperties properties) {
        return new QueryAdmission(properties.queries().connections(), properties.queries().maxWait());
    }

    @Bean
    ReadTransactions readTransactions(PlatformTransactionManager transactions, QueryAdmission admission) {
        return new ReadTransactions(transactions, admission);
    }

    @Bean
    ReadYourWrites readYourWrites(ServingGenerations serving, AppliedVersions appliedVersions, ReadTransactions reads,
                                  ReadModelProperties properties) {
        return new ReadYourWrites(serving, appliedVersions, reads, properties.consistencyWait(),
                properties.consistencyRecheck());
    }

    @Bean
    GuessThrottle<String> accessThrottle(ReadModelProperties properties) {
        return properties.accessThrottle().throttle(InstantSource.system());
    }

    @Bean
    OrderAccess orderAccess(GuessThrottle<String> throttle, ReadYourWrites readYourWrites, ServingGenerations serving,
                            ReadTransactions reads) {
        return new OrderAccess(throttle, readYourWrites, serving, reads);
    }

    @Bean
    ConferenceQueries conferenceQueries(ReadTransactions reads) {
        return new ConferenceQueries(reads);
    }

    @Bean
    DraftOrderQueries draftOrderQueries(ReadTransactions reads) {
        return new DraftOrderQueries(reads);
    }

    @Bean
    PricedOrderQueries pricedOrderQueries(ReadTransactions reads) {
        return new PricedOrderQueries(reads);
    }

    @Bean
    OrderSeatsQueries orderSeatsQueries(ReadTransactions reads) {
        return new OrderSeatsQueries(reads);
    }
}
