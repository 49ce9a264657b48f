package dev.seatbooking.registration;

/**
 * A command the domain refuses because a rule forbids it. Nothing happened; retrying the same command will not
 * help. Each aggregate names its rejections in a sealed subtype, so the edge (REST, messaging) can map every kind
 * to its own problem type without the domain knowing about HTTP.
 */
public abstract class DomainRejection extends RuntimeException {

    /** What kind of refusal this is, so the edge can answer alike for alike. */
    public enum Kind {
        /** The thing the command is about does not exist (an unknown order, seat position…). */
        UNKNOWN,
        /** The command does not fit what has already happened (the order is confirmed, expired…). */
        STATE_CONFLICT,
        /** The command itself breaks a business rule (too many seats, an unknown seat type…). */
        RULE_VIOLATION
    }

    private final Kind kind;
    private final String code;

    /** @param code stable and kebab-case, e.g. {@code too-many-seats}: the last part of a problem type URI */
    protected DomainRejection(Kind kind, String code, String message) {
        super(message, null, false, false); // expected outcomes, not bugs: no stack trace to fill
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
