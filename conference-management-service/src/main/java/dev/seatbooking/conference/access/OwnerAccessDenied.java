package dev.seatbooking.conference.access;

/** Why an admin request was refused. The messages name no conference and tell nothing about one. */
public abstract sealed class OwnerAccessDenied extends RuntimeException {

    private OwnerAccessDenied(String message) {
        super(message, null, false, false);
    }

    /** No credentials, unreadable ones, or ones that open no conference at all: 401. */
    public static final class NotAuthenticated extends OwnerAccessDenied {
        public NotAuthenticated(String message) {
            super(message);
        }
    }

    /** Credentials of some conference, but not of this one: 403. */
    public static final class Forbidden extends OwnerAccessDenied {
        public Forbidden() {
            super("These credentials do not give access to this conference");
        }
    }
}
