package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.readmodel.ReadModelProperties;
import dev.seatbooking.readmodel.conference.ConferenceDetails;
import dev.seatbooking.readmodel.conference.ConferenceQueries;
import dev.seatbooking.readmodel.conference.ConferenceSummary;
import dev.seatbooking.readmodel.conference.ConferencesProjection;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.Projections;
import dev.seatbooking.readmodel.projection.ServingGenerations;
import dev.seatbooking.readmodel.projection.Tables;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The registrant's conference pages: cacheable for a short, configurable time. */
@RestController
@RequestMapping("/api/conferences")
public class ConferenceController {

    private final Projection projection;
    private final ConferenceQueries queries;
    private final ServingGenerations serving;
    private final ReadYourWrites readYourWrites;
    private final CacheControl cache;

    public ConferenceController(Projections projections, ConferenceQueries queries,
                                ServingGenerations serving, ReadYourWrites readYourWrites,
                                ReadModelProperties properties) {
        // By name, as the engine knows it: whichever version of it this instance runs.
        this.projection = projections.get(ConferencesProjection.NAME);
        this.queries = queries;
        this.serving = serving;
        this.readYourWrites = readYourWrites;
        this.cache = CacheControl.maxAge(properties.conferenceCacheMaxAge()).cachePublic();
    }

    @Operation(summary = "Published conferences",
            description = "A consistency token names a conference stream (Conference Management's commands answer it).")
    @GetMapping
    public ResponseEntity<List<ConferenceSummary>> published(
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam) {
        Consistency consistency = readYourWrites.await(projection, tokenHeader, tokenParam);
        Tables tables = serving.tables(projection);
        List<ConferenceSummary> conferences = queries.published(tables);
        String versions = Answers.fingerprint(conferences, c -> c.id() + ":" + c.version());
        return Answers.ok(conferences, tables, conferences.size() + "-" + versions, cache, consistency);
    }

    @Operation(summary = "A published conference with its seat types, prices and seats available now")
    @GetMapping("/{slug}")
    public ResponseEntity<ConferenceDetails> bySlug(
            @PathVariable String slug,
            @Parameter(in = ParameterIn.HEADER, name = ConsistencyToken.HEADER)
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) String tokenHeader,
            @RequestParam(name = "consistencyToken", required = false) String tokenParam) {
        Consistency consistency = readYourWrites.await(projection, tokenHeader, tokenParam);
        Tables tables = serving.tables(projection);
        ConferenceDetails conference = queries.publishedBySlug(tables, slug)
                .orElseThrow(() -> new ViewNotFoundException("published conference", slug, consistency));
        return Answers.ok(conference, tables, conference.versionTag(), cache, consistency);
    }
}
