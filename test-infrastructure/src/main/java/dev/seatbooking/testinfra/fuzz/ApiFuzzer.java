package dev.seatbooking.testinfra.fuzz;

import dev.seatbooking.testinfra.fuzz.OpenApi.Operation;
import dev.seatbooking.testinfra.fuzz.OpenApi.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Sends every operation of an OpenAPI document the requests a hostile or careless client would: broken path
 * segments and query values, wrong and missing headers, bodies that are not JSON, and for every field of the body
 * wrong types, missing required values, control characters, huge texts, boundary numbers, impossible dates,
 * unknown fields and overflowing duplicate lines. Each answer must be a 4xx problem ({@code application/problem+json}
 * whose {@code status} is the answer's) — never a 5xx, never a stack trace — and a request that changes something
 * must not be accepted with any of them. What broke is reported, request by request.
 *
 * <p>Start from values that reach deep: {@link Builder#value} gives path, query and body fields of that name a real
 * value (an existing order's id), {@link Builder#header} sends a header with every request (its access code), so
 * that a mutation is judged by validation rather than refused for an unknown id.
 */
public final class ApiFuzzer {

    /** One answer that broke the rules. */
    public record Finding(String request, int status, String why, String answer) {
        @Override
        public String toString() {
            return request + " -> " + status + ": " + why + " | " + answer;
        }
    }

    /** What a run did. */
    public record Report(int requests, List<Finding> findings) {
    }

    private record Request(String method, String target, Map<String, String> headers, byte[] body, String note) {
        String describe() {
            String shown = body == null ? "" : " " + new String(body, StandardCharsets.UTF_8);
            if (shown.length() > 300) shown = shown.substring(0, 300) + "…";
            String path = target.length() > 200 ? target.substring(0, 200) + "…" : target;
            return method + " " + path + " [" + note + "]" + shown;
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private final RawHttp http;
    private final OpenApi api;
    private final UnaryOperator<String> route;
    private final Map<String, String> values;
    private final Map<String, Map<String, String>> operationValues;
    private final Map<String, String> headers;
    private final Set<String> skipped;
    private final Set<String> skippedParameters;

    private ApiFuzzer(Builder builder) throws IOException {
        URI base = URI.create(builder.baseUrl);
        this.http = new RawHttp(base.getHost(), base.getPort(), builder.from);
        this.api = new OpenApi(builder.document);
        this.route = builder.route;
        this.values = Map.copyOf(builder.values);
        this.operationValues = Map.copyOf(builder.operationValues);
        this.headers = Map.copyOf(builder.headers);
        this.skipped = Set.copyOf(builder.skipped);
        this.skippedParameters = Set.copyOf(builder.skippedParameters);
    }

    public static Builder against(String baseUrl, String openApiJson) {
        return new Builder(baseUrl, MAPPER.readTree(openApiJson));
    }

    /** The OpenAPI document a service serves at {@code <baseUrl>/v3/api-docs}. */
    public static String documentOf(String baseUrl) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            var answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("No OpenAPI document at " + baseUrl + ": " + answer.statusCode());
            }
            return answer.body();
        }
    }

    /** The document's operations as the fuzzer names them ({@code "PUT /api/orders/{orderId}/seats"}). */
    public static List<String> operationsOf(String openApiJson) {
        return new OpenApi(MAPPER.readTree(openApiJson)).operations().stream().map(Operation::toString).toList();
    }

    public Report run() throws IOException {
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        for (Operation operation : api.operations()) {
            if (skipped.contains(operation.toString())) continue;
            for (Request request : requestsFor(operation)) {
                requests++;
                judge(operation, request, http.send(request.method(), request.target(), request.headers(),
                        request.body())).ifPresent(findings::add);
            }
        }
        return new Report(requests, findings);
    }

    private java.util.Optional<Finding> judge(Operation operation, Request request, RawHttp.Answer answer) {
        String why = null;
        if (answer.status() >= 500) {
            why = "server error";
        } else if (answer.status() >= 400) {
            why = problemFault(answer);
        } else if (!operation.safe()) {
            why = "accepted a bad request";
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) why = "leaks internals";
        if (why == null) return java.util.Optional.empty();
        String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body();
        return java.util.Optional.of(new Finding(request.describe(), answer.status(), why, body));
    }

    private static String problemFault(RawHttp.Answer answer) {
        if (!answer.header("content-type").startsWith("application/problem+json")) {
            return "error is not application/problem+json but '" + answer.header("content-type") + "'";
        }
        try {
            JsonNode problem = MAPPER.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status()) return "problem's status differs from the answer's";
            if (!problem.path("type").asString().startsWith("https://seatbooking.dev/problems/")) {
                return "problem type outside the vocabulary";
            }
            return null;
        } catch (RuntimeException e) {
            return "problem is not valid JSON";
        }
    }

    // --- the requests ---

    private List<Request> requestsFor(Operation operation) {
        List<Request> requests = new ArrayList<>();
        JsonNode body = operation.body() == null ? null : BadValues.example(operation.body(), valuesFor(operation), "");
        for (Parameter parameter : mutated(operation, "path")) {
            for (String segment : BadValues.PATH_SEGMENTS) {
                requests.add(request(operation, Map.of(parameter.name(), segment), Map.of(), headers, json(body),
                        "path " + parameter.name()));
            }
        }
        for (Parameter parameter : mutated(operation, "query")) {
            for (String value : BadValues.QUERY_VALUES) {
                requests.add(request(operation, Map.of(), Map.of(parameter.name(), value), headers, json(body),
                        "query " + parameter.name()));
            }
        }
        for (Parameter parameter : mutated(operation, "header")) {
            for (String value : BadValues.HEADER_VALUES) {
                Map<String, String> changed = new LinkedHashMap<>(headers);
                changed.put(parameter.name(), value);
                requests.add(request(operation, Map.of(), Map.of(), changed, json(body), "header " + parameter.name()));
            }
            if (parameter.required()) {
                Map<String, String> without = new LinkedHashMap<>(headers);
                without.remove(parameter.name());
                requests.add(request(operation, Map.of(), Map.of(), without, json(body), "without " + parameter.name()));
            }
        }
        if (operation.body() != null) {
            for (String bad : BadValues.BODIES) {
                requests.add(request(operation, Map.of(), Map.of(), headers, bad.getBytes(StandardCharsets.UTF_8),
                        "body"));
            }
            Map<String, String> plain = new LinkedHashMap<>(headers);
            plain.put("Content-Type", "text/plain");
            requests.add(request(operation, Map.of(), Map.of(), plain, json(body), "content type"));
            fieldMutations(operation, operation.body(), body, body, "", requests);
        }
        return requests;
    }

    /** The operation's parameters in this place whose mutations are sent (all but those {@link Builder#skip(String,
     * String) skipped}). */
    private List<Parameter> mutated(Operation operation, String where) {
        return operation.in(where).stream()
                .filter(p -> !skippedParameters.contains(operation + " " + p.name())).toList();
    }

    /** Walks the example body beside its schema, mutating one field at a time. */
    private void fieldMutations(Operation operation, JsonNode schema, JsonNode root, JsonNode node, String path,
                                List<Request> requests) {
        if (node instanceof ObjectNode object) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            ObjectNode unknown = object.deepCopy();
            unknown.put("unknownField", "x");
            requests.add(withBody(operation, replaced(root, node, unknown), "unknown field in " + path));
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode fieldSchema = schema.path("properties").path(field);
                String fieldPath = path.isEmpty() ? field : path + "." + field;
                for (JsonNode bad : BadValues.forField(fieldSchema, required.contains(field))) {
                    ObjectNode changed = object.deepCopy();
                    changed.set(field, bad);
                    requests.add(withBody(operation, replaced(root, node, changed), fieldPath));
                }
                if (required.contains(field)) {
                    ObjectNode without = object.deepCopy();
                    without.remove(field);
                    requests.add(withBody(operation, replaced(root, node, without), "without " + fieldPath));
                }
                fieldMutations(operation, fieldSchema, root, object.get(field), fieldPath, requests);
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            requests.add(withBody(operation, replaced(root, node, BadValues.overflowingDuplicates(array)),
                    "overflowing duplicates in " + path));
            fieldMutations(operation, schema.path("items"), root, array.get(0), path + "[0]", requests);
        }
    }

    /** A copy of the whole body with {@code target} (found by identity) replaced. */
    private static JsonNode replaced(JsonNode root, JsonNode target, JsonNode replacement) {
        if (root == target) return replacement;
        JsonNode copy = root.deepCopy();
        replaceIn(root, copy, target, replacement);
        return copy;
    }

    private static boolean replaceIn(JsonNode original, JsonNode copy, JsonNode target, JsonNode replacement) {
        if (original instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                if (object.get(field) == target) {
                    ((ObjectNode) copy).set(field, replacement);
                    return true;
                }
                if (replaceIn(object.get(field), copy.get(field), target, replacement)) return true;
            }
        } else if (original instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == target) {
                    ((ArrayNode) copy).set(i, replacement);
                    return true;
                }
                if (replaceIn(array.get(i), copy.get(i), target, replacement)) return true;
            }
        }
        return false;
    }

    private Request withBody(Operation operation, JsonNode body, String note) {
        return request(operation, Map.of(), Map.of(), headers, json(body), "field " + note);
    }

    private Request request(Operation operation, Map<String, String> rawPath, Map<String, String> rawQuery,
                            Map<String, String> requestHeaders, byte[] body, String note) {
        Map<String, String> values = valuesFor(operation);
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = rawPath.containsKey(parameter.name()) ? rawPath.get(parameter.name())
                    : encode(BadValues.example(parameter.schema(), values, parameter.name()).asString());
            path = path.replace("{" + parameter.name() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.in("query")) {
            String value = rawQuery.get(parameter.name());
            if (value == null && !parameter.required() && !values.containsKey(parameter.name())) continue;
            if (value == null) value = encode(BadValues.example(parameter.schema(), values, parameter.name()).asString());
            query.append(query.isEmpty() ? '?' : '&').append(encode(parameter.name())).append('=').append(value);
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) all.put("Content-Type", "application/json");
        all.putAll(requestHeaders);
        return new Request(operation.method(), route.apply(path) + query, all, body, note);
    }

    /** The real values for this operation's fields: {@link Builder#value(String, String, String)} over the rest. */
    private Map<String, String> valuesFor(Operation operation) {
        Map<String, String> own = operationValues.get(operation.toString());
        if (own == null) return values;
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(own);
        return merged;
    }

    private static byte[] json(JsonNode body) {
        return body == null ? null : MAPPER.writeValueAsBytes(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static final class Builder {
        private final String baseUrl;
        private final JsonNode document;
        private UnaryOperator<String> route = UnaryOperator.identity();
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> operationValues = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> skipped = new HashSet<>();
        private String from;
        private final Set<String> skippedParameters = new HashSet<>();

        private Builder(String baseUrl, JsonNode document) {
            this.baseUrl = baseUrl;
            this.document = document;
        }

        /** Where a path of the document is sent: e.g. the gateway's prefix for the service. */
        public Builder route(UnaryOperator<String> route) {
            this.route = route;
            return this;
        }

        /** A real value for path, query and body fields of this name (an existing resource's id). */
        public Builder value(String name, String value) {
            values.put(name, value);
            return this;
        }

        /**
         * A real value for fields of this name in one operation only ({@code "PUT /api/x/{id}"}), over
         * {@link #value(String, String)}: where one name means different things (a body's {@code id} that must be
         * the path's), so that a mutation is judged by validation rather than refused for the mismatch.
         */
        public Builder value(String operation, String name, String value) {
            operationValues.computeIfAbsent(operation, o -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** A header sent with every request (credentials that open the resources named by {@link #value}). */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Leaves out an operation ({@code "POST /api/x"}); say why where you call it. */
        public Builder skip(String operation) {
            skipped.add(operation);
            return this;
        }

        /** Leaves out every operation of the document but these (another run fuzzes them, in the state they need). */
        public Builder only(Collection<String> kept) {
            new OpenApi(document).operations().stream().map(Operation::toString)
                    .filter(operation -> !kept.contains(operation)).forEach(skipped::add);
            return this;
        }

        /**
         * Sends from this local address (e.g. {@code 127.0.0.2}): to the server another client, so that the
         * throttles the fuzzing trips hold back that client only.
         */
        public Builder from(String localAddress) {
            this.from = localAddress;
            return this;
        }

        /**
         * Sends no mutations of one parameter of an operation ({@code "POST /api/x", "Some-Header"}), its other
         * requests all the same: for a parameter the operation does not read in the state this run starts from, so that
         * any value of it is as good as none and its "bad" values make valid requests. Say why where you call it.
         */
        public Builder skip(String operation, String parameter) {
            skippedParameters.add(operation + " " + parameter);
            return this;
        }

        public ApiFuzzer build() throws IOException {
            return new ApiFuzzer(this);
        }
    }
}
