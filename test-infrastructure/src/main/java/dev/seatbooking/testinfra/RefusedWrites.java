package dev.seatbooking.testinfra;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real database failure, made on purpose: a trigger refuses the writes to a table that match a condition, as a
 * database that goes away in the middle of a transaction fails them (the statement fails, the transaction rolls
 * back). A sequence counts the refusals: no rollback undoes it. Closing drops the trigger; writes go through again.
 */
public final class RefusedWrites implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;
    private final String name;

    private RefusedWrites(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
        this.name = "test_refuse_" + table;
    }

    /**
     * @param event     {@code INSERT} or {@code UPDATE}
     * @param condition a boolean SQL expression over {@code NEW}: the rows refused
     */
    public static RefusedWrites of(DataSource dataSource, String table, String event, String condition) {
        RefusedWrites refused = new RefusedWrites(dataSource, table);
        refused.execute("CREATE SEQUENCE " + refused.name,
                """
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF %2$s THEN
                        PERFORM nextval('%1$s');
                        RAISE EXCEPTION 'a write to %3$s refused (test)';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(refused.name, condition, table),
                "CREATE TRIGGER %1$s BEFORE %2$s ON %3$s FOR EACH ROW EXECUTE FUNCTION %1$s()"
                        .formatted(refused.name, event, table));
        return refused;
    }

    /** How many writes were refused so far. */
    public long refusals() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + name)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        execute("DROP TRIGGER " + name + " ON " + table, "DROP FUNCTION " + name + "()", "DROP SEQUENCE " + name);
    }

    private void execute(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
