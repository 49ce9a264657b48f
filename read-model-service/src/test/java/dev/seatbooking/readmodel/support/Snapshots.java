package dev.seatbooking.readmodel.support;

import dev.seatbooking.readmodel.projection.Generation;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every row of a generation's read tables (and its stream versions), as text, in a stable order. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Map<String, List<String>> of(JdbcTemplate jdbc, Generation generation) {
        Map<String, List<String>> tables = new TreeMap<>();
        List<String> names = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = ? AND table_name NOT IN ('offsets', 'anomalies') ORDER BY table_name""",
                String.class, generation.schema());
        for (String name : names) {
            tables.put(name, jdbc.queryForList(
                    "SELECT t::text FROM " + generation.schema() + "." + name + " t ORDER BY t::text", String.class));
        }
        return tables;
    }
}
