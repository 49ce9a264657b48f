package dev.seatbooking.readmodel.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every projection of the service, by name. */
public final class Projections {

    private final Map<String, Projection> byName = new LinkedHashMap<>();

    public Projections(List<Projection> projections) {
        for (Projection projection : projections) {
            if (byName.put(projection.name(), projection) != null) {
                throw new IllegalArgumentException("Two projections are named " + projection.name());
            }
        }
    }

    public List<Projection> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Projection> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Projection get(String name) {
        return find(name).orElseThrow(() -> new UnknownProjectionException(name));
    }
}
