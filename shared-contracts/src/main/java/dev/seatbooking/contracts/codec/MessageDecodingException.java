package dev.seatbooking.contracts.codec;

import dev.seatbooking.contracts.ContractException;

/**
 * Bytes that do not make a valid message: malformed JSON, a missing required field, a value a record rejects
 * (say, a bad currency), or a schema version no upcaster leads from. Redelivery will not fix it: dead-letter it.
 */
public class MessageDecodingException extends ContractException {

    public MessageDecodingException(String message) {
        super(message);
    }

    public MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
