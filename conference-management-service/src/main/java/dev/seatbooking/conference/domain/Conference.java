package dev.seatbooking.conference.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A conference and its seat types, with the RI's rules ({@code ConferenceService}): seat types can be deleted only
 * while the conference was never published; a seat type's quantity never goes below what is sold; all seat types
 * of a conference are priced in one currency (an order adds its lines up).
 * <p>
 * Methods that change state say whether anything changed, so that the caller announces real changes only.
 */
@Entity
@Table(name = "conferences")
public class Conference {

    /** What {@link #publish()} did. */
    public enum Publication {
        /** Published for the first time: every seat type is announced now. */
        FIRST,
        /** Published again after an unpublication; its seat types were announced before. */
        AGAIN,
        /** Was published already: nothing changed. */
        UNCHANGED
    }

    @Id
    private UUID id;

    @Version
    private Long version;

    private String slug;
    private String name;
    private String description;
    private String location;
    private String tagline;
    private String twitterSearch;
    private LocalDate startDate;
    private LocalDate endDate;
    private String ownerName;
    private String ownerEmail;
    private byte[] accessCodeHash;
    private int reservationHoldMinutes;
    private int offerHoldHours;
    private int cancellationCutoffDays;
    private boolean published;
    private boolean wasEverPublished;
    private long eventVersion;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(mappedBy = "conference", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("displayOrder")
    private List<SeatType> seatTypes = new ArrayList<>();

    protected Conference() {
        // for JPA
    }

    public Conference(UUID id, ConferenceDetails details, byte[] accessCodeHash, Instant now) {
        this.id = id;
        this.accessCodeHash = accessCodeHash.clone();
        this.createdAt = now;
        apply(details, now);
    }

    /** @return whether any detail changed */
    public boolean update(ConferenceDetails details, Instant now) {
        if (details.equals(details())) return false;
        apply(details, now);
        return true;
    }

    private void apply(ConferenceDetails d, Instant now) {
        if (d.reservationHold().toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("reservationHold is kept in whole minutes, was " + d.reservationHold());
        }
        if (d.offerHold().toSeconds() % 3600 != 0) {
            throw new IllegalArgumentException("offerHold is kept in whole hours, was " + d.offerHold());
        }
        slug = d.slug();
        name = d.name();
        description = d.description();
        location = d.location();
        tagline = d.tagline();
        twitterSearch = d.twitterSearch();
        startDate = d.startDate();
        endDate = d.endDate();
        ownerName = d.ownerName();
        ownerEmail = d.ownerEmail();
        reservationHoldMinutes = Math.toIntExact(d.reservationHold().toMinutes());
        offerHoldHours = Math.toIntExact(d.offerHold().toHours());
        cancellationCutoffDays = d.cancellationCutoffDays();
        updatedAt = now;
    }

    public Publication publish(Instant now) {
        if (published) return Publication.UNCHANGED;
        published = true;
        updatedAt = now;
        if (wasEverPublished) return Publication.AGAIN;
        wasEverPublished = true;
        return Publication.FIRST;
    }

    /** @return whether it was published */
    public boolean unpublish(Instant now) {
        if (!published) return false;
        published = false;
        updatedAt = now;
        return true;
    }

    public SeatType addSeatType(UUID seatTypeId, SeatTypeDetails details, Instant now) {
        if (seatType(seatTypeId).isPresent()) throw new ConferenceRejection.SeatTypeAlreadyExists(seatTypeId);
        requireCurrency(details.price().currency(), seatTypeId);
        int order = seatTypes.stream().mapToInt(SeatType::displayOrder).max().orElse(0) + 1;
        SeatType seatType = new SeatType(seatTypeId, this, order, details, now);
        seatTypes.add(seatType);
        updatedAt = now;
        return seatType;
    }

    /**
     * @param sold seats of this type in confirmed orders
     * @return whether anything changed
     */
    public boolean updateSeatType(UUID seatTypeId, SeatTypeDetails details, int sold, Instant now) {
        SeatType seatType = seatType(seatTypeId).orElseThrow(() -> new ConferenceRejection.SeatTypeNotFound(seatTypeId));
        if (details.quantity() < sold && details.quantity() < seatType.quantity()) {
            throw new ConferenceRejection.SeatsAlreadySold(seatType.name(), details.quantity(), sold);
        }
        requireCurrency(details.price().currency(), seatTypeId);
        boolean changed = seatType.update(details, now);
        if (changed) updatedAt = now;
        return changed;
    }

    public void removeSeatType(UUID seatTypeId, Instant now) {
        SeatType seatType = seatType(seatTypeId).orElseThrow(() -> new ConferenceRejection.SeatTypeNotFound(seatTypeId));
        if (wasEverPublished) throw new ConferenceRejection.ConferenceWasPublished();
        seatTypes.remove(seatType);
        updatedAt = now;
    }

    /** The version of the next integration event about this conference (1 for the first). */
    public long nextEventVersion() {
        return ++eventVersion;
    }

    private void requireCurrency(String currency, UUID except) {
        seatTypes.stream()
                .filter(s -> !s.id().equals(except))
                .map(SeatType::currency)
                .filter(c -> !c.equals(currency))
                .findFirst()
                .ifPresent(c -> {
                    throw new ConferenceRejection.CurrencyMismatch(c, currency);
                });
    }

    public Optional<SeatType> seatType(UUID seatTypeId) {
        return seatTypes.stream().filter(s -> s.id().equals(seatTypeId)).findFirst();
    }

    public ConferenceDetails details() {
        return new ConferenceDetails(slug, name, description, location, tagline, twitterSearch, startDate, endDate,
                ownerName, ownerEmail, reservationHold(), offerHold(), cancellationCutoffDays);
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String ownerEmail() {
        return ownerEmail;
    }

    public Duration reservationHold() {
        return Duration.ofMinutes(reservationHoldMinutes);
    }

    public Duration offerHold() {
        return Duration.ofHours(offerHoldHours);
    }

    public boolean isPublished() {
        return published;
    }

    public boolean wasEverPublished() {
        return wasEverPublished;
    }

    /** The aggregateVersion of the last event published about this conference (0 before any). */
    public long eventVersion() {
        return eventVersion;
    }

    public List<SeatType> seatTypes() {
        return Collections.unmodifiableList(seatTypes);
    }
}
