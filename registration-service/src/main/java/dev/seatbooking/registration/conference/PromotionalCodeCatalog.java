package dev.seatbooking.registration.conference;

import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.CodeScope;
import dev.seatbooking.contracts.conference.ConferenceEvent.PromotionalCodeDefined;
import dev.seatbooking.contracts.conference.Discount;
import dev.seatbooking.registration.order.PromotionalCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of the promotional codes Conference Management defined (table {@code promotional_codes}, each
 * code's full current definition): what a registrant's code is checked against. Written only by
 * {@link ConferenceEventHandler}; read without a cache (codes are applied far less often than orders are priced).
 */
@Component
public class PromotionalCodeCatalog {

    private static final String COLUMNS = """
            id, code, discount_kind, percent, amount, currency, all_seat_types, seat_type_ids, usage_limit, valid_from,
            valid_until, exclusive, enabled""";
    private static final String BY_CODE = "SELECT " + COLUMNS
            + " FROM promotional_codes WHERE conference_id = ? AND code = ?";
    private static final String BY_ID = "SELECT " + COLUMNS
            + " FROM promotional_codes WHERE conference_id = ? AND id = ?";
    private static final String ENSURE_CONFERENCE = "INSERT INTO conferences (id) VALUES (?) ON CONFLICT DO NOTHING";
    private static final String UPSERT = """
            INSERT INTO promotional_codes (conference_id, id, code, discount_kind, percent, amount, currency,
                                           all_seat_types, seat_type_ids, usage_limit, valid_from, valid_until,
                                           exclusive, enabled, event_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (conference_id, id) DO UPDATE SET code = excluded.code,
                discount_kind = excluded.discount_kind, percent = excluded.percent, amount = excluded.amount,
                currency = excluded.currency, all_seat_types = excluded.all_seat_types,
                seat_type_ids = excluded.seat_type_ids, usage_limit = excluded.usage_limit,
                valid_from = excluded.valid_from, valid_until = excluded.valid_until, exclusive = excluded.exclusive,
                enabled = excluded.enabled,
                event_version = greatest(promotional_codes.event_version, excluded.event_version), updated_at = now()
            WHERE excluded.event_version = 0 OR promotional_codes.event_version < excluded.event_version""";

    private final JdbcTemplate jdbc;

    public PromotionalCodeCatalog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The conference's codes by their normalized text, as the Order looks them up. */
    public PromotionalCode.Lookup of(UUID conferenceId) {
        return code -> jdbc.query(BY_CODE, ROW, conferenceId, code).stream().findFirst();
    }

    public Optional<PromotionalCode> byId(UUID conferenceId, UUID codeId) {
        return jdbc.query(BY_ID, ROW, conferenceId, codeId).stream().findFirst();
    }

    /**
     * The full definition replaces what was kept (the text never changes: the id is the code's identity), unless it is
     * older than the one kept (delivered late: V9).
     */
    void defined(PromotionalCodeDefined e, long version) {
        jdbc.update(ENSURE_CONFERENCE, e.conferenceId());
        Discount discount = e.discount();
        Money amount = discount.amount();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(UPSERT);
            Object[] values = {e.conferenceId(), e.codeId(), e.code(), discount.kind().name(), discount.percent(),
                    amount == null ? null : amount.amount(), amount == null ? null : amount.currency(),
                    e.scope().allSeatTypes(), uuids(connection, e.scope().seatTypeIds()), e.usageLimit(),
                    timestamp(e.validFrom()), timestamp(e.validUntil()), e.exclusive(), e.enabled(), version};
            for (int i = 0; i < values.length; i++) statement.setObject(i + 1, values[i]);
            return statement;
        });
    }

    private static final RowMapper<PromotionalCode> ROW = (rs, n) -> new PromotionalCode(
            rs.getObject("id", UUID.class), rs.getString("code"), discount(rs), scope(rs),
            (Integer) rs.getObject("usage_limit"), instant(rs.getTimestamp("valid_from")),
            instant(rs.getTimestamp("valid_until")), rs.getBoolean("exclusive"), rs.getBoolean("enabled"));

    private static Discount discount(ResultSet rs) throws SQLException {
        return Discount.Kind.valueOf(rs.getString("discount_kind")) == Discount.Kind.PERCENTAGE
                ? Discount.percentage(rs.getInt("percent"))
                : Discount.fixedAmount(new Money(rs.getBigDecimal("amount"), rs.getString("currency")));
    }

    private static CodeScope scope(ResultSet rs) throws SQLException {
        if (rs.getBoolean("all_seat_types")) return CodeScope.ALL_SEAT_TYPES;
        List<UUID> ids = Arrays.stream((Object[]) rs.getArray("seat_type_ids").getArray()).map(UUID.class::cast)
                .toList();
        return CodeScope.of(ids);
    }

    private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
