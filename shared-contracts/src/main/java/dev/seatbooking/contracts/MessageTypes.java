package dev.seatbooking.contracts;

import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.contracts.payments.PaymentCommand;
import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.contracts.registration.OrderCommand;
import dev.seatbooking.contracts.registration.OrderEvent;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand;
import dev.seatbooking.contracts.registration.SeatAssignmentsCommand;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand;
import dev.seatbooking.contracts.registration.PromotionalCodeUsesEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which message class goes by which stable name, both ways. Immutable once built.
 *
 * <p>{@link #contracts()} holds every message of this module. A service that has messages of its own builds its
 * registry with {@code MessageTypes.builder().include(MessageTypes.contracts()).include(MyEvent.class).build()}.
 * Including a sealed interface includes every record it permits, recursively, so a new record is registered
 * without anyone remembering to do it.
 */
public final class MessageTypes {

    /** {@code <context>.<Name>}: a lower-case context, then the message name. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*");

    private final Map<String, Class<? extends Message>> classesByName;
    private final Map<Class<? extends Message>, MessageType> typesByClass;

    private MessageTypes(Map<String, Class<? extends Message>> classesByName,
                         Map<Class<? extends Message>, MessageType> typesByClass) {
        this.classesByName = Collections.unmodifiableMap(new LinkedHashMap<>(classesByName));
        this.typesByClass = Collections.unmodifiableMap(new LinkedHashMap<>(typesByClass));
    }

    /** Every message of shared-contracts. */
    public static MessageTypes contracts() {
        return Contracts.TYPES;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @throws UnknownMessageTypeException if the class is not registered */
    public String nameOf(Class<? extends Message> type) {
        return registered(type).name();
    }

    /** The current schema version of a registered class. */
    public int versionOf(Class<? extends Message> type) {
        return registered(type).version();
    }

    public Optional<Class<? extends Message>> find(String name) {
        return Optional.ofNullable(classesByName.get(name));
    }

    /** @throws UnknownMessageTypeException naming {@code name} if it is not registered */
    public Class<? extends Message> classOf(String name) {
        return find(name).orElseThrow(() -> new UnknownMessageTypeException(name));
    }

    public boolean contains(String name) {
        return classesByName.containsKey(name);
    }

    public Set<String> names() {
        return classesByName.keySet();
    }

    public Collection<Class<? extends Message>> classes() {
        return classesByName.values();
    }

    private MessageType registered(Class<? extends Message> type) {
        MessageType messageType = typesByClass.get(type);
        if (messageType == null) {
            throw new UnknownMessageTypeException(type.getName());
        }
        return messageType;
    }

    /**
     * The {@link MessageType} of a message class, checked, whether or not any registry holds it.
     *
     * @throws IllegalArgumentException if it is missing or malformed
     */
    static MessageType annotationOf(Class<?> type) {
        MessageType messageType = type.getAnnotation(MessageType.class);
        if (messageType == null) {
            throw new IllegalArgumentException(type.getName() + " has no @MessageType: every message needs a stable name");
        }
        if (!NAME.matcher(messageType.name()).matches()) {
            throw new IllegalArgumentException("@MessageType name '" + messageType.name() + "' of " + type.getName()
                    + " is not of the form <context>.<Name>, e.g. registration.OrderPlaced");
        }
        if (messageType.version() < 1) {
            throw new IllegalArgumentException("@MessageType version of " + type.getName() + " must be at least 1");
        }
        return messageType;
    }

    public static final class Builder {

        private final Map<String, Class<? extends Message>> classesByName = new LinkedHashMap<>();
        private final Map<Class<? extends Message>, MessageType> typesByClass = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A sealed interface (every record it permits, recursively) or one concrete message class.
         *
         * @throws IllegalArgumentException on a missing annotation, a name already taken by another class, or a
         *                                  non-sealed interface (its implementations cannot be discovered)
         */
        public Builder include(Class<? extends Message> type) {
            if (type.isSealed()) {
                for (Class<?> permitted : type.getPermittedSubclasses()) {
                    include(permitted.asSubclass(Message.class));
                }
            } else if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalArgumentException(type.getName() + " is neither sealed nor concrete: its messages "
                        + "cannot be discovered; include them one by one");
            } else {
                register(type);
            }
            return this;
        }

        /** Everything another registry holds, e.g. {@link #contracts()}. */
        public Builder include(MessageTypes other) {
            other.classes().forEach(this::register);
            return this;
        }

        public MessageTypes build() {
            return new MessageTypes(classesByName, typesByClass);
        }

        private void register(Class<? extends Message> type) {
            MessageType messageType = annotationOf(type);
            Class<? extends Message> existing = classesByName.putIfAbsent(messageType.name(), type);
            if (existing != null && existing != type) {
                throw new IllegalArgumentException("message type name '" + messageType.name() + "' is used by both "
                        + existing.getName() + " and " + type.getName());
            }
            typesByClass.put(type, messageType);
        }
    }

    /** Holder: built once, on first use. */
    private static final class Contracts {
        static final MessageTypes TYPES = builder()
                .include(ConferenceEvent.class)
                .include(OrderEvent.class)
                .include(SeatsAvailabilityEvent.class)
                .include(PromotionalCodeUsesEvent.class)
                .include(SeatAssignmentsEvent.class)
                .include(OrderCommand.class)
                .include(SeatsAvailabilityCommand.class)
                .include(SeatAssignmentsCommand.class)
                .include(RegistrationProcessCommand.class)
                .include(PaymentEvent.class)
                .include(RefundEvent.class)
                .include(PaymentCommand.class)
                .build();
    }
}
