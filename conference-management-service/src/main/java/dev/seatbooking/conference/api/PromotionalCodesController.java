package dev.seatbooking.conference.api;

import dev.seatbooking.conference.access.OwnerOnly;
import dev.seatbooking.conference.administration.PromotionalCodeAdministration;
import dev.seatbooking.conference.administration.PromotionalCodeAdministration.CodeChange;
import dev.seatbooking.conference.orders.CodeUsesQueries;
import dev.seatbooking.conference.promotion.CodeUses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conference's promotional codes, for its owner ({@link OwnerOnly}, as every call under the conference). Changes
 * answer with the code and a {@code Consistency-Token}, as seat types do. Codes are disabled, not deleted: orders
 * may hold or have spent uses of them.
 */
@RestController
@OwnerOnly
@RequestMapping("/api/conferences/{conferenceId}/promotional-codes")
@SecurityRequirement(name = OpenApiConfiguration.OWNER_SECURITY)
@Tag(name = "Promotional codes", description = "For the conference's owner")
class PromotionalCodesController {

    private final PromotionalCodeAdministration codes;
    private final CodeUsesQueries uses;

    PromotionalCodesController(PromotionalCodeAdministration codes, CodeUsesQueries uses) {
        this.codes = codes;
        this.uses = uses;
    }

    @GetMapping
    @Operation(summary = "The conference's promotional codes, each with its uses (held, used)")
    List<PromotionalCodeView> list(@PathVariable UUID conferenceId) {
        Map<UUID, CodeUses> counts = uses.usesByConference(conferenceId);
        return codes.list(conferenceId).stream()
                .map(c -> PromotionalCodeView.of(c, counts.getOrDefault(c.id(), CodeUses.NONE))).toList();
    }

    @PostMapping
    @Operation(summary = "Create a promotional code",
            description = "201, enabled. Announced (PromotionalCodeDefined) if the conference was ever published. 409"
                    + " if its text (in any case) or id exists; 422 for a seat type not of this conference or an"
                    + " amount in another currency than the conference's.")
    ResponseEntity<PromotionalCodeView> create(@PathVariable UUID conferenceId,
                                               @Valid @RequestBody PromotionalCodeRequest request) {
        if (request.code() == null) throw new InvalidField("code", "must not be null: it is what registrants type");
        CodeChange created = codes.create(conferenceId, request.id(), request.code(), request.toTerms());
        UUID codeId = created.code().id();
        URI location = URI.create("/api/conferences/" + conferenceId + "/promotional-codes/" + codeId);
        return ConsistencyTokens.withToken(ResponseEntity.created(location), conferenceId, created.eventVersion())
                .body(view(created));
    }

    @GetMapping("/{codeId}")
    @Operation(summary = "One promotional code, with its uses")
    PromotionalCodeView get(@PathVariable UUID conferenceId, @PathVariable UUID codeId) {
        return PromotionalCodeView.of(codes.get(conferenceId, codeId), uses.usesOf(codeId));
    }

    @PutMapping("/{codeId}")
    @Operation(summary = "Replace a promotional code's terms",
            description = "Everything but its text, which is fixed (422 if another is sent) and whether it is enabled."
                    + " The usage limit may shrink down to the uses held and spent (422 below). Announced if the"
                    + " conference was ever published and something changed.")
    ResponseEntity<PromotionalCodeView> edit(@PathVariable UUID conferenceId, @PathVariable UUID codeId,
                                             @Valid @RequestBody PromotionalCodeRequest request) {
        InvalidField.requireSameId(request.id(), codeId);
        return changed(conferenceId, codes.edit(conferenceId, codeId, request.code(), request.toTerms()));
    }

    @PostMapping("/{codeId}/disable")
    @Operation(summary = "Disable a promotional code",
            description = "New orders can no longer apply it; uses already held stay held. Idempotent.")
    ResponseEntity<PromotionalCodeView> disable(@PathVariable UUID conferenceId, @PathVariable UUID codeId) {
        return changed(conferenceId, codes.disable(conferenceId, codeId));
    }

    @PostMapping("/{codeId}/enable")
    @Operation(summary = "Enable a promotional code again", description = "Idempotent.")
    ResponseEntity<PromotionalCodeView> enable(@PathVariable UUID conferenceId, @PathVariable UUID codeId) {
        return changed(conferenceId, codes.enable(conferenceId, codeId));
    }

    private ResponseEntity<PromotionalCodeView> changed(UUID conferenceId, CodeChange change) {
        return ConsistencyTokens.withToken(ResponseEntity.ok(), conferenceId, change.eventVersion()).body(view(change));
    }

    private PromotionalCodeView view(CodeChange change) {
        return PromotionalCodeView.of(change.code(), uses.usesOf(change.code().id()));
    }
}
