package dev.seatbooking.contracts.conference;

/**
 * Until when a registrant may cancel their own confirmed order: {@code days} whole days before the conference's start
 * (issue 16). Per conference like {@link OfferHold}: the owner sets it (Conference Management), {@link ConferenceEvent}
 * carries it, Registration refuses a registrant's cancellation after it. The one home of the default (7 days). The
 * owner may cancel at any time; this is the registrant's limit only.
 * <p>
 * What an owner may choose (0 to 365 days) is Conference Management's policy; a consumer accepts any day count that
 * is not negative.
 */
public record CancellationCutoff(int days) {

    /** When a conference does not say otherwise. */
    public static final CancellationCutoff DEFAULT = new CancellationCutoff(7);

    public CancellationCutoff {
        if (days < 0) throw new IllegalArgumentException("cancellationCutoffDays must not be negative, was " + days);
    }

    /** Null means {@link #DEFAULT}: a message from a producer that predates the setting, a form left empty. */
    public static CancellationCutoff orDefault(Integer days) {
        return days == null ? DEFAULT : new CancellationCutoff(days);
    }
}
