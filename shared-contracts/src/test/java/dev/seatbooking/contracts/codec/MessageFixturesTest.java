package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.MessageSamples;
import dev.seatbooking.contracts.MessageTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire format of every message, pinned: {@code fixtures/<type name>.json} holds the exact JSON of the sample of
 * that type ({@link MessageSamples}). Encode-then-decode alone would pass a renamed record component while breaking
 * every stored event and every consumer; these fail. The codec is the one the services use for the event store and
 * for Kafka ({@link MessageCodec#contracts()}).
 *
 * <p>A changed fixture is a changed contract: give the message a new schema version with an upcaster instead
 * (see {@code UpcastingTest}). A new message type needs a fixture: the failure prints the JSON to check and save.
 * The one change that keeps the version is a new optional field: its fixture shows the field, and the message as
 * stored before it goes to {@code fixtures-older/<type name>.json}, which must still decode, the field absent
 * ({@link MessageSamples#olderShapeOf}). A message whose version was raised keeps its version 1 as stored in
 * {@code fixtures-v1/<type name>.json}, which must decode through its upcasters ({@link MessageSamples#v1ShapeOf}).
 */
class MessageFixturesTest {

    private static final MessageCodec CODEC = MessageCodec.contracts();
    /** Compares as the codec reads: exact decimals with their trailing zeros; field order does not matter. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static Stream<Class<? extends Message>> messageTypes() {
        return CODEC.types().classes().stream();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void a_message_encodes_to_exactly_its_fixture(Class<? extends Message> type) {
        String encoded = CODEC.encode(MessageSamples.sampleOf(type)).json();

        assertThat(JSON.readTree(encoded))
                .as("%s encodes to %s:%n%s", name(type), fixturePath(type), pretty(encoded))
                .isEqualTo(JSON.readTree(fixture(type)));
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void a_fixture_decodes_to_the_sample_it_was_made_from(Class<? extends Message> type) {
        Message decoded = CODEC.decode(name(type), CODEC.types().versionOf(type), fixture(type));

        assertThat(decoded).isEqualTo(MessageSamples.sampleOf(type));
    }

    @Test
    void every_message_type_has_a_fixture_and_every_fixture_a_message_type() throws Exception {
        List<String> expected = messageTypes().map(type -> name(type) + ".json").sorted().toList();
        List<String> present;
        try (Stream<Path> files = Files.list(fixturesDirectory())) {
            present = files.map(path -> path.getFileName().toString()).sorted().toList();
        }

        assertThat(present).as("fixtures in src/test/resources/fixtures").containsExactlyElementsOf(expected);
    }

    static Stream<String> olderShapes() throws Exception {
        return typeNamesIn("fixtures-older");
    }

    @ParameterizedTest
    @MethodSource("olderShapes")
    void a_message_stored_before_an_optional_field_was_added_still_decodes(String typeName) throws Exception {
        String stored = Files.readString(directory("fixtures-older").resolve(typeName + ".json"));
        Class<? extends Message> type = MessageSamples.olderShapeOf(typeName).getClass();

        Message decoded = CODEC.decode(typeName, CODEC.types().versionOf(type), stored);

        assertThat(decoded).isEqualTo(MessageSamples.olderShapeOf(typeName));
    }

    static Stream<String> v1Shapes() throws Exception {
        return typeNamesIn("fixtures-v1");
    }

    private static Stream<String> typeNamesIn(String directory) throws Exception {
        try (Stream<Path> files = Files.list(directory(directory))) {
            return files.map(path -> path.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("v1Shapes")
    void a_message_stored_in_version_1_before_its_version_was_raised_decodes_upcast(String typeName) throws Exception {
        String stored = Files.readString(directory("fixtures-v1").resolve(typeName + ".json"));

        Message decoded = CODEC.decode(typeName, 1, stored);

        assertThat(CODEC.types().versionOf(decoded.getClass())).as("current version").isGreaterThan(1);
        assertThat(decoded).isEqualTo(MessageSamples.v1ShapeOf(typeName));
    }

    private static String name(Class<? extends Message> type) {
        return CODEC.types().nameOf(type);
    }

    private static String fixturePath(Class<? extends Message> type) {
        return "fixtures/" + name(type) + ".json";
    }

    private static String fixture(Class<? extends Message> type) {
        String path = fixturePath(type);
        try (InputStream in = MessageFixturesTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("No fixture " + path + " (src/test/resources): check and save\n"
                        + pretty(CODEC.encode(MessageSamples.sampleOf(type)).json()));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pretty(String json) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    }

    private static Path fixturesDirectory() throws URISyntaxException {
        return directory("fixtures");
    }

    private static Path directory(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(MessageFixturesTest.class.getClassLoader().getResource(name),
                "src/test/resources/" + name).toURI());
    }
}
