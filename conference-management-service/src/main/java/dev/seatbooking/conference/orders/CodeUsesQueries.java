package dev.seatbooking.conference.orders;

import dev.seatbooking.conference.promotion.CodeUses;
import dev.seatbooking.conference.promotion.CodeUsesLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Each code's uses, read from what {@link CodeUsesProjection} keeps; none before registration reported any. */
@Component
public class CodeUsesQueries implements CodeUsesLookup {

    private final JdbcTemplate jdbc;

    public CodeUsesQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public CodeUses usesOf(UUID codeId) {
        return jdbc.query("SELECT held, used FROM promotional_code_uses WHERE code_id = ?",
                        (rs, row) -> new CodeUses(rs.getInt("held"), rs.getInt("used")), codeId)
                .stream().findFirst().orElse(CodeUses.NONE);
    }

    /** The uses of the conference's codes that have any, by code id. */
    public Map<UUID, CodeUses> usesByConference(UUID conferenceId) {
        Map<UUID, CodeUses> uses = new HashMap<>();
        jdbc.query("SELECT code_id, held, used FROM promotional_code_uses WHERE conference_id = ?",
                rs -> {
                    uses.put(rs.getObject("code_id", UUID.class), new CodeUses(rs.getInt("held"), rs.getInt("used")));
                }, conferenceId);
        return uses;
    }
}
