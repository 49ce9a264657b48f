/**
 * The messages that cross service boundaries, and how they travel.
 *
 * <ul>
 *   <li>Messages: records nested in one sealed interface per aggregate and kind ({@code OrderEvent},
 *       {@code OrderCommand}, ...), in one package per bounded context ({@code conference}, {@code registration},
 *       {@code payments}). Each record names the aggregate it concerns by id, and checks its fields in its compact
 *       constructor, so a decoded message is a valid one.</li>
 *   <li>Names: {@link dev.seatbooking.contracts.MessageType} gives every record a stable name and version;
 *       {@link dev.seatbooking.contracts.MessageTypes} maps names to classes.</li>
 *   <li>Transport: {@link dev.seatbooking.contracts.Envelope} (ids, correlation, causation, aggregate),
 *       {@link dev.seatbooking.contracts.codec.MessageCodec} (JSON, upcasting), {@link dev.seatbooking.contracts.Topics}.</li>
 * </ul>
 *
 * <p>Adding a message: a record with {@code @MessageType} inside an existing sealed interface is registered
 * automatically (a new sealed interface is added to {@code MessageTypes.contracts()}); the tests then ask for a
 * sample of it. Changing one: a new field that may be absent (a reference type the compact constructor defaults
 * or accepts as null) keeps the version, because consumers ignore unknown fields and old messages lack it; any
 * other change (a renamed, removed or retyped field, a new {@code int}/{@code boolean}) bumps the version and
 * comes with an {@link dev.seatbooking.contracts.codec.Upcaster} from the previous one.
 */
package dev.seatbooking.contracts;
