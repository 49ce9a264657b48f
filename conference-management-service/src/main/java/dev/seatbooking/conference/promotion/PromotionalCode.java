package dev.seatbooking.conference.promotion;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A promotional code of a conference: its text (normalized by {@link PromotionalCodeText}, fixed once created),
 * its {@link CodeTerms} and whether it is enabled. Its rules:
 * <ul>
 *   <li>the scope names only seat types of its conference;</li>
 *   <li>a fixed amount is in the conference's one currency (that of its seat types and other fixed-amount codes);</li>
 *   <li>the usage limit may grow, and shrink down to the uses already held or spent, not below (as a seat type's
 *       quantity and the seats sold);</li>
 *   <li>its text never changes: registrants may have it.</li>
 * </ul>
 * Uniqueness of the text in the conference needs the other codes: {@code PromotionalCodeAdministration} checks it,
 * and the database holds it. Methods that change state say whether anything changed, so that the caller announces
 * real changes only.
 */
@Entity
@Table(name = "promotional_codes")
public class PromotionalCode {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID conferenceId;
    private String code;
    @Enumerated(EnumType.STRING)
    private Discount.Kind discountKind;
    private Integer discountPercent;
    @Column(precision = 12, scale = 3)
    private BigDecimal discountAmount;
    private String discountCurrency;
    private boolean allSeatTypes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "promotional_code_seat_types", joinColumns = @JoinColumn(name = "code_id"))
    @OrderColumn(name = "position")
    @Column(name = "seat_type_id")
    private List<UUID> seatTypeIds = new ArrayList<>();

    private Integer usageLimit;
    private Instant validFrom;
    private Instant validUntil;
    private boolean exclusive;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    protected PromotionalCode() {
        // for JPA
    }

    /** A new code, enabled. */
    public PromotionalCode(UUID id, UUID conferenceId, String typedCode, CodeTerms terms, ConferenceFacts facts,
                           Instant now) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.code = PromotionalCodeText.normalize(typedCode);
        this.enabled = true;
        this.createdAt = now;
        check(terms, facts);
        apply(terms, now);
    }

    /**
     * @param typedCode the text the owner sent along, or null: if sent, it must be this code's (in any case)
     * @param uses      the uses held and spent: the lowest a lowered usage limit may go
     * @return whether anything changed
     */
    public boolean edit(String typedCode, CodeTerms terms, ConferenceFacts facts, CodeUses uses, Instant now) {
        if (typedCode != null && !isCalled(typedCode)) throw new PromotionalCodeRejection.CodeTextFixed(code);
        check(terms, facts);
        Integer limit = terms.usageLimit();
        if (limit != null && limit < uses.taken() && (usageLimit == null || limit < usageLimit)) {
            throw new PromotionalCodeRejection.UsesTaken(code, limit, uses.taken());
        }
        if (terms.equals(terms())) return false;
        apply(terms, now);
        return true;
    }

    /** @return whether it was enabled */
    public boolean disable(Instant now) {
        return setEnabled(false, now);
    }

    /** @return whether it was disabled */
    public boolean enable(Instant now) {
        return setEnabled(true, now);
    }

    private boolean setEnabled(boolean value, Instant now) {
        if (enabled == value) return false;
        enabled = value;
        updatedAt = now;
        return true;
    }

    private static void check(CodeTerms terms, ConferenceFacts facts) {
        List<UUID> unknown = terms.scope().seatTypeIds().stream()
                .filter(s -> !facts.seatTypeIds().contains(s)).toList();
        if (!unknown.isEmpty()) throw new PromotionalCodeRejection.UnknownSeatTypes(unknown);
        Money amount = terms.discount().amount();
        if (amount != null && facts.currency().isPresent() && !facts.currency().get().equals(amount.currency())) {
            throw new PromotionalCodeRejection.CurrencyMismatch(facts.currency().get(), amount.currency());
        }
    }

    private void apply(CodeTerms terms, Instant now) {
        Discount discount = terms.discount();
        discountKind = discount.kind();
        discountPercent = discount.percent();
        discountAmount = discount.amount() == null ? null : discount.amount().amount();
        discountCurrency = discount.amount() == null ? null : discount.amount().currency();
        allSeatTypes = terms.scope().allSeatTypes();
        seatTypeIds.clear();
        seatTypeIds.addAll(terms.scope().seatTypeIds());
        usageLimit = terms.usageLimit();
        validFrom = terms.validFrom();
        validUntil = terms.validUntil();
        exclusive = terms.exclusive();
        updatedAt = now;
    }

    /** Whether {@code typed} is this code's text, as registrants may type it (any case). */
    public boolean isCalled(String typed) {
        return PromotionalCodeText.isValid(typed) && PromotionalCodeText.normalize(typed).equals(code);
    }

    public CodeTerms terms() {
        Discount discount = discountKind == Discount.Kind.PERCENTAGE
                ? Discount.percentage(discountPercent)
                : Discount.fixedAmount(new Money(discountAmount.stripTrailingZeros(), discountCurrency));
        CodeScope scope = allSeatTypes ? CodeScope.ALL_SEAT_TYPES : CodeScope.of(List.copyOf(seatTypeIds));
        return new CodeTerms(discount, scope, usageLimit, validFrom, validUntil, exclusive);
    }

    /** The currency of a fixed-amount discount; none for a percentage. */
    public Optional<String> currency() {
        return Optional.ofNullable(discountCurrency);
    }

    public UUID id() {
        return id;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    /** The normalized text (upper-case). */
    public String code() {
        return code;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
