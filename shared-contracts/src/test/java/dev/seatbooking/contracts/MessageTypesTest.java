package dev.seatbooking.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageTypesTest {

    private final MessageTypes types = MessageTypes.contracts();

    @Test
    void every_message_class_of_the_module_is_in_the_contracts_registry() throws Exception {
        List<Class<?>> annotated = compiledClassesOfThisModule().stream()
                .filter(c -> c.isAnnotationPresent(MessageType.class))
                .toList();

        assertThat(annotated).hasSizeGreaterThanOrEqualTo(40);
        assertThat(types.classes()).containsExactlyInAnyOrderElementsOf(annotated.stream()
                .<Class<? extends Message>>map(c -> c.asSubclass(Message.class)).toList());
    }

    @Test
    void names_are_unique_and_stable_context_dot_name_without_the_java_package() {
        assertThat(types.names()).hasSameSizeAs(types.classes()).doesNotHaveDuplicates();
        for (Class<? extends Message> type : types.classes()) {
            String name = types.nameOf(type);
            String context = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
            assertThat(name)
                    .doesNotContain(type.getPackageName())
                    .doesNotContain("dev.seatbooking")
                    .doesNotContain("$")
                    .isEqualTo(context + "." + type.getSimpleName());
        }
    }

    @Test
    void looks_up_names_and_classes_both_ways() {
        assertThat(types.nameOf(OrderPlaced.class)).isEqualTo("registration.OrderPlaced");
        assertThat(types.versionOf(OrderPlaced.class)).isEqualTo(1);
        assertThat(types.classOf("registration.OrderPlaced")).isEqualTo(OrderPlaced.class);
        assertThat(types.find("registration.OrderPlaced")).contains(OrderPlaced.class);
        assertThat(types.contains("payments.PaymentCompleted")).isTrue();
    }

    @Test
    void an_unknown_name_is_rejected_naming_it() {
        assertThat(types.find("registration.NoSuchThing")).isEmpty();
        assertThatThrownBy(() -> types.classOf("registration.NoSuchThing"))
                .isInstanceOf(UnknownMessageTypeException.class)
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("'registration.NoSuchThing'");
    }

    @Test
    void an_unregistered_class_is_rejected_naming_it() {
        assertThatThrownBy(() -> types.nameOf(LocalEvent.class))
                .isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining(LocalEvent.class.getName());
    }

    @Test
    void a_service_adds_its_own_messages_to_the_contracts() {
        MessageTypes serviceTypes = MessageTypes.builder().include(types).include(LocalEvent.class).build();

        assertThat(serviceTypes.classOf("test.LocalEvent")).isEqualTo(LocalEvent.class);
        assertThat(serviceTypes.classOf("registration.OrderPlaced")).isEqualTo(OrderPlaced.class);
        assertThat(serviceTypes.names()).hasSize(types.names().size() + 1);
    }

    @Test
    void including_a_sealed_root_includes_every_record_it_permits() {
        MessageTypes only = MessageTypes.builder().include(OrderEvent.class).build();

        assertThat(only.classes()).hasSize(11)
                .containsExactlyInAnyOrderElementsOf(Stream.of(OrderEvent.class.getPermittedSubclasses())
                        .<Class<? extends Message>>map(c -> c.asSubclass(Message.class)).toList());
        assertThat(only.contains("registration.MakeSeatReservation")).isFalse();
    }

    @Test
    void including_the_same_class_twice_is_harmless() {
        MessageTypes twice = MessageTypes.builder()
                .include(SeatsAvailabilityCommand.class).include(SeatsAvailabilityCommand.class).build();

        assertThat(twice.names()).hasSize(SeatsAvailabilityCommand.class.getPermittedSubclasses().length);
    }

    @Test
    void fails_fast_on_a_message_without_annotation() {
        assertThatThrownBy(() -> MessageTypes.builder().include(Unannotated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Unannotated.class.getName())
                .hasMessageContaining("@MessageType");
    }

    @Test
    void fails_fast_on_a_sealed_root_with_an_unannotated_record() {
        assertThatThrownBy(() -> MessageTypes.builder().include(BrokenRoot.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BrokenRoot.Unnamed.class.getName());
    }

    @Test
    void fails_fast_on_a_duplicate_name() {
        assertThatThrownBy(() -> MessageTypes.builder().include(types).include(Impostor.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'registration.OrderPlaced'")
                .hasMessageContaining(OrderPlaced.class.getName())
                .hasMessageContaining(Impostor.class.getName());
    }

    @Test
    void fails_fast_on_a_name_that_is_not_context_dot_name() {
        assertThatThrownBy(() -> MessageTypes.builder().include(JavaNamed.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<context>.<Name>");
    }

    @Test
    void refuses_a_non_sealed_interface_whose_messages_cannot_be_discovered() {
        assertThatThrownBy(() -> MessageTypes.builder().include(Message.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither sealed nor concrete");
    }

    @MessageType(name = "test.LocalEvent")
    record LocalEvent(String value) implements Message {
    }

    record Unannotated() implements Message {
    }

    sealed interface BrokenRoot extends Message {
        @MessageType(name = "test.Named")
        record Named() implements BrokenRoot {
        }

        record Unnamed() implements BrokenRoot {
        }
    }

    @MessageType(name = "registration.OrderPlaced")
    record Impostor() implements Message {
    }

    @MessageType(name = "dev.seatbooking.contracts.JavaNamed")
    record JavaNamed() implements Message {
    }

    /** The main classes of this module, read from the directory they were compiled to. */
    private static List<Class<?>> compiledClassesOfThisModule() throws IOException, URISyntaxException {
        Path root = Path.of(Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '.'))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .map(MessageTypesTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MessageTypesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
