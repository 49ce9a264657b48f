package dev.seatbooking.readmodel.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A generation's tables: plain SQL in which {@code {g}} stands for the generation's schema. Joins the caller's
 * transaction (Spring's, on the service's data source).
 */
public final class Tables {

    private final Generation generation;
    private final JdbcTemplate jdbc;
    private final ConcurrentMap<String, String> statements = new ConcurrentHashMap<>();

    public Tables(Generation generation, JdbcTemplate jdbc) {
        this.generation = generation;
        this.jdbc = jdbc;
    }

    public Generation generation() {
        return generation;
    }

    /** The statement with {@code {g}} replaced by this generation's schema. */
    public String sql(String template) {
        return statements.computeIfAbsent(template, t -> t.replace("{g}", generation.schema()));
    }

    public int update(String template, Object... args) {
        return jdbc.update(sql(template), args);
    }

    public void batchUpdate(String template, List<Object[]> args) {
        if (!args.isEmpty()) jdbc.batchUpdate(sql(template), args);
    }

    public <T> List<T> query(String template, RowMapper<T> rows, Object... args) {
        return jdbc.query(sql(template), rows, args);
    }

    public <T> Optional<T> queryOne(String template, RowMapper<T> rows, Object... args) {
        return query(template, rows, args).stream().findFirst();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
