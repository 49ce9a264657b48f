package dev.seatbooking.conference.administration;

import dev.seatbooking.conference.domain.Conference;
import dev.seatbooking.conference.domain.ConferenceRejection;
import dev.seatbooking.conference.domain.SeatType;
import dev.seatbooking.conference.promotion.CodeTerms;
import dev.seatbooking.conference.promotion.CodeUsesLookup;
import dev.seatbooking.conference.promotion.ConferenceFacts;
import dev.seatbooking.conference.promotion.PromotionalCode;
import dev.seatbooking.conference.promotion.PromotionalCodeRejection;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import dev.seatbooking.eventsourcing.correlation.Correlation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an owner can do to a conference's promotional codes. Each method is one transaction that locks the
 * conference first (changes of one conference, its seat types and its codes are serial, so the text check below
 * sees every committed code and event versions follow commit order), changes the code and writes
 * {@code PromotionalCodeDefined} to the outbox if the conference was ever published and something changed
 * ({@link ConferenceAdministration#publish} announces every code at the first publication).
 */
@Service
@Transactional
public class PromotionalCodeAdministration {

    /**
     * A code as a change left it.
     *
     * @param eventVersion the conference's event version after the change (for the consistency token)
     */
    public record CodeChange(PromotionalCode code, long eventVersion) {
    }

    private final ConferenceRepository conferences;
    private final PromotionalCodeRepository codes;
    private final ConferenceEventOutbox outbox;
    private final CodeUsesLookup uses;
    private final Clock clock;

    public PromotionalCodeAdministration(ConferenceRepository conferences, PromotionalCodeRepository codes,
                                         ConferenceEventOutbox outbox, CodeUsesLookup uses, Clock clock) {
        this.conferences = conferences;
        this.codes = codes;
        this.outbox = outbox;
        this.uses = uses;
        this.clock = clock;
    }

    /** @param codeId the client's id for it (a replayed create then creates nothing twice), or null */
    public CodeChange create(UUID conferenceId, UUID codeId, String typedCode, CodeTerms terms) {
        Conference conference = conferences.lockForChange(conferenceId);
        UUID id = codeId != null ? codeId : UUID.randomUUID();
        String text = PromotionalCodeText.normalize(typedCode);
        if (codes.existsById(id)) throw new PromotionalCodeRejection.CodeIdTaken(id);
        if (codes.existsInConference(conferenceId, text)) throw new PromotionalCodeRejection.CodeTextTaken(text);
        PromotionalCode code = new PromotionalCode(id, conferenceId, text, terms, facts(conference, c -> true),
                clock.instant());
        codes.save(code);
        announce(conference, code);
        flush(code);
        return new CodeChange(code, conference.eventVersion());
    }

    /** @param typedCode the text, if the owner sent it along: it must be the code's own */
    public CodeChange edit(UUID conferenceId, UUID codeId, String typedCode, CodeTerms terms) {
        Conference conference = conferences.lockForChange(conferenceId);
        PromotionalCode code = code(conferenceId, codeId);
        ConferenceFacts facts = facts(conference, c -> !c.id().equals(codeId));
        if (code.edit(typedCode, terms, facts, uses.usesOf(codeId), clock.instant())) announce(conference, code);
        return new CodeChange(code, conference.eventVersion());
    }

    public CodeChange disable(UUID conferenceId, UUID codeId) {
        Conference conference = conferences.lockForChange(conferenceId);
        PromotionalCode code = code(conferenceId, codeId);
        if (code.disable(clock.instant())) announce(conference, code);
        return new CodeChange(code, conference.eventVersion());
    }

    public CodeChange enable(UUID conferenceId, UUID codeId) {
        Conference conference = conferences.lockForChange(conferenceId);
        PromotionalCode code = code(conferenceId, codeId);
        if (code.enable(clock.instant())) announce(conference, code);
        return new CodeChange(code, conference.eventVersion());
    }

    @Transactional(readOnly = true)
    public List<PromotionalCode> list(UUID conferenceId) {
        if (!conferences.existsById(conferenceId)) throw new ConferenceRejection.ConferenceNotFound(conferenceId);
        return codes.findByConference(conferenceId);
    }

    @Transactional(readOnly = true)
    public PromotionalCode get(UUID conferenceId, UUID codeId) {
        return code(conferenceId, codeId);
    }

    private void announce(Conference conference, PromotionalCode code) {
        if (conference.wasEverPublished()) {
            outbox.announce(conference, Correlation.currentOrNew(), ConferenceMessages.codeDefined(code));
        }
    }

    /**
     * The seat types a scope may name, and the currency a fixed amount must be in: the seat types', or else that of
     * the other fixed-amount codes ({@code counted} leaves out the code being edited, whose currency may change
     * while it is the only thing priced).
     */
    private ConferenceFacts facts(Conference conference, Predicate<PromotionalCode> counted) {
        Optional<String> currency = conference.seatTypes().stream().map(SeatType::currency).findFirst()
                .or(() -> codes.findByConference(conference.id()).stream().filter(counted)
                        .map(PromotionalCode::currency).flatMap(Optional::stream).findFirst());
        return new ConferenceFacts(conference.seatTypes().stream().map(SeatType::id).collect(Collectors.toSet()),
                currency);
    }

    private PromotionalCode code(UUID conferenceId, UUID codeId) {
        return codes.findInConference(conferenceId, codeId)
                .orElseThrow(() -> new PromotionalCodeRejection.CodeNotFound(codeId));
    }

    /** The checks above see every committed code (the conference is locked); the database is the backstop. */
    private void flush(PromotionalCode code) {
        UniqueKeys.flush(codes, Map.of(
                "promotional_codes_code_unique", () -> new PromotionalCodeRejection.CodeTextTaken(code.code()),
                "promotional_codes_pkey", () -> new PromotionalCodeRejection.CodeIdTaken(code.id())));
    }
}
