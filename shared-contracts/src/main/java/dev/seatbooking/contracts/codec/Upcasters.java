package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.ContractException;
import dev.seatbooking.contracts.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** A chain of upcasters, at most one per (type, version) it starts from. Immutable. */
public final class Upcasters {

    /**
     * V1 of the Order aggregate stored {@code OrderPaymentConfirmed}{orderId}; since free orders exist it is
     * {@code OrderConfirmed}{orderId, isFreeOfCharge}. Every V1 confirmation was a payment, hence false.
     */
    public static final Upcaster ORDER_PAYMENT_CONFIRMED_V1 = Upcaster.of(
            "registration.OrderPaymentConfirmed", 1, "registration.OrderConfirmed", 1,
            json -> json.put("isFreeOfCharge", false));

    /**
     * V1 of {@code OrderTotalsCalculated} knew no promotional codes; V2 lists the discounts (issue 14). A V1 event
     * took nothing off: its total is its lines' sum, so it gets an empty list. A V1 event already carrying the list
     * (stored while the field was optional, before the version was raised) keeps it.
     */
    public static final Upcaster ORDER_TOTALS_CALCULATED_V1 = Upcaster.of(
            "registration.OrderTotalsCalculated", 1, "registration.OrderTotalsCalculated", 2,
            Upcasters::withNoDiscounts);

    private static final Upcasters NONE = new Upcasters(List.of());
    private static final Upcasters CONTRACTS = new Upcasters(List.of(ORDER_PAYMENT_CONFIRMED_V1,
            ORDER_TOTALS_CALCULATED_V1));

    private final Map<Key, Upcaster> byOrigin = new LinkedHashMap<>();

    private Upcasters(List<Upcaster> upcasters) {
        for (Upcaster upcaster : upcasters) {
            Require.nonNull(upcaster, "upcaster");
            Key origin = new Key(upcaster.fromType(), upcaster.fromVersion());
            if (byOrigin.putIfAbsent(origin, upcaster) != null) {
                throw new IllegalArgumentException("two upcasters start from " + origin);
            }
        }
    }

    public static Upcasters none() {
        return NONE;
    }

    /** The upcasters of this module's own messages. */
    public static Upcasters contracts() {
        return CONTRACTS;
    }

    public static Upcasters of(Upcaster... upcasters) {
        return new Upcasters(List.of(upcasters));
    }

    /** These upcasters and {@code more}, e.g. {@code Upcasters.contracts().with(myUpcaster)}. */
    public Upcasters with(Upcaster... more) {
        List<Upcaster> all = new ArrayList<>(byOrigin.values());
        all.addAll(List.of(more));
        return new Upcasters(all);
    }

    /**
     * Applies upcasters until none starts from the message's (type, version). A message no upcaster matches is
     * returned as it is.
     */
    public JsonMessage upcast(JsonMessage stored) {
        JsonMessage current = Require.nonNull(stored, "stored");
        Set<Key> visited = new HashSet<>();
        for (Key origin = Key.of(current); byOrigin.containsKey(origin); origin = Key.of(current)) {
            if (!visited.add(origin)) {
                throw new ContractException("upcasters go round in a circle through " + origin);
            }
            current = Require.nonNull(byOrigin.get(origin).upcast(current.json()),
                    "result of the upcaster from " + origin);
        }
        return current;
    }

    private static ObjectNode withNoDiscounts(ObjectNode totals) {
        if (!totals.hasNonNull("discounts")) {
            totals.putArray("discounts");
        }
        return totals;
    }

    private record Key(String type, int version) {
        static Key of(JsonMessage message) {
            return new Key(message.type(), message.schemaVersion());
        }

        @Override
        public String toString() {
            return type + " v" + version;
        }
    }
}
