package dev.seatbooking.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name and schema version of a message on the wire and in the event store.
 *
 * <p>The name ({@code "<context>.<Name>"}, e.g. {@code "registration.OrderPlaced"}) is what gets stored, so it must
 * never change when the Java class is renamed or moved. Additive changes (a new optional field) keep the version;
 * anything else bumps it and comes with an upcaster from the previous version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageType {

    /** {@code "<context>.<Name>"}, independent of the Java package and class name. */
    String name();

    /** The current schema version; starts at 1. */
    int version() default 1;
}
