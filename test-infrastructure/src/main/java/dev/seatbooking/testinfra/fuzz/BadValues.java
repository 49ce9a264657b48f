package dev.seatbooking.testinfra.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a hostile or careless client sends: plausible values to start from (built from the schema), and for each kind
 * of value the ones that must be refused.
 */
final class BadValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String HUGE = "x".repeat(20_000);

    /** Raw (already encoded) path segments. */
    static final List<String> PATH_SEGMENTS = List.of("not-a-uuid", "%00", "%zz", "%", "%2F", "..", "0x0", "+0",
            "%200", "-1", "2147483648", "99999999999999999999", "1.5", "x".repeat(2_000), "%E2%80%AE", "%C0%AE",
            "a;b=c", "", "%09", "%0A");

    /** Raw (already encoded) query values. */
    static final List<String> QUERY_VALUES = List.of("", "%zz", "%", "%00", "%1b", "-1", "2147483648",
            "99999999999999999999", "1.5", "x".repeat(2_000), "%0A");

    static final List<String> HEADER_VALUES = List.of("", "x".repeat(5_000), "not-the-right-one", "%00", "\u0001");

    /** Whole bodies that are no request at all. */
    static final List<String> BODIES = List.of("", "{", "null", "[]", "\"text\"", "123", "{\"a\":}", "{}{}",
            "[".repeat(5_000), "{\"unknown\":1}");

    private BadValues() {
    }

    /** A plausible value of the schema: its example, the first of its enum, or the simplest value its type allows. */
    static JsonNode example(JsonNode schema, java.util.Map<String, String> known, String name) {
        if (schema.has("example") && !schema.path("example").isNull()) return schema.path("example");
        if (schema.has("enum")) return schema.path("enum").get(0);
        String type = types(schema).getFirst();
        String format = schema.path("format").asString("");
        return switch (type) {
            case "string" -> JSON.stringNode(known.containsKey(name) ? known.get(name) : switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2030-06-01";
                case "date-time" -> "2030-06-01T10:00:00Z";
                case "email" -> "fuzz@example.com";
                default -> "fuzz";
            });
            case "integer" -> JSON.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> JSON.numberNode(schema.has("minimum") ? BigDecimal.ONE.max(schema.get("minimum").decimalValue()) : BigDecimal.ONE);
            case "boolean" -> JSON.booleanNode(true);
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(example(schema.path("items"), known, name));
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                schema.path("properties").properties()
                        .forEach(p -> object.set(p.getKey(), example(p.getValue(), known, p.getKey())));
                yield object;
            }
        };
    }

    /**
     * Values the field must refuse, given its schema. A schema may admit several types (OpenAPI 3.1's {@code type}
     * list: an amount as a number or as a string holding one): the wrong values of its first type, but for those of
     * another type it admits, which are refused only if they break that type's own rules (a string's control
     * characters, its length) — they are added instead.
     */
    static List<JsonNode> forField(JsonNode schema, boolean required) {
        List<String> types = types(schema);
        List<JsonNode> bad = new ArrayList<>(forType(schema, required, types.getFirst()));
        for (String other : types.subList(1, types.size())) {
            bad.removeIf(value -> isOf(value, other));
            if (other.equals("null")) continue;
            for (JsonNode value : forType(schema, required, other)) {
                if (isOf(value, other) && !bad.contains(value)) bad.add(value);
            }
        }
        return bad;
    }

    /** The schema's types, the first not {@code null}; {@code object} when it names none. */
    static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
            types.sort(java.util.Comparator.comparing("null"::equals)); // stable: the others keep their order
        } else if (type.isString()) {
            types.add(type.asString());
        }
        if (types.isEmpty() || types.getFirst().equals("null")) types.addFirst("object");
        return types;
    }

    /** Whether a value is of the JSON type a schema names (a whole number is a number too). */
    private static boolean isOf(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> value.isObject();
        };
    }

    private static List<JsonNode> forType(JsonNode schema, boolean required, String type) {
        List<JsonNode> bad = new ArrayList<>();
        if (required) bad.add(JSON.nullNode());
        String format = schema.path("format").asString("");
        switch (type) {
            case "string" -> {
                bad.addAll(List.of(JSON.numberNode(12), JSON.booleanNode(true), JSON.objectNode(), JSON.arrayNode(),
                        JSON.stringNode("a\u0000b"), JSON.stringNode("a\u001bb"), JSON.stringNode(HUGE)));
                if (required) bad.add(JSON.stringNode(""));
                switch (format) {
                    case "uuid" -> bad.addAll(List.of(JSON.stringNode("not-a-uuid"),
                            JSON.stringNode("00000000-0000-0000-0000-00000000000g")));
                    case "date" -> bad.addAll(List.of(JSON.stringNode("0000-01-01"), JSON.stringNode("-0001-01-01"),
                            JSON.stringNode("+100000-01-01"), JSON.stringNode("2030-01-01T00:00"),
                            JSON.numberNode(20_000), JSON.stringNode("2030-02-30")));
                    case "email" -> bad.addAll(List.of(JSON.stringNode("a@b"), JSON.stringNode("william@invalid"),
                            JSON.stringNode("no-at-sign")));
                    case "date-time" -> bad.add(JSON.stringNode("yesterday"));
                    default -> {
                    }
                }
            }
            case "integer" -> {
                bad.addAll(List.of(JSON.stringNode("1"), JSON.numberNode(new BigDecimal("1.5")), JSON.booleanNode(true),
                        JSON.numberNode(new BigInteger("9223372036854775808")), JSON.numberNode(new BigDecimal("1e999999999"))));
                if ("int32".equals(format)) bad.add(JSON.numberNode(2_147_483_648L));
                if (schema.has("maximum")) bad.add(JSON.numberNode(schema.path("maximum").asLong() + 1));
                if (schema.has("minimum")) bad.add(JSON.numberNode(schema.path("minimum").asLong() - 1));
                // the other boundaries a careless client reaches: -1 below a positive minimum, 2^31-1 above a maximum
                if (schema.path("minimum").asLong(Long.MIN_VALUE) > 0) bad.add(JSON.numberNode(-1));
                if (schema.path("maximum").asLong(Long.MAX_VALUE) < Integer.MAX_VALUE) {
                    bad.add(JSON.numberNode(Integer.MAX_VALUE));
                }
            }
            case "number" -> {
                bad.addAll(List.of(JSON.stringNode("1"), JSON.booleanNode(true),
                        JSON.numberNode(new BigDecimal("1e999999999")), JSON.numberNode(new BigDecimal("-1e999999999"))));
                if (schema.has("minimum")) {
                    bad.add(JSON.numberNode(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
                }
                if (schema.has("maximum")) {
                    bad.add(JSON.numberNode(schema.get("maximum").decimalValue().add(new BigDecimal("0.01"))));
                }
            }
            case "boolean" -> bad.addAll(List.of(JSON.stringNode("true"), JSON.numberNode(1)));
            case "array" -> bad.addAll(List.of(JSON.objectNode(), JSON.stringNode("x")));
            default -> bad.addAll(List.of(JSON.arrayNode(), JSON.stringNode("x"), JSON.numberNode(1)));
        }
        return bad;
    }

    /** Three copies of the array's first item, each with its whole numbers at 2^31-1: overflow bait. */
    static ArrayNode overflowingDuplicates(ArrayNode array) {
        ArrayNode copies = JSON.arrayNode();
        if (array.isEmpty()) return copies;
        for (int i = 0; i < 3; i++) {
            JsonNode item = array.get(0).deepCopy();
            if (item instanceof ObjectNode object) {
                for (String field : List.copyOf(object.propertyNames())) {
                    if (object.get(field).isIntegralNumber()) object.put(field, Integer.MAX_VALUE);
                }
            }
            copies.add(item);
        }
        return copies;
    }
}
