package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.AccessCodeHash;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.AcceptWaitlistOffer;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.JoinWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.LeaveWaitlist;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.WaitlistContactEvent.WaitlistContactGiven;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.registration.RegistrationProperties;
import dev.seatbooking.registration.conference.ConferenceCatalog;
import dev.seatbooking.registration.messaging.CommandRouting;
import dev.seatbooking.registration.order.AccessCodeGenerator;
import dev.seatbooking.registration.order.ConferenceSeatTypes;
import dev.seatbooking.registration.order.Order;
import dev.seatbooking.registration.order.OrderRejection;
import dev.seatbooking.registration.seatsavailability.SeatsAvailability;
import dev.seatbooking.registration.seatsavailability.SeatsAvailabilityRejection;
import dev.seatbooking.web.throttle.GuessThrottle;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The registrant's side of a waitlist (ADR 15, "API"): joining stores who joined ({@link WaitlistEntries}) and sends
 * {@link JoinWaitlist} to the conference's SeatsAvailability in one transaction (the outgoing-messages table); reading
 * an entry asks the SeatsAvailability stream as stored; leaving sends {@link LeaveWaitlist}. Every entry-specific
 * request shows the entry's access code, checked throttled as an order's ({@link GuessThrottle}); an unknown entry and
 * a wrong code are one failure ({@link WaitlistEntryNotFound}).
 */
@Service
public class WaitlistService {

    /** What the join request answers; {@code accessCode} is null for a repeat that did not show the code. */
    public record Joined(UUID entryId, String accessCode) {
    }

    /**
     * What waitlisting an order's missing seats answers: one entry per seat type the order is short of, all opened by
     * one code ({@code accessCode}, null for a repeat that did not show it).
     */
    public record OrderWaitlisted(String accessCode, List<SeatQuantityEntry> entries) {
    }

    /** An entry for {@code quantity} seats of one seat type. */
    public record SeatQuantityEntry(UUID entryId, UUID seatTypeId, int quantity) {
    }

    public enum Status { WAITING, OFFERED, ACCEPTED, LEFT, LAPSED }

    /** An entry as the write side has it; position and offer only while it is on the list. */
    public record EntryView(UUID entryId, UUID conferenceId, UUID seatTypeId, int quantity, Status status,
                            Integer position, Integer offeredSeats, Instant offerExpiresAt) {
    }

    private final WaitlistEntries entries;
    private final ConferenceCatalog catalog;
    private final AggregateRepository<SeatsAvailability, SeatsAvailabilityEvent> availability;
    private final CommandRouting commands;
    private final CommandTransactions transactions;
    private final AccessCodeGenerator accessCodes;
    private final GuessThrottle<UUID> throttle;
    private final Clock clock;
    private final OrderService orders;
    private final SeatsPerClient seatsPerClient;

    public WaitlistService(WaitlistEntries entries, ConferenceCatalog catalog, OrderService orders,
                           AggregateRepository<SeatsAvailability, SeatsAvailabilityEvent> availability,
                           CommandRouting commands, CommandTransactions transactions, AccessCodeGenerator accessCodes,
                           RegistrationProperties properties, Clock clock, SeatsPerClient seatsPerClient) {
        this.entries = entries;
        this.catalog = catalog;
        this.availability = availability;
        this.commands = commands;
        this.transactions = transactions;
        this.accessCodes = accessCodes;
        this.throttle = properties.accessThrottle().throttle(clock);
        this.clock = clock;
        this.orders = orders;
        this.seatsPerClient = seatsPerClient;
    }

    /**
     * Joins the seat type's waitlist under the client's entry id. The same join again sends nothing and answers the
     * same, with the code only if the request showed it; another join with that id is refused. The seats it asks for
     * count against the client as an order's do (an offer holds them).
     *
     * @throws WaitlistEntryTaken the id is another join's
     * @throws TooManySeatsAsked  the client asked for as many seats of the conference as it may for now
     */
    public Joined join(UUID entryId, UUID conferenceId, UUID seatTypeId, int quantity, String name, String email,
                       String shownCode, String clientAddress) {
        checkJoin(conferenceId, seatTypeId, quantity);
        String code = accessCodes.next();
        var row = new WaitlistEntries.Row(entryId, conferenceId, seatTypeId, quantity, name, email,
                AccessCodeHash.of(code), null);
        boolean first = transactions.run(() -> {
            if (entries.insert(row, clock.instant())) {
                return seatsPerClient.counting(conferenceId, clientAddress, quantity, () -> {
                    send(derivedId(entryId, "JoinWaitlist"), new JoinWaitlist(conferenceId, entryId, seatTypeId, quantity));
                    publishContact(row);
                    return true;
                });
            }
            if (!entries.find(entryId).orElseThrow().sameJoin(row)) throw new WaitlistEntryTaken(entryId);
            return false;
        });
        if (first) return new Joined(entryId, code);
        return new Joined(entryId, shownCode != null && holdsCode(entryId, shownCode, clientAddress) ? shownCode.strip() : null);
    }

    /**
     * Waitlists the seats an order asked for and did not get, in one step: an entry per seat type it is short of (in
     * the order's line order), joined as {@link #join} joins one, all in one transaction and opened by one code. The
     * entry ids are derived from the order and the seat type, so the same request again joins nothing and answers
     * the same entries (the code only if it shows it), also once the order is over.
     *
     * @throws OrderRejection.OrderNotShort the order got every seat it asked for, or is not reserved yet
     * @throws WaitlistEntryTaken           the order's missing seats changed since they were waitlisted
     */
    public OrderWaitlisted waitlistMissingSeats(OrderAccessGrant access, String name, String email, String shownCode,
                                                String clientAddress) {
        Order order = orders.read(access).aggregate();
        String code = accessCodes.next();
        byte[] hash = AccessCodeHash.of(code);
        List<WaitlistEntries.Row> rows = order.shortfall().stream().map(seat -> new WaitlistEntries.Row(
                orderEntryId(order.id(), seat.seatTypeId()), order.conferenceId(), seat.seatTypeId(), seat.quantity(),
                name, email, hash, null)).toList();
        boolean first = transactions.run(() -> {
            if (!rows.isEmpty() && joinedAlready(rows)) return false;
            order.missingSeats().forEach(seat -> checkJoin(order.conferenceId(), seat.seatTypeId(), seat.quantity()));
            Instant now = clock.instant();
            for (WaitlistEntries.Row row : rows) {
                if (!entries.insert(row, now)) {
                    // The same request, concurrently: it inserted them all first. Anything else took an id.
                    if (row == rows.getFirst() && joinedAlready(rows)) return false;
                    throw new WaitlistEntryTaken(row.entryId());
                }
                send(derivedId(row.entryId(), "JoinWaitlist"),
                        new JoinWaitlist(row.conferenceId(), row.entryId(), row.seatTypeId(), row.quantity()));
                publishContact(row);
            }
            return true;
        });
        List<SeatQuantityEntry> joined = rows.stream()
                .map(row -> new SeatQuantityEntry(row.entryId(), row.seatTypeId(), row.quantity())).toList();
        if (first) return new OrderWaitlisted(code, joined);
        boolean shown = shownCode != null && holdsCode(rows.getFirst().entryId(), shownCode, clientAddress);
        return new OrderWaitlisted(shown ? shownCode.strip() : null, joined);
    }

    /** Whether every one of these joins was made already (the same seat type, quantity, name and email). */
    private boolean joinedAlready(List<WaitlistEntries.Row> rows) {
        return rows.stream().allMatch(row -> entries.find(row.entryId()).filter(row::sameJoin).isPresent());
    }

    /** The entry that waitlists an order's missing seats of a type: one per order and type. */
    public static UUID orderEntryId(UUID orderId, UUID seatTypeId) {
        return UUID.nameUUIDFromBytes((orderId + "/waitlist/" + seatTypeId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the writer would refuse of a join, refused before anything is stored: the API does not take a join the
     * writer then drops.
     */
    private void checkJoin(UUID conferenceId, UUID seatTypeId, int quantity) {
        ConferenceSeatTypes seatTypes = catalog.get(conferenceId);
        if (!seatTypes.published()) throw new OrderRejection.ConferenceNotPublished(conferenceId);
        if (seatTypes.find(seatTypeId).isEmpty()) throw new OrderRejection.UnknownSeatType(conferenceId, seatTypeId);
        if (quantity > Order.MAX_SEATS_PER_SEAT_TYPE) {
            throw new OrderRejection.TooManySeats(seatTypeId, quantity, Order.MAX_SEATS_PER_SEAT_TYPE);
        }
    }

    /** @throws WaitlistEntryNotFound no such entry, or not its code */
    public EntryView read(UUID entryId, String accessCode, String clientAddress) {
        WaitlistEntries.Row row = verify(entryId, accessCode, clientAddress);
        if (row.ended() != null) {
            return view(row, Status.valueOf(row.ended()), null, null, null);
        }
        SeatsAvailability seats = availability.load(row.conferenceId()).aggregate();
        Integer position = seats.waitingPosition(entryId).stream().boxed().findFirst().orElse(null);
        int offered = seats.offered(entryId);
        if (offered == 0) return view(row, Status.WAITING, position, null, null);
        return view(row, Status.OFFERED, position, offered, seats.offerExpiresAt(entryId).orElse(null));
    }

    /** Leaves the waitlist, declining an open offer; leaving again changes nothing. */
    public void leave(UUID entryId, String accessCode, String clientAddress) {
        WaitlistEntries.Row row = verify(entryId, accessCode, clientAddress);
        transactions.run(() -> {
            send(UUID.randomUUID(), new LeaveWaitlist(row.conferenceId(), entryId));
            return null;
        });
    }

    /**
     * Accepts the entry's open offer into a new order of the seats offered: {@code AcceptWaitlistOffer} (which moves
     * the offered seats to the order's reservation) is sent before the order is placed, in one transaction, so it
     * reaches the conference's writer (same partition, outgoing messages in order) before the order's
     * {@code MakeSeatReservation}, which then finds its seats held. The same accept again answers as placing the
     * order again; another order id is refused.
     *
     * @param orderCode the {@code Order-Access-Code} the request showed (a repeat is answered the order's code only
     *                  with it)
     * @throws SeatsAvailabilityRejection.NoOpenOffer the entry has no open offer (yet, or any more)
     * @throws WaitlistOfferTaken                     accepted into another order already
     */
    public OrderService.PlacedOrder accept(UUID entryId, UUID orderId, String accessCode, String orderCode,
                                           String clientAddress) {
        WaitlistEntries.Row row = verify(entryId, accessCode, clientAddress);
        OrderService.PlacedOrder placed = transactions.run(() -> {
            var accepted = entries.acceptedLocking(entryId);
            if (accepted.isPresent()) {
                if (!accepted.get().orderId().equals(orderId)) throw new WaitlistOfferTaken(entryId);
                return orders.placeOffered(orderId, row.conferenceId(), seats(row, accepted.get().seats()), orderCode,
                        clientAddress);
            }
            int offered = row.ended() == null ? openOffer(row.conferenceId(), entryId) : 0;
            if (offered == 0) throw new SeatsAvailabilityRejection.NoOpenOffer(entryId);
            entries.accepted(entryId, new WaitlistEntries.Accepted(orderId, offered));
            send(derivedId(entryId, "AcceptWaitlistOffer"), new AcceptWaitlistOffer(row.conferenceId(), entryId, orderId));
            var order = orders.placeOffered(orderId, row.conferenceId(), seats(row, offered), orderCode,
                    clientAddress);
            if (order.repeated()) throw new OrderIdTaken(orderId); // someone's order: the offer is not theirs
            return order;
        });
        return placed;
    }

    /**
     * The seats of the entry's offer if it is open now: an offer whose time is up is not accepted, even before the
     * writer has lapsed it (its expiry may be on the way), so that the accept cannot reach the writer after the lapse
     * and leave a new order without the seats (the gap ADR 15 "Offer hold and waitlisting from an order" narrows).
     */
    private int openOffer(UUID conferenceId, UUID entryId) {
        SeatsAvailability seats = availability.load(conferenceId).aggregate();
        boolean open = seats.offerExpiresAt(entryId).filter(clock.instant()::isBefore).isPresent();
        return open ? seats.offered(entryId) : 0;
    }

    private static List<SeatQuantity> seats(WaitlistEntries.Row row, int quantity) {
        return List.of(new SeatQuantity(row.seatTypeId(), quantity));
    }

    private WaitlistEntries.Row verify(UUID entryId, String accessCode, String clientAddress) {
        if (!holdsCode(entryId, accessCode, clientAddress)) throw new WaitlistEntryNotFound();
        return entries.find(entryId).orElseThrow(WaitlistEntryNotFound::new);
    }

    /** An unknown entry costs the same hash and comparison as a wrong code. */
    private boolean holdsCode(UUID entryId, String accessCode, String clientAddress) {
        return throttle.check(entryId, clientAddress, () -> AccessCodeHash.matches(accessCode,
                entries.find(entryId).map(WaitlistEntries.Row::accessCodeHash).orElse(null)));
    }

    private void send(UUID messageId, SeatsAvailabilityCommand command) {
        commands.sendNow(Envelope.of(messageId, command, command.conferenceId(), Envelope.UNVERSIONED, clock.instant()));
    }

    /**
     * Tells who the entry belongs to (name, email) on {@code registration.events}, for the mails about it (ADR 16):
     * enqueued in the join's transaction, keyed by the entry. The SeatsAvailability stream still keeps no personal
     * data; the topic now carries it, as it does an order's registrant.
     */
    private void publishContact(WaitlistEntries.Row row) {
        var contact = new WaitlistContactGiven(row.entryId(), row.conferenceId(), row.name(), row.email());
        commands.sendNow(Envelope.of(derivedId(row.entryId(), "WaitlistContactGiven"), contact, row.entryId(),
                Envelope.UNVERSIONED, clock.instant()));
    }

    /** The same join sent twice (a retried transaction) is one message. */
    private static UUID derivedId(UUID entryId, String what) {
        return UUID.nameUUIDFromBytes((entryId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    private static EntryView view(WaitlistEntries.Row row, Status status, Integer position, Integer offered,
                                  Instant expiresAt) {
        return new EntryView(row.entryId(), row.conferenceId(), row.seatTypeId(), row.quantity(), status, position,
                offered, expiresAt);
    }
}
