package dev.seatbooking.conference.domain;

import dev.seatbooking.contracts.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A kind of seat of one conference, with its quota and price. Changed only through its {@link Conference}. */
@Entity
@Table(name = "seat_types")
public class SeatType {

    @Id
    private UUID id;

    @Version
    private Long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conference_id")
    private Conference conference;

    private int displayOrder;
    private String name;
    private String description;
    private int quantity;
    @Column(precision = 12, scale = 3)
    private BigDecimal price;
    private String currency;
    private Instant createdAt;
    private Instant updatedAt;

    protected SeatType() {
        // for JPA
    }

    SeatType(UUID id, Conference conference, int displayOrder, SeatTypeDetails details, Instant now) {
        this.id = id;
        this.conference = conference;
        this.displayOrder = displayOrder;
        this.createdAt = now;
        apply(details, now);
    }

    /** @return whether anything changed */
    boolean update(SeatTypeDetails details, Instant now) {
        if (details.equals(details())) return false;
        apply(details, now);
        return true;
    }

    private void apply(SeatTypeDetails details, Instant now) {
        this.name = details.name();
        this.description = details.description();
        this.quantity = details.quantity();
        this.price = details.price().amount();
        this.currency = details.price().currency();
        this.updatedAt = now;
    }

    public SeatTypeDetails details() {
        return new SeatTypeDetails(name, description, quantity, price());
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    /** Normalized to the currency's minor unit, whatever scale the column has. */
    public Money price() {
        return new Money(price.stripTrailingZeros(), currency);
    }

    public String currency() {
        return currency;
    }

    int displayOrder() {
        return displayOrder;
    }
}
