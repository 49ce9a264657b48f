package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.AccessCode;
import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceDetails;
import dev.seatbooking.conference.domain.OwnerKey;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.conference.domain.SeatTypeDetails;
import dev.seatbooking.conference.support.IntegrationTest;
import dev.seatbooking.contracts.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JPA mapping against the Flyway schema in a real PostgreSQL. */
class ConferenceRepositoryTest extends IntegrationTest {

    @Autowired
    ConferenceRepository conferences;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void a_conference_and_its_seat_types_round_trip() {
        UUID id = UUID.randomUUID();
        UUID vip = UUID.randomUUID();
        UUID general = UUID.randomUUID();
        String slug = slug();
        String code = AccessCode.generate();
        transactions.executeWithoutResult(tx -> {
            Conference conference = new Conference(id, details(slug, "owner@example.org"), AccessCode.hash(code), now);
            conference.addSeatType(vip, new SeatTypeDetails("VIP", "Front row", 10, Money.of("1000.5", "EUR")), now);
            conference.addSeatType(general, new SeatTypeDetails("General", "", 200, Money.of("0", "EUR")), now);
            conference.publish(now);
            conference.nextEventVersion();
            conferences.save(conference);
        });

        Conference loaded = transactions.execute(tx -> conferences.findById(id).orElseThrow());
        assertThat(loaded.details()).isEqualTo(details(slug, "owner@example.org"));
        assertThat(loaded.isPublished()).isTrue();
        assertThat(loaded.wasEverPublished()).isTrue();
        assertThat(loaded.eventVersion()).isEqualTo(1);
        assertThat(loaded.seatTypes()).extracting(SeatType::id).containsExactly(vip, general);
        assertThat(loaded.seatTypes().get(0).details())
                .isEqualTo(new SeatTypeDetails("VIP", "Front row", 10, Money.of("1000.50", "EUR")));
        assertThat(loaded.seatTypes().get(1).price()).isEqualTo(Money.zero("EUR"));
        assertThat(AccessCode.matches(code.toLowerCase(), jdbc.queryForObject(
                "SELECT access_code_hash FROM conferences WHERE id = ?", byte[].class, id))).isTrue();
    }

    @Test
    void the_database_refuses_a_second_conference_with_the_same_slug() {
        String slug = slug();
        conferences.saveAndFlush(new Conference(UUID.randomUUID(), details(slug, "a@example.org"), AccessCode.hash(AccessCode.generate()), now));

        assertThatThrownBy(() -> conferences.saveAndFlush(
                new Conference(UUID.randomUUID(), details(slug, "b@example.org"), AccessCode.hash(AccessCode.generate()), now)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("conferences_slug_unique");
    }

    @Test
    void owner_keys_are_found_by_email_whatever_its_case() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String email = "Mixed.Case." + UUID.randomUUID().toString().substring(0, 6) + "@Example.org";
        String firstCode = AccessCode.generate();
        conferences.saveAndFlush(new Conference(first, details(slug(), email), AccessCode.hash(firstCode), now));
        conferences.saveAndFlush(new Conference(second, details(slug(), email.toLowerCase()),
                AccessCode.hash(AccessCode.generate()), now));

        assertThat(conferences.findOwnerKeysByEmail(email.toUpperCase()))
                .extracting(OwnerKey::conferenceId).containsExactlyInAnyOrder(first, second);
        assertThat(conferences.findOwnerKey(first)).hasValueSatisfying(key ->
                assertThat(AccessCode.matches(firstCode, key.accessCodeHash())).isTrue());
        assertThat(conferences.findOwnerKey(UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_deleted_seat_type_is_gone_from_the_table() {
        UUID id = UUID.randomUUID();
        UUID seatType = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            Conference conference = new Conference(id, details(slug(), "owner@example.org"), AccessCode.hash(AccessCode.generate()), now);
            conference.addSeatType(seatType, new SeatTypeDetails("General", "", 1, Money.of("1", "EUR")), now);
            conferences.save(conference);
        });
        transactions.executeWithoutResult(tx -> conferences.findForUpdate(id).orElseThrow().removeSeatType(seatType, now));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM seat_types WHERE id = ?", Integer.class, seatType)).isZero();
    }

    @Test
    void changing_a_conference_locks_its_row_until_the_transaction_ends() {
        UUID id = UUID.randomUUID();
        conferences.saveAndFlush(new Conference(id, details(slug(), "owner@example.org"), AccessCode.hash(AccessCode.generate()), now));

        transactions.executeWithoutResult(tx -> {
            conferences.findForUpdate(id).orElseThrow();
            // another connection cannot take the row meanwhile
            CompletableFuture<Void> other = CompletableFuture.runAsync(() ->
                    jdbc.queryForList("SELECT id FROM conferences WHERE id = ? FOR UPDATE NOWAIT", id));
            assertThatThrownBy(other::join).hasRootCauseMessage("ERROR: could not obtain lock on row in relation \"conferences\"");
        });
    }

    private static String slug() {
        return "repo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ConferenceDetails details(String slug, String ownerEmail) {
        return new ConferenceDetails(slug, "Repository Days", "About JPA", "Lisbon", null, "#jpa",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), "Olga Owner", ownerEmail, Duration.ofMinutes(25),
                Duration.ofHours(36));
    }
}
