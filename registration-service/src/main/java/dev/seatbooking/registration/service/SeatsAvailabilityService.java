package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AcceptWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AddSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ReturnSoldSeats;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.ExpireWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.LeaveWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.RemoveSeats;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import dev.seatbooking.contracts.MessageTypes;
import dev.seatbooking.contracts.codec.MessageCodec;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.contracts.ContractsMessaging;
import dev.seatbooking.eventsourcing.aggregate.Versioned;
import dev.seatbooking.eventsourcing.store.AppendResult;
import dev.seatbooking.eventsourcing.store.ConcurrencyException;
import dev.seatbooking.eventsourcing.store.EventMetadata;
import dev.seatbooking.registration.DomainRejection;
import dev.seatbooking.registration.conference.ConferenceCatalog;
import dev.seatbooking.registration.messaging.CommandRouting;
import dev.seatbooking.registration.messaging.DerivedIds;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handles SeatsAvailability commands, inside the consumer's inbox transaction, and hands the events to the
 * registration process in that transaction ({@link EventsAppended}: a reservation marks its order reserved in the
 * same commit). Their topic is keyed by conference, and
 * one consumer group reads it, so the owner of a conference's partition is its only writer. That owner keeps each
 * conference's aggregate in memory between commands and appends with the version it holds as the expected version,
 * loading nothing. If the partition moved (a rebalance) and another instance wrote meanwhile, the append fails with a
 * {@link ConcurrencyException}: the cached copy is dropped and the command is retried, which then loads the stream
 * (from its latest snapshot). A transaction that does not commit also drops the copy. Only the partition's consumer
 * thread touches a conference's copy (a rebalance drops them all, see the consumer), so it is not shared between
 * threads while in use.
 * <p>
 * A new waitlist offer schedules its own expiry ({@link ExpireWaitlistOffer}, due when the offer lapses) in the
 * outgoing-messages table, in the transaction that made the offer: durable, like an order's expiry, so an offer
 * outstanding when the service stops still lapses on time after a restart.
 */
@Service
public class SeatsAvailabilityService {

    private static final Logger log = LoggerFactory.getLogger(SeatsAvailabilityService.class);

    private final AggregateRepository<SeatsAvailability, SeatsAvailabilityEvent> repository;
    private final Map<UUID, Versioned<SeatsAvailability>> cache = new ConcurrentHashMap<>();
    private final boolean caching;
    private final MessageTypes types;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final CommandRouting commands;
    private final ConferenceCatalog catalog;

    public SeatsAvailabilityService(AggregateRepository<SeatsAvailability, SeatsAvailabilityEvent> repository,
                                    @Value("${registration.seats-availability.cache:true}") boolean caching,
                                    MessageCodec codec, ApplicationEventPublisher publisher, Clock clock,
                                    CommandRouting commands, ConferenceCatalog catalog) {
        this.repository = repository;
        this.caching = caching;
        this.types = codec.types();
        this.publisher = publisher;
        this.clock = clock;
        this.commands = commands;
        this.catalog = catalog;
    }

    public void handle(SeatsAvailabilityCommand command, EventMetadata metadata) {
        UUID conferenceId = command.conferenceId();
        Versioned<SeatsAvailability> current = caching ? cache.get(conferenceId) : null;
        if (current == null) current = repository.load(conferenceId);
        List<SeatsAvailabilityEvent> events;
        try {
            events = decide(current.aggregate(), command);
        } catch (DomainRejection rejected) {
            log.warn("SeatsAvailability of conference {} refused {}: {}", conferenceId,
                    command.getClass().getSimpleName(), rejected.getMessage());
            keep(current);
            return;
        }
        if (events.isEmpty()) {
            if (command instanceof ExpireWaitlistOffer early) expireAgainIfEarly(current.aggregate(), early, metadata);
            keep(current);
            return;
        }
        forgetUnlessCommitted(conferenceId);
        scheduleExpiryOfNewOffers(current.aggregate(), events);
        AppendResult appended;
        try {
            appended = repository.save(current, events, metadata);
        } catch (ConcurrencyException moved) {
            cache.remove(conferenceId);
            log.info("SeatsAvailability of conference {} was written elsewhere since version {}; reloading",
                    conferenceId, current.version());
            throw moved;
        }
        keep(new Versioned<>(conferenceId, current.aggregate(), appended.version()));
        publisher.publishEvent(new EventsAppended(ContractsMessaging.envelopesOf(types, appended, events, metadata)));
    }

    /** The conference's aggregate as this instance holds it in memory, if it does (tests compare it with a replay). */
    public Optional<Versioned<SeatsAvailability>> cachedCopy(UUID conferenceId) {
        return Optional.ofNullable(cache.get(conferenceId));
    }

    /** Drops every cached aggregate (the consumer's partitions were reassigned). */
    public void forgetAll() {
        cache.clear();
    }

    /**
     * Every decision may make an offer (seats come back, an entry joins while seats are on sale), so each one first
     * gets the conference's offer hold as the catalog knows it now (from memory, see {@code registration.catalog-cache}).
     * An offer keeps the expiry it was made with: a hold changed later applies to offers made after.
     */
    private List<SeatsAvailabilityEvent> decide(SeatsAvailability availability, SeatsAvailabilityCommand command) {
        availability.offerHold(catalog.offerHold(command.conferenceId()));
        return switch (command) {
            case MakeSeatReservation c -> availability.makeReservation(c, clock.instant());
            case CancelSeatReservation c -> availability.cancelReservation(c, clock.instant());
            case CommitSeatReservation c -> availability.commitReservation(c);
            case AddSeats c -> availability.addSeats(c, clock.instant());
            case RemoveSeats c -> availability.removeSeats(c);
            case JoinWaitlist c -> availability.joinWaitlist(c, clock.instant());
            case LeaveWaitlist c -> availability.leaveWaitlist(c, clock.instant());
            case ExpireWaitlistOffer c -> availability.expireOffer(c, clock.instant());
            case AcceptWaitlistOffer c -> availability.acceptOffer(c);
            case ReturnSoldSeats c -> availability.returnSoldSeats(c, clock.instant());
        };
    }

    /**
     * An offer made again (it grew) keeps its expiry, already scheduled. The message id is derived from the entry, so
     * deciding the same command again (a retry after a conflict) schedules nothing twice.
     */
    private void scheduleExpiryOfNewOffers(SeatsAvailability before, List<SeatsAvailabilityEvent> events) {
        for (SeatsAvailabilityEvent event : events) {
            if (!(event instanceof WaitlistOfferMade offer) || before.offerExpiresAt(offer.entryId()).isPresent()) continue;
            var expire = new ExpireWaitlistOffer(offer.conferenceId(), offer.entryId());
            Envelope envelope = Envelope.of(offerExpiryMessageId(offer.entryId()), expire, offer.conferenceId(),
                    Envelope.UNVERSIONED, clock.instant());
            commands.sendAt(envelope, offer.offerExpiresAt());
        }
    }

    /**
     * An offer's expiry is sent when the database's clock reaches it ({@code due_at <= now()}), and judged here by the
     * service's: a database clock ahead of the service's by more than the hop delivers it a little early, and the offer
     * does not lapse. Its id is the entry's one expiry (already in the inbox), so nothing else would ever lapse it: it is
     * scheduled again, under an id of its own, as far past the offer's expiry as it came before it (and a second more).
     * The id is derived from the early one's, so that handling it again schedules nothing twice.
     */
    private void expireAgainIfEarly(SeatsAvailability availability, ExpireWaitlistOffer expiry, EventMetadata cause) {
        Instant now = clock.instant();
        availability.offerExpiresAt(expiry.entryId()).filter(now::isBefore).ifPresent(expiresAt -> {
            Instant again = expiresAt.plus(Duration.between(now, expiresAt)).plusSeconds(1);
            UUID id = cause.causationId() == null ? UUID.randomUUID() : DerivedIds.of(cause.causationId(), "again");
            commands.sendAt(Envelope.of(id, expiry, expiry.conferenceId(), Envelope.UNVERSIONED, now), again);
            log.info("Expiry of the offer to waitlist entry {} came {} before its time by this service's clock; "
                    + "scheduled again for {}", expiry.entryId(), Duration.between(now, expiresAt), again);
        });
    }

    /** The id of the message that lapses the entry's offer: one per entry, since an entry gets one offer. */
    public static UUID offerExpiryMessageId(UUID entryId) {
        return UUID.nameUUIDFromBytes((entryId + "/ExpireWaitlistOffer").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Caches the aggregate as the current transaction leaves it, so the next command (in this transaction, or after
     * it commits) starts from there.
     */
    private void keep(Versioned<SeatsAvailability> state) {
        if (caching) cache.put(state.id(), state);
    }

    /** A transaction that does not commit takes its changes to the cached aggregate with it. */
    private void forgetUnlessCommitted(UUID conferenceId) {
        if (!caching || !TransactionSynchronizationManager.isSynchronizationActive()) return;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) cache.remove(conferenceId);
            }
        });
    }
}
