package dev.seatbooking.testinfra.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI 3 document, with their parameters and JSON body schema ({@code $ref}s resolved). */
final class OpenApi {

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, JsonNode body, boolean bodyRequired) {
        boolean safe() {
            return Set.of("GET", "HEAD", "OPTIONS").contains(method);
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    OpenApi(JsonNode document) {
        this.document = document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                operations.add(operation(method, path.getKey(), entry.getValue(), path.getValue().path("parameters")));
            }
        }
        return operations;
    }

    private Operation operation(String method, String path, JsonNode operation, JsonNode shared) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(shared, operation.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = resolve(p);
                parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                        parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
            }
        }
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        JsonNode body = null;
        for (Map.Entry<String, JsonNode> type : content.properties()) {
            if (type.getKey().contains("json")) body = resolveDeep(type.getValue().path("schema"), 0);
        }
        return new Operation(method, path, parameters, body,
                resolve(operation.path("requestBody")).path("required").asBoolean(body != null));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String[] steps = current.path("$ref").asString().substring(2).split("/");
            JsonNode target = document;
            for (String step : steps) target = target.path(step);
            current = target;
        }
        return current;
    }

    /** A schema with every {@code $ref} replaced by its target, to a bounded depth (recursive schemas stop there). */
    private JsonNode resolveDeep(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (!resolved.isObject() || depth > 6) return resolved;
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : resolved.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), resolveDeep(p.getValue(), depth + 1)));
                }
                case "items" -> copy.set("items", resolveDeep(value, depth + 1));
                case "allOf", "oneOf", "anyOf" -> {
                    // the first alternative stands for the whole: enough to build a plausible body
                    if (!value.isEmpty()) resolveDeep(value.get(0), depth + 1).properties()
                            .forEach(p -> copy.set(p.getKey(), p.getValue()));
                }
                default -> copy.set(field.getKey(), value);
            }
        }
        return copy;
    }
}
