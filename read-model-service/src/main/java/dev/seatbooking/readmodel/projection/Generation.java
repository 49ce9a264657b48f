package dev.seatbooking.readmodel.projection;

/**
 * One build of a projection's tables: generation {@code number} lives in schema {@code rm_<projection>_g<number>}.
 * A rebuild fills the next generation while the serving one answers queries, then switches.
 */
public record Generation(String projection, int number, int schemaVersion) {

    public Generation {
        if (!projection.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("Bad projection name " + projection);
        if (number < 1) throw new IllegalArgumentException("Generation numbers start at 1, was " + number);
    }

    public String schema() {
        return "rm_" + projection.replace('-', '_') + "_g" + number;
    }

    @Override
    public String toString() {
        return projection + " g" + number + " (schema v" + schemaVersion + ")";
    }
}
